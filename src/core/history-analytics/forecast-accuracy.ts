/**
 * Forecast accuracy (issue 13.5): for each of the last complete close months, what the weighted
 * forecast for that month said LEAD_DAYS before the month began (the latest forecast snapshot taken
 * on or up to a week before that day), by each method, against the value actually won in the month
 * (Won deals by the day they entered their Won stage, else their Expected Close).
 */
import { CalendarDay, MS_PER_DAY, MonthOfDay, monthIndex } from '../calendar';
import { DealSet } from '../dealset';
import { WON } from '../stages';
import { ForecastSnapshotRow } from './forecast-snapshots';

export const LEAD_DAYS = [30, 60, 90] as const;
/** A snapshot up to this many days before the wanted day still counts (automation may skip days). */
export const SNAPSHOT_TOLERANCE_DAYS = 7;
/** Complete months looked back at. */
export const ACCURACY_MONTHS = 6;

export interface AccuracyRow {
  readonly month: number;
  readonly lead: number;
  readonly won: number;
  readonly forecastSet: number;
  readonly forecastObserved: number;
}

/** The first calendar day of a month index. */
export function firstDayOfMonth(month: number): CalendarDay {
  const y = Math.floor(month / 12);
  return Date.UTC(y, month - y * 12, 1) / MS_PER_DAY;
}

/** Won value per month index, by the day each won deal closed. */
export function wonByMonth(set: DealSet): Map<number, number> {
  const out = new Map<number, number>();
  const months = new MonthOfDay();
  const { codes } = set.table;
  for (let i = 0; i < set.size; i++) {
    if (codes[set.stage[i] as number] !== WON || set.closed === undefined) continue;
    const day = set.closed[i] as number;
    if (day !== day) continue;
    const m = months.month(day);
    out.set(m, (out.get(m) ?? 0) + (set.value === undefined ? 0 : (set.value[i] as number)));
  }
  return out;
}

/** Rows for the last ACCURACY_MONTHS complete months, oldest first, each lead that has a snapshot. */
export function forecastAccuracy(
  snapshots: readonly ForecastSnapshotRow[],
  won: Map<number, number>,
  today: CalendarDay,
): AccuracyRow[] {
  // Per month, its snapshots' rows; the latest row per day wins (a day appended twice by a race).
  const byMonth = new Map<number, ForecastSnapshotRow[]>();
  for (const r of snapshots) {
    const list = byMonth.get(r.month);
    if (list) list.push(r);
    else byMonth.set(r.month, [r]);
  }
  const out: AccuracyRow[] = [];
  const current = monthIndex(today);
  for (let m = current - ACCURACY_MONTHS; m < current; m++) {
    const rows = byMonth.get(m) ?? [];
    for (const lead of LEAD_DAYS) {
      const target = firstDayOfMonth(m) - lead;
      let best: ForecastSnapshotRow | undefined;
      for (const r of rows)
        if (r.day <= target && r.day >= target - SNAPSHOT_TOLERANCE_DAYS && (!best || r.day >= best.day)) best = r;
      if (best)
        out.push({
          month: m,
          lead,
          won: won.get(m) ?? 0,
          forecastSet: best.weightedSet,
          forecastObserved: best.weightedObserved,
        });
    }
  }
  return out;
}

/** Mean absolute error of each method over the rows (NaN for none). */
export function meanAbsoluteErrors(rows: readonly AccuracyRow[]): { set: number; observed: number } {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    a += Math.abs(r.forecastSet - r.won);
    b += Math.abs(r.forecastObserved - r.won);
  }
  return { set: a / rows.length, observed: b / rows.length };
}
