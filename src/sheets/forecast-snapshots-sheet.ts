/**
 * The add-on's own Forecast Snapshots tab (a daily table): per day, the weighted forecast per close
 * month by each method (core/history-analytics/forecast-snapshots.ts). Read once; today's rows appended
 * once a day in one setValues, whatever the number of deals. The close month is written as its first
 * day formatted yyyy-mm (text "2026-05" would be read by Sheets as a date anyway).
 */
import { CalendarDay, DayReader, monthIndex, readDay, startOfDayIn } from '../core/calendar';
import { firstDayOfMonth } from '../core/history-analytics/forecast-accuracy';
import { FORECAST_SNAPSHOT_HEADERS, ForecastSnapshotRow } from '../core/history-analytics/forecast-snapshots';
import { readNumber } from '../core/values';
import { Sheet } from './book';
import { appendToday, readDailyRows } from './daily-table';

export function readForecastSnapshots(sheet: Sheet, readZone: DayReader): ForecastSnapshotRow[] {
  return readDailyRows(sheet, FORECAST_SNAPSHOT_HEADERS.length, readZone, (r, day) => {
    const month = readDay(r[1], readZone);
    if (month === undefined) return undefined;
    return {
      day,
      month: monthIndex(month),
      deals: readNumber(r[2]) ?? 0,
      weightedSet: readNumber(r[3]) ?? 0,
      weightedObserved: readNumber(r[4]) ?? 0,
    };
  });
}

/** Under the lock: appends today's rows unless the last row is already today's. Returns whether it appended. */
export function appendForecastSnapshot(
  sheet: Sheet,
  rows: readonly ForecastSnapshotRow[],
  today: CalendarDay,
  timeZone: string,
  readZone: DayReader,
): boolean {
  const date = startOfDayIn(today, timeZone);
  const cells = rows.map((r) => [
    date,
    startOfDayIn(firstDayOfMonth(r.month), timeZone),
    r.deals,
    r.weightedSet,
    r.weightedObserved,
  ]);
  return appendToday(sheet, cells, today, readZone, ['yyyy-mm-dd', 'yyyy-mm']);
}
