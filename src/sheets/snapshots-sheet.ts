/** The Pipeline Snapshots tab: read once, append today's rows once a day. */
import { CalendarDay, DayReader, readDay, startOfDayIn } from '../core/calendar';
import { SNAPSHOT_HEADERS, SnapshotRow } from '../core/snapshots';
import { CellGrid, CellValue, readNumber, readText } from '../core/values';
import { appendRows } from './history-sheet';
import { safeRows } from './safe-text';
import { TABS } from './tabs';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function snapshotsSheet(book: Book): Sheet {
  const existing = book.getSheetByName(TABS.snapshots);
  if (existing) return existing;
  const sheet = book.insertSheet(TABS.snapshots);
  sheet.getRange(1, 1, 1, SNAPSHOT_HEADERS.length).setValues([SNAPSHOT_HEADERS.slice()]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}

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

/** Appends today's rows unless today is already there. Returns whether it appended. */
export function appendSnapshot(sheet: Sheet, existing: readonly SnapshotRow[], rows: readonly SnapshotRow[], today: CalendarDay, timeZone: string): boolean {
  if (existing.some((r) => r.day === today) || rows.length === 0) return false;
  const date = startOfDayIn(today, timeZone);
  appendRows(sheet, safeRows<unknown>(rows.map((r) => [date, r.stage, r.deals, r.value, r.weighted])));
  sheet.getRange(2, 1, sheet.getLastRow() - 1, 1).setNumberFormat('yyyy-mm-dd');
  return true;
}
