/** The Deals tab: one read of the whole table, column-wise writes of the columns the add-on owns. */
import { COLUMN_LABELS, ColumnKey, ColumnMap, mapHeaders } from '../core/columns';
import { CellGrid, CellValue } from '../core/values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DealsTable {
  readonly sheet: Sheet;
  readonly headers: CellValue[];
  readonly columns: ColumnMap;
  /** Data rows, starting at sheet row `firstRow`. */
  readonly rows: CellGrid;
  /** Sheet row of rows[0]: 2 for the whole table, later for a window of edited rows. */
  readonly firstRow: number;
  /** The last used row of the tab. */
  readonly lastRow: number;
  readonly width: number;
}

/** One getValues of the used range. */
export function readDealsTable(sheet: Sheet): DealsTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const all = lastRow < 1 ? [[]] : (sheet.getRange(1, 1, lastRow, lastColumn).getValues() as CellGrid);
  const headers = (all[0] ?? []) as CellValue[];
  return { sheet, headers, columns: mapHeaders(headers), rows: all.slice(1), firstRow: 2, lastRow, width: lastColumn };
}

/** The header row and just rows first..last (an edit's rows): two reads however long the tab is. */
export function readDealsWindow(sheet: Sheet, first: number, last: number): DealsTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const headers = (lastRow < 1 ? [] : sheet.getRange(1, 1, 1, lastColumn).getValues()[0] ?? []) as CellValue[];
  const end = Math.min(last, lastRow);
  const rows = end < first ? [] : (sheet.getRange(first, 1, end - first + 1, lastColumn).getValues() as CellGrid);
  return { sheet, headers, columns: mapHeaders(headers), rows, firstRow: first, lastRow, width: lastColumn };
}

/** Every Deal ID on the tab (one column read when the table is a window). */
export function allDealIds(table: DealsTable, col: number): string[] {
  const whole = table.firstRow === 2 && table.rows.length >= table.lastRow - 1;
  const cells = whole ? table.rows.map((r) => (r as CellValue[])[col]) : table.lastRow < 2 ? [] : table.sheet.getRange(2, col + 1, table.lastRow - 1, 1).getValues().map((r) => r[0] as CellValue);
  return cells.map((v) => String(v ?? '').trim());
}

/** Writes one column for every data row in one setValues (a column the add-on owns). */
export function writeColumn(table: DealsTable, key: ColumnKey, values: CellValue[]): void {
  const col = table.columns[key];
  if (col === undefined || values.length === 0) return;
  table.sheet.getRange(table.firstRow, col + 1, values.length, 1).setValues(values.map((v) => [v]));
}

export function requireColumn(table: DealsTable, key: ColumnKey): number {
  const col = table.columns[key];
  if (col === undefined) throw new Error(`The ${table.sheet.getName()} tab has no "${COLUMN_LABELS[key]}" column. Run Extensions > Deal Pipeline > Set up pipeline.`);
  return col;
}

/** Finds a deal's sheet row by Deal ID (rows may have moved since the sidebar read them). */
export function findRowById(table: DealsTable, id: string): number | undefined {
  const col = table.columns.dealId;
  if (col === undefined || id === '') return undefined;
  for (let r = 0; r < table.rows.length; r++) if (String((table.rows[r] as CellValue[])[col] ?? '').trim() === id) return r + table.firstRow;
  return undefined;
}
