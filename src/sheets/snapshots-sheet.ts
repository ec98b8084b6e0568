/** The add-on's own Pipeline Snapshots tab: read once, today's rows appended once a day. */
import { CalendarDay, DayReader, readDay, startOfDayIn } from '../core/calendar';
import { SNAPSHOT_HEADERS, SnapshotRow } from '../core/snapshots';
import { CellGrid, CellValue, readNumber, readText } from '../core/values';
import { Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';
import { safeRows } from './safe-text';
import { appendRows } from './append-rows';

export function readSnapshots(sheet: Sheet, readZone: DayReader): SnapshotRow[] {
  if (sheet.getLastRow() < FIRST_DATA_ROW) return [];
  const grid = sheet
    .getRange(FIRST_DATA_ROW, 1, sheet.getLastRow() - HEADER_ROW, SNAPSHOT_HEADERS.length)
    .getValues() as CellGrid;
  const out: SnapshotRow[] = [];
  for (const r of grid) {
    const day = readDay(r[0] as CellValue, readZone);
    if (day === undefined) continue;
    out.push({
      day,
      stage: readText(r[1] as CellValue),
      deals: readNumber(r[2] as CellValue) ?? 0,
      value: readNumber(r[3] as CellValue) ?? 0,
      weighted: readNumber(r[4] as CellValue) ?? 0,
    });
  }
  return out;
}

/**
 * Under the lock: appends today's rows unless the last row is already today (another run got
 * there since the read). One setValues and one date format, for the new rows only. Returns whether it appended.
 */
export function appendSnapshot(
  sheet: Sheet,
  rows: readonly SnapshotRow[],
  today: CalendarDay,
  timeZone: string,
  readZone: DayReader,
): boolean {
  if (rows.length === 0) return false;
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW && readDay(sheet.getRange(last, 1).getValue() as CellValue, readZone) === today)
    return false;
  const date = startOfDayIn(today, timeZone);
  appendRows(sheet, safeRows<unknown>(rows.map((r) => [date, r.stage, r.deals, r.value, r.weighted])), last);
  sheet.getRange(last + 1, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
  return true;
}
