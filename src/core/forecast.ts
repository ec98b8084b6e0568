/**
 * Forecast by expected-close month. Open and won deals count; lost deals do not.
 * Without a horizon: every month from the first to the last close date. With a horizon of N months:
 * an "Overdue" row for open deals whose close month has passed, then N months from the current one.
 * Deals with no close date are never dropped: they get a "No close date" row.
 */
import { DealSet, weightOf } from './dealset';
import { CalendarDay, monthIndex, monthLabel } from './calendar';

export interface ForecastRow {
  readonly label: string;
  readonly deals: number;
  readonly pipeline: number;
  readonly weighted: number;
  readonly won: number;
}

export const MAX_FORECAST_MONTHS = 240;
export const OVERDUE = 'Overdue';
export const NO_CLOSE_DATE = 'No close date';

export type ForecastResult = { ok: true; rows: ForecastRow[] } | { ok: false; error: string };

interface Acc { deals: number; pipeline: number; weighted: number; won: number }
const empty = (): Acc => ({ deals: 0, pipeline: 0, weighted: 0, won: 0 });

export function forecastByMonth(set: DealSet, horizon?: { today: CalendarDay; months: number }): ForecastResult {
  const outcome = set.table.stages.map((s) => s.outcome);
  const byMonth = new Map<number, Acc>();
  const overdue = empty();
  const undated = empty();
  const first = horizon ? monthIndex(horizon.today) : 0;
  const last = horizon ? first + horizon.months - 1 : 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < set.size; i++) {
    const o = outcome[set.stage[i] as number];
    if (o === 'Lost') continue;
    const won = o === 'Won';
    const day = set.expectedClose[i] as number;
    let acc: Acc;
    if (Number.isNaN(day)) acc = undated;
    else {
      const m = monthIndex(day);
      if (horizon && m > last) continue;
      if (horizon && m < first) {
        if (won) continue;
        acc = overdue;
      } else {
        let a = byMonth.get(m);
        if (!a) { a = empty(); byMonth.set(m, a); }
        acc = a;
        if (m < lo) lo = m;
        if (m > hi) hi = m;
      }
    }
    const v = set.value[i] as number;
    acc.deals++;
    acc.weighted += v * weightOf(set, i);
    if (won) acc.won += v; else acc.pipeline += v;
  }
  if (horizon) { lo = first; hi = last; }
  if (hi - lo + 1 > MAX_FORECAST_MONTHS) {
    return { ok: false, error: `close dates span ${hi - lo + 1} months (${monthLabel(lo)} to ${monthLabel(hi)}); give a months argument of ${MAX_FORECAST_MONTHS} or fewer` };
  }
  const rows: ForecastRow[] = [];
  const push = (label: string, a: Acc): void => { rows.push({ label, ...a }); };
  if (overdue.deals > 0) push(OVERDUE, overdue);
  for (let m = lo; m <= hi; m++) push(monthLabel(m), byMonth.get(m) ?? empty());
  if (undated.deals > 0) push(NO_CLOSE_DATE, undated);
  return { ok: true, rows };
}
