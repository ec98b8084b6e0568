/** What every action needs: the stage table (validated), the Deals tab, today in the sheet's zone. */
import { CalendarDay, DayReader, zoneDayReader } from '../core/calendar';
import { DealsParse, parseDeals } from '../core/deals';
import { formatProblems } from '../core/settings';
import { StageTable } from '../core/stages';
import { DealsTable, readDealsTable } from '../sheets/deals-sheet';
import { readStageTable } from '../sheets/settings-sheet';
import { findDealsSheet } from '../sheets/tabs';
import { defaultStageTable } from '../core/settings';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class UserError extends Error {
  constructor(message: string) { super(message); this.name = 'UserError'; }
}

export interface Clock { readonly timeZone: string; readonly readZone: DayReader; readonly now: Date; readonly today: CalendarDay }

export function clockOf(book: Book): Clock {
  const timeZone = book.getSpreadsheetTimeZone();
  const readZone = zoneDayReader(timeZone);
  const now = new Date();
  return { timeZone, readZone, now, today: readZone(now) };
}

export function stageTableOf(book: Book): StageTable {
  const parsed = readStageTable(book);
  if (!parsed) return defaultStageTable();
  if (parsed.problems.length > 0) {
    throw new UserError(`The Pipeline Settings tab has problems; fix them first (Extensions > Deal Pipeline > Check settings):\n${formatProblems(parsed.problems)}`);
  }
  return parsed.table;
}

export function dealsTableOf(book: Book): DealsTable {
  const sheet = findDealsSheet(book);
  if (!sheet) throw new UserError('No Deals tab found. Run Extensions > Deal Pipeline > Set up pipeline first.');
  return readDealsTable(sheet);
}

export interface Pipeline { book: Book; clock: Clock; table: StageTable; deals: DealsTable; parsed: DealsParse }

export function loadPipeline(book: Book): Pipeline {
  const clock = clockOf(book);
  const table = stageTableOf(book);
  const deals = dealsTableOf(book);
  const parsed = parseDeals(deals.rows, deals.columns, table, clock.readZone, deals.sheet.getName());
  return { book, clock, table, deals, parsed };
}

/** "rep@example.com", or a stand-in when Apps Script does not reveal who (consumer accounts, simple triggers). */
export function currentUser(): string {
  try {
    return Session.getActiveUser().getEmail() || 'unknown user';
  } catch {
    return 'unknown user';
  }
}

/** Runs under the document lock, flushing before release. */
export function withDocumentLock<T>(timeoutMs: number, run: () => T): T {
  const lock = LockService.getDocumentLock();
  lock.waitLock(timeoutMs);
  try {
    const result = run();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
