/** Small facts about the spreadsheet an action needs: the active row, the time zone, a tab's name. */
import { Book, Sheet } from './book';

/** The active cell's row when the active tab is `tab`, else undefined. */
export function activeRowOn(book: Book, tab: Sheet): number | undefined {
  if (book.getActiveSheet().getSheetId() !== tab.getSheetId()) return undefined;
  return book.getActiveCell().getRow();
}

/** The spreadsheet's time zone (all pipeline dates are days there). */
export function spreadsheetTimeZone(book: Book): string {
  return book.getSpreadsheetTimeZone();
}

export function tabName(sheet: Sheet): string {
  return sheet.getName();
}

/** The tab with exactly this name, if any. */
export function tabNamed(book: Book, name: string): Sheet | undefined {
  return book.getSheetByName(name) ?? undefined;
}

/** Makes `row` of `tab` the selection (the whole row), as clicking its row number does. */
export function selectRow(book: Book, tab: Sheet, row: number): void {
  book.setActiveSheet(tab);
  tab.getRange(row, 1, 1, Math.max(1, tab.getLastColumn())).activate();
}
