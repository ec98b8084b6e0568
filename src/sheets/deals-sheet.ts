/** The Deals tab: one read of the whole table, column-wise writes of the columns the add-on owns. */
import { COLUMN_LABELS, ColumnKey, ColumnMap, mapHeaders } from '../core/columns';
import { CellGrid, CellValue, readText } from '../core/values';
import { Sheet } from './book';

/** The header row, and the first row of deals below it. */
export const HEADER_ROW = 1;
export const FIRST_DATA_ROW = HEADER_ROW + 1;

export interface DealsTable {
  readonly sheet: Sheet;
  /** The tab's name when it was read, for messages. */
  readonly tab: string;
  readonly headers: CellValue[];
  readonly columns: ColumnMap;
  /** Data rows, starting at sheet row `firstRow`. */
  readonly rows: CellGrid;
  /** Sheet row of rows[0]: FIRST_DATA_ROW for the whole table, later for a window of edited rows. */
  readonly firstRow: number;
  /** The last used row of the tab. */
  readonly lastRow: number;
  readonly width: number;
}

/** One getValues of the used range. */
export function readDealsTable(sheet: Sheet): DealsTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const all =
    lastRow < HEADER_ROW
      ? [[]]
      : (sheet.getRange(HEADER_ROW, 1, lastRow - HEADER_ROW + 1, lastColumn).getValues() as CellGrid);
  const headers = (all[0] ?? []) as CellValue[];
  return {
    sheet,
    tab: sheet.getName(),
    headers,
    columns: mapHeaders(headers),
    rows: all.slice(1),
    firstRow: FIRST_DATA_ROW,
    lastRow,
    width: lastColumn,
  };
}

/** The header row and just rows first..last (an edit's rows): two reads however long the tab is. */
export function readDealsWindow(sheet: Sheet, first: number, last: number): DealsTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const headers = (
    lastRow < HEADER_ROW ? [] : (sheet.getRange(HEADER_ROW, 1, 1, lastColumn).getValues()[0] ?? [])
  ) as CellValue[];
  const end = Math.min(last, lastRow);
  const rows = end < first ? [] : (sheet.getRange(first, 1, end - first + 1, lastColumn).getValues() as CellGrid);
  return {
    sheet,
    tab: sheet.getName(),
    headers,
    columns: mapHeaders(headers),
    rows,
    firstRow: first,
    lastRow,
    width: lastColumn,
  };
}

/** Every Deal ID on the tab (one column read when the table is a window). */
export function allDealIds(table: DealsTable, col: number): string[] {
  const whole = table.firstRow === FIRST_DATA_ROW && table.rows.length >= table.lastRow - HEADER_ROW;
  return whole ? table.rows.map((r) => readText((r as CellValue[])[col])) : readColumnText(table.sheet, col);
}

/** One column's text for every data row (one read). */
export function readColumnText(sheet: Sheet, col: number): string[] {
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return [];
  return sheet
    .getRange(FIRST_DATA_ROW, col + 1, last - FIRST_DATA_ROW + 1, 1)
    .getValues()
    .map((r) => readText(r[0] as CellValue));
}

/** The header row as a column map (one read). */
export function readColumns(sheet: Sheet): ColumnMap {
  const width = Math.max(1, sheet.getLastColumn());
  return mapHeaders(sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] ?? []);
}

export function requireColumn(table: DealsTable, key: ColumnKey): number {
  const col = table.columns[key];
  if (col === undefined)
    throw new Error(
      `The ${table.sheet.getName()} tab has no "${COLUMN_LABELS[key]}" column. Run Extensions > Deal Pipeline > Set up pipeline.`,
    );
  return col;
}

/**
 * Writes header labels into the blank cells right of the used header row (growing the tab when it
 * is too narrow). Returns the labels written; none when those cells are no longer blank.
 */
export function appendHeaders(sheet: Sheet, table: DealsTable, labels: readonly string[]): string[] {
  if (labels.length === 0) return [];
  const used = table.headers.every((h) => readText(h) === '') ? 0 : table.width;
  const need = used + labels.length - sheet.getMaxColumns();
  if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
  const target = sheet.getRange(HEADER_ROW, used + 1, 1, labels.length);
  if ((target.getValues()[0] ?? []).some((v) => readText(v as CellValue) !== '')) return [];
  target.setValues([labels.slice()]);
  return labels.slice();
}
