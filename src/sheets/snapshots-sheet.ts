/** The add-on's own Pipeline Snapshots tab (a daily table): read once, today's rows appended once a day. */
import { CalendarDay, DayReader, startOfDayIn } from '../core/calendar';
import { SNAPSHOT_HEADERS, SnapshotRow } from '../core/snapshots';
import { readNumber, readText } from '../core/values';
import { Sheet } from './book';
import { appendToday, readDailyRows } from './daily-table';
import { safeRows } from './safe-text';

export function readSnapshots(sheet: Sheet, readZone: DayReader): SnapshotRow[] {
  return readDailyRows(sheet, SNAPSHOT_HEADERS.length, readZone, (r, day) => ({
    day,
    stage: readText(r[1]),
    deals: readNumber(r[2]) ?? 0,
    value: readNumber(r[3]) ?? 0,
    weighted: readNumber(r[4]) ?? 0,
  }));
}

/** Under the lock: appends today's rows (the stage as text, never a formula) with the date formatted. Returns whether it appended. */
export function appendSnapshot(
  sheet: Sheet,
  rows: readonly SnapshotRow[],
  today: CalendarDay,
  timeZone: string,
  readZone: DayReader,
): boolean {
  const date = startOfDayIn(today, timeZone);
  const cells = safeRows<unknown>(rows.map((r) => [date, r.stage, r.deals, r.value, r.weighted]));
  return appendToday(sheet, cells, today, readZone, ['yyyy-mm-dd']);
}
