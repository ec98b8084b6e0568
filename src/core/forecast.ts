/**
 * Forecast by expected-close month. Open and won deals count; lost deals do not.
 * Without a horizon: every month from the first to the last close date. With a horizon of N months:
 * an "Overdue" row for open deals whose close month has passed, then N months from the current one.
 * Deals with no close date are never dropped: they get a "No close date" row.
 */
import { DealSet } from './dealset';
import { CalendarDay, monthIndex, monthLabel } from './calendar';
import { NONE, isNone } from './numbers';
import { LOST, WON } from './stages';

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

/** Month index per row (NONE without a date), from a day -> month table built once over the dates' span. */
function monthsOf(set: DealSet): Float64Array {
  const out = new Float64Array(set.size).fill(NONE);
  const days = set.expectedClose;
  if (days === undefined) return out;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < set.size; i++) {
    const d = days[i] as number;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (lo === Infinity) return out;
  const span = hi - lo + 1;
  const table = span <= 200_000 ? new Float64Array(span) : undefined;
  if (table) {
    let m = monthIndex(lo);
    let nextStart = lo + daysLeftInMonth(lo);
    for (let d = lo; d <= hi; d++) {
      if (d === nextStart) { m++; nextStart = d + daysLeftInMonth(d); }
      table[d - lo] = m;
    }
  }
  for (let i = 0; i < set.size; i++) {
    const d = days[i] as number;
    if (!isNone(d)) out[i] = table ? (table[d - lo] as number) : monthIndex(d);
  }
  return out;
}

function daysLeftInMonth(day: CalendarDay): number {
  const m = monthIndex(day);
  let n = 1;
  while (monthIndex(day + n) === m) n++;
  return n;
}

export function forecastByMonth(set: DealSet, horizon?: { today: CalendarDay; months: number }): ForecastResult {
  const codes = set.table.codes;
  const months = monthsOf(set);
  const first = horizon ? monthIndex(horizon.today) : 0;
  const last = horizon ? first + horizon.months - 1 : 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < set.size; i++) {
    const m = months[i] as number;
    if (isNone(m) || codes[set.stage[i] as number] === LOST) continue;
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  if (horizon) { lo = first; hi = last; }
  const span = lo === Infinity ? 0 : hi - lo + 1;
  if (span > MAX_FORECAST_MONTHS) {
    return { ok: false, error: `close dates span ${span} months (${monthLabel(lo)} to ${monthLabel(hi)}); give a months argument of ${MAX_FORECAST_MONTHS} or fewer` };
  }
  const deals = new Float64Array(span);
  const pipeline = new Float64Array(span);
  const weighted = new Float64Array(span);
  const won = new Float64Array(span);
  const overdue = empty();
  const undated = empty();
  const { stage, value, override } = set;
  const weights = set.table.weights;
  for (let i = 0; i < set.size; i++) {
    const s = stage[i] as number;
    const code = codes[s];
    if (code === LOST) continue;
    const isWon = code === WON;
    const m = months[i] as number;
    const v = value === undefined ? 0 : (value[i] as number);
    let p = weights[s] as number;
    if (override !== undefined && !isWon) {
      const o = override[i] as number;
      if (o === o) p = o;
    }
    const w = v * p;
    let acc: Acc | undefined;
    if (isNone(m)) acc = undated;
    else if (m > hi) continue;
    else if (m < lo) {
      if (isWon) continue;
      acc = overdue;
    }
    if (acc) {
      acc.deals++; acc.weighted += w;
      if (isWon) acc.won += v; else acc.pipeline += v;
      continue;
    }
    const k = m - lo;
    deals[k] = (deals[k] as number) + 1;
    weighted[k] = (weighted[k] as number) + w;
    if (isWon) won[k] = (won[k] as number) + v; else pipeline[k] = (pipeline[k] as number) + v;
  }
  const rows: ForecastRow[] = [];
  if (overdue.deals > 0) rows.push({ label: OVERDUE, ...overdue });
  for (let k = 0; k < span; k++) {
    rows.push({ label: monthLabel(lo + k), deals: deals[k] as number, pipeline: pipeline[k] as number, weighted: weighted[k] as number, won: won[k] as number });
  }
  if (undated.deals > 0) rows.push({ label: NO_CLOSE_DATE, ...undated });
  return { ok: true, rows };
}
