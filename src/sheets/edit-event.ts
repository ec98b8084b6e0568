/** What an onEdit event's range covers, read once. */
import { Range, Sheet } from './book';

export type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

export interface EditedSpan {
  readonly sheetId: number;
  readonly firstRow: number;
  readonly lastRow: number;
  readonly firstColumn: number;
  readonly lastColumn: number;
  /** One cell: Sheets then passes oldValue (when the cell had one). */
  readonly single: boolean;
}

export function editedSpan(range: Range): EditedSpan {
  const firstRow = range.getRow();
  const lastRow = range.getLastRow();
  const firstColumn = range.getColumn();
  const lastColumn = range.getLastColumn();
  return {
    sheetId: range.getSheet().getSheetId(),
    firstRow,
    lastRow,
    firstColumn,
    lastColumn,
    single: firstRow === lastRow && firstColumn === lastColumn,
  };
}

export function isTab(sheet: Sheet, sheetId: number): boolean {
  return sheet.getSheetId() === sheetId;
}

/** The editor's e-mail from the event ('' when Google withholds it, as it does in simple triggers). */
export function eventUserEmail(e: EditEvent): string {
  return e.user && typeof e.user.getEmail === 'function' ? e.user.getEmail() || '' : '';
}
