/**
 * The tabs the add-on generates (Pipeline Summary, Pipeline Snapshots) are written only when the
 * add-on created them (their sheet IDs are in the TabRegistry). A tab of a user's that carries the
 * name is never touched: the add-on makes "Pipeline Summary (2)" and says so once.
 */
import { Book, Sheet } from './book';
import { TABS, TabRegistry, TabRole } from './tab-registry';

export interface GeneratedTab {
  readonly sheet: Sheet;
  /** Set when this call created the tab under another name because a user's tab had ours. */
  readonly notice?: string;
}

/** The role's own tab, if the add-on made one (read without creating anything). */
export function findGeneratedTab(registry: TabRegistry, role: TabRole): Sheet | undefined {
  return registry.findOwn(role);
}

/**
 * Whether a tab made by a version of the add-on from before the registry: its first row (snapshots:
 * exactly our headers) or its last-run line (summary: "Last run" in A2 with a result in E2) says so.
 * A manager's own tab of the same name carries neither, so it is never adopted.
 */
function madeByEarlierVersion(sheet: Sheet, role: TabRole, headers?: readonly string[]): boolean {
  if (sheet.getLastRow() < (role === 'summary' ? 2 : 1)) return false;
  if (role === 'summary') {
    const [a2, , , , e2] = sheet.getRange(2, 1, 1, 5).getValues()[0] ?? [];
    return a2 === 'Last run' && ['OK', 'Failed', 'Continuing', ''].includes(String(e2));
  }
  if (!headers || headers.length === 0) return false;
  const first = sheet.getRange(1, 1, 1, Math.max(headers.length, sheet.getLastColumn())).getValues()[0] ?? [];
  return first.every((v, i) => (i < headers.length ? v === headers[i] : v === ''));
}

/** The role's own tab, created (with headers) when there is none. A write: call it under the lock. */
export function ensureGeneratedTab(
  book: Book,
  registry: TabRegistry,
  role: TabRole,
  headers?: readonly string[],
): GeneratedTab {
  const own = registry.findOwn(role);
  if (own) return { sheet: own };
  const clash = book.getSheetByName(TABS[role]);
  // Upgrading from a version without the registry: our own tab is recognised and adopted, not duplicated.
  if (clash && !registry.isRemembered(role) && madeByEarlierVersion(clash, role, headers)) {
    registry.remember(role, clash, true);
    return { sheet: clash };
  }
  const sheet = registry.ensure(role, headers, { ownOnly: true });
  const name = sheet.getName();
  return clash && name !== TABS[role]
    ? {
        sheet,
        notice: `"${TABS[role]}" is not a tab the add-on made, so it was left as it is; the add-on uses "${name}".`,
      }
    : { sheet };
}
