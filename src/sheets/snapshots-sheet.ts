/** The add-on's own Pipeline Snapshots tab: read once, today's rows appended once a day. */
import { CalendarDay, DayReader, readDay, startOfDayIn } from '../core/calendar';
import { SNAPSHOT_HEADERS, SnapshotRow } from '../core/snapshots';
import { CellGrid, CellValue, readNumber, readText } from '../core/values';
import { Sheet } from './book';
import { safeRows } from './safe-text';
import { ensureRows } from './sheet-size';

export function readSnapshots(sheet: Sheet, readZone: DayReader): SnapshotRow[] {
  if (sheet.getLastRow() < 2) return [];
  const grid = sheet.getRange(2, 1, sheet.getLastRow() - 1, SNAPSHOT_HEADERS.length).getValues() as CellGrid;
  const out: SnapshotRow[] = [];
  for (const r of grid) {
    const day = readDay(r[0] as CellValue, readZone);
    if (day === undefined) continue;
    out.push({ day, stage: readText(r[1] as CellValue), deals: readNumber(r[2] as CellValue) ?? 0, value: readNumber(r[3] as CellValue) ?? 0, weighted: readNumber(r[4] as CellValue) ?? 0 });
  }
  return out;
}

/**
 * Under the lock: appends today's rows unless the last row is already today (another run got
 * there since the read). One setValues and one date format, for the new rows only. Returns whether it appended.
 */
export function appendSnapshot(sheet: Sheet, rows: readonly SnapshotRow[], today: CalendarDay, timeZone: string, readZone: DayReader): boolean {
  if (rows.length === 0) return false;
  const last = sheet.getLastRow();
  if (last >= 2 && readDay(sheet.getRange(last, 1).getValue() as CellValue, readZone) === today) return false;
  const date = startOfDayIn(today, timeZone);
  ensureRows(sheet, last + rows.length);
  sheet.getRange(last + 1, 1, rows.length, SNAPSHOT_HEADERS.length).setValues(safeRows<unknown>(rows.map((r) => [date, r.stage, r.deals, r.value, r.weighted])));
  sheet.getRange(last + 1, 1, rows.length, 1).setNumberFormat('yyyy-mm-dd');
  return true;
}
