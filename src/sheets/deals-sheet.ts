/** The Deals tab: one read of the whole table, column-wise writes of the columns the add-on owns. */
import { COLUMN_LABELS, ColumnKey, ColumnMap, mapHeaders } from '../core/columns';
import { CellGrid, CellValue } from '../core/values';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface DealsTable {
  readonly sheet: Sheet;
  readonly headers: CellValue[];
  readonly columns: ColumnMap;
  /** Data rows, starting at sheet row 2. */
  readonly rows: CellGrid;
  readonly width: number;
}

/** One getValues of the used range. */
export function readDealsTable(sheet: Sheet): DealsTable {
  const lastRow = sheet.getLastRow();
  const lastColumn = Math.max(1, sheet.getLastColumn());
  const all = lastRow < 1 ? [[]] : (sheet.getRange(1, 1, lastRow, lastColumn).getValues() as CellGrid);
  const headers = (all[0] ?? []) as CellValue[];
  return { sheet, headers, columns: mapHeaders(headers), rows: all.slice(1), width: lastColumn };
}

/** Writes one column for every data row in one setValues (a column the add-on owns). */
export function writeColumn(table: DealsTable, key: ColumnKey, values: CellValue[]): void {
  const col = table.columns[key];
  if (col === undefined || values.length === 0) return;
  table.sheet.getRange(2, col + 1, values.length, 1).setValues(values.map((v) => [v]));
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
  for (let r = 0; r < table.rows.length; r++) if (String((table.rows[r] as CellValue[])[col] ?? '').trim() === id) return r + 2;
  return undefined;
}
