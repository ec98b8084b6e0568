/**
 * The add-on's own Forecast Snapshots tab: per day, the weighted forecast per close month by each
 * method (core/history-analytics/forecast-snapshots.ts). Read once; today's rows appended once a day
 * in one setValues, whatever the number of deals. The close month is written as its first day
 * formatted yyyy-mm (text "2026-05" would be read by Sheets as a date anyway).
 */
import { CalendarDay, DayReader, monthIndex, readDay, startOfDayIn } from '../core/calendar';
import { firstDayOfMonth } from '../core/history-analytics/forecast-accuracy';
import { FORECAST_SNAPSHOT_HEADERS, ForecastSnapshotRow } from '../core/history-analytics/forecast-snapshots';
import { CellGrid, CellValue, readNumber } from '../core/values';
import { appendRows } from './append-rows';
import { Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';

export function readForecastSnapshots(sheet: Sheet, readZone: DayReader): ForecastSnapshotRow[] {
  if (sheet.getLastRow() < FIRST_DATA_ROW) return [];
  const grid = sheet
    .getRange(FIRST_DATA_ROW, 1, sheet.getLastRow() - HEADER_ROW, FORECAST_SNAPSHOT_HEADERS.length)
    .getValues() as CellGrid;
  const out: ForecastSnapshotRow[] = [];
  for (const r of grid) {
    const day = readDay(r[0] as CellValue, readZone);
    const month = readDay(r[1] as CellValue, readZone);
    if (day === undefined || month === undefined) continue;
    out.push({
      day,
      month: monthIndex(month),
      deals: readNumber(r[2] as CellValue) ?? 0,
      weightedSet: readNumber(r[3] as CellValue) ?? 0,
      weightedObserved: readNumber(r[4] as CellValue) ?? 0,
    });
  }
  return out;
}

/** Under the lock: appends today's rows unless the last row is already today's. Returns whether it appended. */
export function appendForecastSnapshot(
  sheet: Sheet,
  rows: readonly ForecastSnapshotRow[],
  today: CalendarDay,
  timeZone: string,
  readZone: DayReader,
): boolean {
  if (rows.length === 0) return false;
  const last = sheet.getLastRow();
  if (last >= FIRST_DATA_ROW && readDay(sheet.getRange(last, 1).getValue() as CellValue, readZone) === today)
    return false;
  const date = startOfDayIn(today, timeZone);
  appendRows(
    sheet,
    rows.map((r) => [
      date,
      startOfDayIn(firstDayOfMonth(r.month), timeZone),
      r.deals,
      r.weightedSet,
      r.weightedObserved,
    ]),
    last,
  );
  sheet.getRange(last + 1, 1, rows.length, 2).setNumberFormats(rows.map(() => ['yyyy-mm-dd', 'yyyy-mm']));
  return true;
}
