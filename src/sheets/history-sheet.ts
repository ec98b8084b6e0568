/** The Stage History tab: read once, append in one write. */
import { HISTORY_HEADERS, HistoryEntry, parseHistory } from '../core/history';
import { CellGrid } from '../core/values';
import { safeRows } from './safe-text';
import { TABS } from './tabs';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export type HistoryRow = [Date, string, string, string, string, string, string, string];

export function historySheet(book: Book): Sheet {
  const existing = book.getSheetByName(TABS.history);
  if (existing) return existing;
  const sheet = book.insertSheet(TABS.history);
  sheet.getRange(1, 1, 1, HISTORY_HEADERS.length).setValues([HISTORY_HEADERS.slice()]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

/** The history's moves (Deal ID, From, To: columns A:E only, not the notes). */
export function readHistory(book: Book): HistoryEntry[] {
  const sheet = book.getSheetByName(TABS.history);
  if (!sheet || sheet.getLastRow() < 2) return [];
  return parseHistory(sheet.getRange(2, 1, sheet.getLastRow() - 1, 5).getValues() as CellGrid);
}

/** Appends rows after the last one, growing the sheet first when it is full. */
export function appendHistory(book: Book, rows: HistoryRow[]): void {
  if (rows.length === 0) return;
  const sheet = historySheet(book);
  appendRows(sheet, safeRows(rows));
}

export function appendRows(sheet: Sheet, rows: unknown[][]): void {
  const first = sheet.getLastRow() + 1;
  const need = first + rows.length - 1 - sheet.getMaxRows();
  if (need > 0) sheet.insertRowsAfter(sheet.getMaxRows(), need);
  sheet.getRange(first, 1, rows.length, (rows[0] as unknown[]).length).setValues(rows);
}
