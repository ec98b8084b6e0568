/**
 * Writing rows below a tab's last row, the one way the add-on appends (Stage History, Pipeline
 * Snapshots): the tab grows first (Sheets refuses ranges outside the grid), the rows land in one
 * setValues, and a write that fails part-way is blanked again so no half row stays behind.
 */
import { Range, Sheet } from './book';

/** Adds rows at the end until the tab has at least `rows` rows. */
export function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

/** Appends the rows (all as wide as the first) after row `after` (the last row); returns where they went. */
export function appendRows(sheet: Sheet, rows: unknown[][], after = sheet.getLastRow()): Range {
  ensureRows(sheet, after + rows.length);
  const range = sheet.getRange(after + 1, 1, rows.length, (rows[0] as unknown[]).length);
  try {
    range.setValues(rows);
  } catch (e) {
    blankRange(range);
    throw e;
  }
  return range;
}

/** Empties a range the add-on wrote (its own rows); true when that worked. */
export function blankRange(range: Range): boolean {
  try {
    range.setValues(
      Array.from({ length: range.getNumRows() }, () => Array.from({ length: range.getNumColumns() }, () => '')),
    );
    return true;
  } catch {
    return false;
  }
}
