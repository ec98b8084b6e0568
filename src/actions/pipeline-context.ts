/** What every action needs: the stage table (validated), the Deals tab, today in the sheet's zone. */
import { Clock, clockAt } from '../core/clock';
import { DealsParse, parseDeals } from '../core/deals';
import { defaultStageTable, formatProblems } from '../core/settings';
import { StageTable } from '../core/stages';
import { Book, Sheet } from '../sheets/book';
import { DealsTable, readDealsTable } from '../sheets/deals-sheet';
import { spreadsheetTimeZone } from '../sheets/book-info';
import { activeUserEmail } from '../sheets/session';
import { NamedSettings } from '../core/named-settings';
import { TargetsParse } from '../core/targets';
import {
  namedSettingsFrom,
  readSettingsCells,
  SettingsCells,
  stageTableFrom,
  targetsFrom,
} from '../sheets/settings-sheet';
import { TabRegistry } from '../sheets/tab-registry';

export type { Clock } from '../core/clock';

export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

export function clockOf(book: Book): Clock {
  return clockAt(new Date(), spreadsheetTimeZone(book));
}

/** The stage table, or why it cannot be used (its problems, cell by cell). */
export function stageTableOrProblem(
  book: Book,
  registry?: TabRegistry,
  cells: SettingsCells | undefined = readSettingsCells(book, registry),
): { table: StageTable; problem?: undefined } | { table?: undefined; problem: string } {
  const parsed = cells ? stageTableFrom(cells) : undefined;
  if (!parsed) return { table: defaultStageTable() };
  if (parsed.problems.length > 0)
    return {
      problem: `The Pipeline Settings tab has problems; fix them first (Extensions > Deal Pipeline > Check settings):\n${formatProblems(parsed.problems)}`,
    };
  return { table: parsed.table };
}

export function stageTableOf(book: Book, registry?: TabRegistry, cells?: SettingsCells): StageTable {
  const r = cells ? stageTableOrProblem(book, registry, cells) : stageTableOrProblem(book, registry);
  if (r.table === undefined) throw new UserError(r.problem);
  return r.table;
}

/** The Deals tab (remembered by sheet ID, so a renamed tab is still found). */
export function dealsTabOf(registry: TabRegistry): Sheet {
  const sheet = registry.find('deals');
  if (!sheet) throw new UserError('No Deals tab found. Run Extensions > Deal Pipeline > Set up pipeline first.');
  return sheet;
}

export function dealsTableOf(book: Book, registry: TabRegistry = new TabRegistry(book)): DealsTable {
  return readDealsTable(dealsTabOf(registry));
}

export interface Pipeline {
  book: Book;
  clock: Clock;
  table: StageTable;
  deals: DealsTable;
  parsed: DealsParse;
  /** The settings tab's named settings (defaults when absent or unreadable: Check settings names the cell). */
  named: NamedSettings;
  /** The settings tab's targets table. */
  targets: TargetsParse;
}

/** The settings tab (one read: stages, named settings, targets), the Deals tab (one read), today. */
export function loadPipeline(book: Book): Pipeline {
  const clock = clockOf(book);
  const cells = readSettingsCells(book);
  const table = stageTableOf(book, undefined, cells);
  const deals = dealsTableOf(book);
  const parsed = parseDeals(deals.rows, deals.columns, table, clock.readZone, deals.tab, deals.firstRow);
  return {
    book,
    clock,
    table,
    deals,
    parsed,
    named: namedSettingsFrom(cells),
    targets: targetsFrom(cells, clock.readZone),
  };
}

/** "rep@example.com", or a stand-in when Apps Script does not reveal who (consumer accounts). */
export function currentUser(): string {
  return activeUserEmail() || 'unknown user';
}
