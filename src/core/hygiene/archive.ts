/**
 * Archiving closed deals: a Won or Lost deal whose close day (the day it entered its closed stage,
 * else its Expected Close) is at least "Archive closed deals after (days)" ago moves to the add-on's
 * Archive tab (same columns). Only deals with a Deal ID of their own are archived (they are found
 * again by it just before their row is deleted). Archived deals still count in the figures: a
 * Deal ID on both tabs (an archive interrupted half-way) counts once, from the Deals tab.
 */
import { foldHeader } from '../columns';
import { CalendarDay } from '../calendar';
import { closedDay, DealRecord } from '../deals';
import type { NumberSetting } from '../named-settings';
import { CellValue, readText } from '../values';

export const ARCHIVE_AFTER: NumberSetting = {
  label: 'Archive closed deals after (days)',
  defaultValue: 180,
  min: 1,
  max: 36_500,
  integer: true,
  help: 'Archive closed deals moves Won and Lost deals closed at least this many days ago to the Archive tab.',
};

/** At most this many deals move per run (the rest on the next run), so one run stays well inside Apps Script's time. */
export const ARCHIVE_PER_RUN = 2000;

/** Closed deals due for the archive, oldest close first; `skipRows` are rows not to act on (shared Deal IDs). */
export function archiveCandidates(
  deals: readonly DealRecord[],
  today: CalendarDay,
  afterDays: number,
  skipRows: ReadonlySet<number> = new Set(),
): DealRecord[] {
  const out: DealRecord[] = [];
  for (const d of deals) {
    if (d.stage.outcome === 'Open' || d.id === '' || skipRows.has(d.row)) continue;
    const day = closedDay(d);
    if (!Number.isNaN(day) && today - day >= afterDays) out.push(d);
  }
  return out.sort((a, b) => closedDay(a) - closedDay(b) || a.row - b.row).slice(0, ARCHIVE_PER_RUN);
}

/**
 * The Archive tab's header row after this run (its own headers, then any Deals header it lacks) and,
 * per archive column, the Deals column it takes its cell from (-1: blank). Headers match folded.
 */
export function archiveLayout(
  dealsHeaders: readonly CellValue[],
  archiveHeaders: readonly CellValue[],
): { headers: string[]; added: string[]; source: number[] } {
  const headers = archiveHeaders.map((h) => readText(h));
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const have = new Set(headers.map(foldHeader));
  const added: string[] = [];
  for (const h of dealsHeaders) {
    const t = readText(h);
    if (t !== '' && !have.has(foldHeader(t))) {
      have.add(foldHeader(t));
      added.push(t);
    }
  }
  const all = [...headers, ...added];
  const byFolded = new Map<string, number>();
  dealsHeaders.forEach((h, i) => {
    const f = foldHeader(readText(h));
    if (f !== '' && !byFolded.has(f)) byFolded.set(f, i);
  });
  return { headers: all, added, source: all.map((h) => byFolded.get(foldHeader(h)) ?? -1) };
}

/** A Deals row as an Archive row. */
export function archiveRow(raw: readonly CellValue[], source: readonly number[]): CellValue[] {
  return source.map((c) => (c < 0 ? '' : (raw[c] ?? '')));
}

/** Sheet rows to delete as runs of adjacent rows, bottom-up (so a deletion never shifts a later one). */
export function deletionRuns(rows: readonly number[]): { start: number; count: number }[] {
  const sorted = [...new Set(rows)].sort((a, b) => b - a);
  const runs: { start: number; count: number }[] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start === r + 1) {
      last.start = r;
      last.count++;
    } else runs.push({ start: r, count: 1 });
  }
  return runs;
}

/** The deals the figures count: every Deals-tab deal, and archived deals whose Deal ID is not on the Deals tab (nor on an earlier Archive row). */
export function withArchived(deals: readonly DealRecord[], archived: readonly DealRecord[]): DealRecord[] {
  if (archived.length === 0) return deals.slice();
  const ids = new Set(deals.map((d) => d.id).filter((id) => id !== ''));
  const out = deals.slice();
  for (const d of archived) {
    if (d.id !== '' && ids.has(d.id)) continue;
    if (d.id !== '') ids.add(d.id);
    out.push(d);
  }
  return out;
}
