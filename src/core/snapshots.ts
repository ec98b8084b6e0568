/** Pipeline Snapshots: one row per stage per day, for the trend. */
import { CalendarDay } from './calendar';
import { DealSet, valueOf, weightOf } from './dealset';

export const SNAPSHOT_HEADERS = ['Date', 'Stage', 'Deals', 'Value', 'Weighted value'] as const;

export interface SnapshotRow {
  readonly day: CalendarDay;
  readonly stage: string;
  readonly deals: number;
  readonly value: number;
  readonly weighted: number;
}

export function snapshotRows(set: DealSet, day: CalendarDay): SnapshotRow[] {
  const n = set.table.stages.length;
  const deals = new Float64Array(n);
  const value = new Float64Array(n);
  const weighted = new Float64Array(n);
  for (let i = 0; i < set.size; i++) {
    const s = set.stage[i] as number;
    const v = valueOf(set, i);
    deals[s] = (deals[s] as number) + 1;
    value[s] = (value[s] as number) + v;
    weighted[s] = (weighted[s] as number) + v * weightOf(set, i);
  }
  return set.table.stages.map((st, k) => ({
    day,
    stage: st.name,
    deals: deals[k] as number,
    value: value[k] as number,
    weighted: weighted[k] as number,
  }));
}

export interface TrendPoint {
  day: CalendarDay;
  deals: number;
  value: number;
  weighted: number;
}

/** Open pipeline per day from snapshot rows (stages the table calls Open), oldest first. */
export function trend(
  rows: readonly SnapshotRow[],
  isOpen: (stage: string) => boolean,
  lastDays: number,
  today: CalendarDay,
): TrendPoint[] {
  const byDay = new Map<number, TrendPoint>();
  for (const r of rows) {
    if (r.day <= today - lastDays || r.day > today || !isOpen(r.stage)) continue;
    const p = byDay.get(r.day) ?? { day: r.day, deals: 0, value: 0, weighted: 0 };
    p.deals += r.deals;
    p.value += r.value;
    p.weighted += r.weighted;
    byDay.set(r.day, p);
  }
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}
