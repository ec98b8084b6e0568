/**
 * The add-on's tabs, remembered by sheet ID in a document property, so that a renamed tab is still
 * found and another tab that happens to carry one of our names (a manager's own "Pipeline Summary")
 * is never taken for ours. Names are only a first-setup fallback: once a role has an ID, the ID wins,
 * and a role whose tab was deleted stays missing until Set up pipeline runs again.
 */
import { Book, DocumentProperties, Sheet } from './book';
import { HEADER_ROW, readColumns } from './deals-sheet';
import { documentProperties } from './platform';
import { PROPERTY_KEYS } from './property-keys';

/** Default names, used when the add-on creates a tab or looks for one on first setup. */
export const TABS = {
  deals: 'Deals',
  settings: 'Pipeline Settings',
  history: 'Stage History',
  summary: 'Pipeline Summary',
  snapshots: 'Pipeline Snapshots',
  archive: 'Archive',
  forecasts: 'Forecast Snapshots',
} as const;

export type TabRole = keyof typeof TABS;
export const TAB_ROLES = Object.keys(TABS) as TabRole[];

export interface TabRegistryRecord {
  /** Sheet ID of each role's tab. */
  readonly ids: Partial<Record<TabRole, number>>;
  /** Sheet IDs of the tabs the add-on created (only these may ever be cleared). */
  readonly created: readonly number[];
}

const EMPTY: TabRegistryRecord = { ids: {}, created: [] };

/** Parses the stored record; anything unreadable counts as "nothing remembered" (first setup). */
export function parseRegistry(raw: string | null): TabRegistryRecord {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return EMPTY;
    const rec = value as { ids?: unknown; created?: unknown };
    const ids: Partial<Record<TabRole, number>> = {};
    if (typeof rec.ids === 'object' && rec.ids !== null) {
      for (const role of TAB_ROLES) {
        const id = (rec.ids as Record<string, unknown>)[role];
        if (typeof id === 'number' && Number.isInteger(id)) ids[role] = id;
      }
    }
    const created = Array.isArray(rec.created)
      ? rec.created.filter((n): n is number => typeof n === 'number' && Number.isInteger(n))
      : [];
    return { ids, created };
  } catch {
    return EMPTY;
  }
}

export class TabRegistry {
  private record: TabRegistryRecord;

  constructor(
    private readonly book: Book,
    private readonly props: DocumentProperties = documentProperties(),
  ) {
    this.record = parseRegistry(props.getProperty(PROPERTY_KEYS.tabs));
  }

  get snapshot(): TabRegistryRecord {
    return this.record;
  }

  /** Tabs by sheet ID, read once per registry (an action's lifetime); reset when the registry adds a tab. */
  private byId: Map<number, Sheet> | undefined;

  private sheetById(id: number): Sheet | undefined {
    this.byId ??= new Map(this.book.getSheets().map((s) => [s.getSheetId(), s]));
    return this.byId.get(id);
  }

  /** Whether the role's tab has been remembered (then names are no longer consulted). */
  isRemembered(role: TabRole): boolean {
    return this.record.ids[role] !== undefined;
  }

  /** Whether the add-on created this tab (and so may clear it). */
  isCreatedByAddOn(sheet: Sheet): boolean {
    return this.record.created.includes(sheet.getSheetId());
  }

  /**
   * The role's tab: by remembered ID; else, when nothing is remembered for the role, by its default
   * name (for the Deals tab, also the first untaken tab whose headers have Stage and Deal or Value).
   */
  find(role: TabRole): Sheet | undefined {
    const id = this.record.ids[role];
    if (id !== undefined) return this.sheetById(id);
    const named = this.book.getSheetByName(TABS[role]) ?? undefined;
    if (named && !this.isTakenByAnotherRole(named, role)) return named;
    return role === 'deals' ? this.sniffDealsTab() : undefined;
  }

  /** The role's tab only if the add-on created it; a same-named tab of a user's is ignored. */
  findOwn(role: TabRole): Sheet | undefined {
    const sheet = this.find(role);
    return sheet && this.isCreatedByAddOn(sheet) ? sheet : undefined;
  }

  /** Remembers `sheet` as the role's tab (and as created by the add-on when `created`). */
  remember(role: TabRole, sheet: Sheet, created: boolean): void {
    const id = sheet.getSheetId();
    const ids = { ...this.record.ids, [role]: id };
    const createdIds =
      created && !this.record.created.includes(id) ? [...this.record.created, id] : this.record.created.slice();
    this.record = { ids, created: createdIds };
    this.props.setProperty(PROPERTY_KEYS.tabs, JSON.stringify(this.record));
  }

  /**
   * The role's tab, creating it (under a free name, with a bold frozen header row) when missing.
   * With `ownOnly`, a found tab the add-on did not create is left alone and a new one is made.
   */
  ensure(role: TabRole, headers?: readonly string[], options: { ownOnly?: boolean; index?: number } = {}): Sheet {
    const found = options.ownOnly ? this.findOwn(role) : this.find(role);
    if (found) {
      if (!this.isRemembered(role)) this.remember(role, found, this.isCreatedByAddOn(found));
      return found;
    }
    const name = freeName(this.book, TABS[role]);
    const sheet =
      options.index === undefined ? this.book.insertSheet(name) : this.book.insertSheet(name, options.index);
    this.byId = undefined;
    if (headers && headers.length > 0) {
      sheet.getRange(HEADER_ROW, 1, 1, headers.length).setValues([headers.slice()]).setFontWeight('bold');
      sheet.setFrozenRows(HEADER_ROW);
    }
    this.remember(role, sheet, true);
    return sheet;
  }

  private isTakenByAnotherRole(sheet: Sheet, role: TabRole): boolean {
    const id = sheet.getSheetId();
    return TAB_ROLES.some((r) => r !== role && this.record.ids[r] === id);
  }

  private sniffDealsTab(): Sheet | undefined {
    const generatedNames: string[] = TAB_ROLES.filter((r) => r !== 'deals').map((r) => TABS[r]);
    for (const sheet of this.book.getSheets()) {
      if (
        generatedNames.includes(sheet.getName()) ||
        this.isTakenByAnotherRole(sheet, 'deals') ||
        sheet.getLastRow() < HEADER_ROW
      )
        continue;
      const map = readColumns(sheet);
      if (map.stage !== undefined && (map.deal !== undefined || map.value !== undefined)) return sheet;
    }
    return undefined;
  }
}

/** `base`, or `base (2)`, `base (3)`... whichever no tab has yet. */
export function freeName(book: Book, base: string): string {
  const taken = new Set(book.getSheets().map((s) => s.getName()));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base} (${n})`)) return `${base} (${n})`;
}
