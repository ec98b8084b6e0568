/**
 * A daily table the add-on owns (Pipeline Snapshots, Forecast Snapshots): a header row, then one block
 * of rows a day, the day's date in column A. Read whole once; today's block appended once a day in
 * one setValues (after the rows already there), unless the last row is already today's.
 */
import { CalendarDay, DayReader, readDay } from '../core/calendar';
import { CellGrid, CellValue } from '../core/values';
import { appendRows } from './append-rows';
import { Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';

/** Each data row as read (`width` columns from A) with its day; rows without a readable day, or that `parse` refuses, are left out. */
export function readDailyRows<T>(
  sheet: Sheet,
  width: number,
  readZone: DayReader,
  parse: (row: readonly CellValue[], day: CalendarDay) => T | undefined,
): T[] {
  if (sheet.getLastRow() < FIRST_DATA_ROW) return [];
  const grid = sheet.getRange(FIRST_DATA_ROW, 1, sheet.getLastRow() - HEADER_ROW, width).getValues() as CellGrid;
  const out: T[] = [];
  for (const r of grid) {
    const day = readDay(r[0] as CellValue, readZone);
    const row = day === undefined ? undefined : parse(r, day);
    if (row !== undefined) out.push(row);
  }
  return out;
}

/**
 * Under the lock: appends today's rows unless there are none or the last row is already today's
 * (another run got there since the read), then gives their first columns the number formats
 * (one per column, e.g. the date's). Returns whether it appended.
 */
export function appendToday(
  sheet: Sheet,
  rows: unknown[][],
  today: CalendarDay,
  readZone: DayReader,
  formats: readonly string[],
): boolean {
  if (rows.length === 0) return false;
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW && readDay(sheet.getRange(last, 1).getValue() as CellValue, readZone) === today)
    return false;
  appendRows(sheet, rows, last);
  sheet.getRange(last + 1, 1, rows.length, formats.length).setNumberFormats(rows.map(() => [...formats]));
  return true;
}
