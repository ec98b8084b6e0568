/** Growing a tab before writing past its last row (Sheets refuses ranges outside the grid). */
import { Sheet } from './book';

/** Adds rows at the end until the tab has at least `rows` rows. */
export function ensureRows(sheet: Sheet, rows: number): void {
  const max = sheet.getMaxRows();
  if (rows > max) sheet.insertRowsAfter(max, rows - max);
}

/** A height x width grid of `fill`, with `rows` copied into its top-left corner. */
export function padGrid<T>(rows: readonly (readonly T[])[], height: number, width: number, fill: T): T[][] {
  const out: T[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = rows[r];
    const row: T[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src !== undefined && c < src.length ? (src[c] as T) : fill;
    out[r] = row;
  }
  return out;
}
