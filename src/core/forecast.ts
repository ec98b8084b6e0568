/**
 * Forecast by expected-close month. Open and won deals count; lost deals do not.
 * Without a horizon: every month from the first to the last close date. With a horizon of N months:
 * an "Overdue" row for open deals whose close month has passed, then N months from the current one.
 * Deals with no close date are never dropped: they get a "No close date" row.
 */
import { DealSet } from './dealset';
import { CalendarDay, MonthOfDay, monthIndex, monthLabel } from './calendar';
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

const ALL_MONTHS = -1;

/**
 * Sums deals into month bins as they come, one row at a time: custom functions feed it straight
 * from their argument columns, jobs from a DealSet. Without a horizon the bins grow to the span of
 * the close months met; past MAX_FORECAST_MONTHS they stop growing and the span is reported.
 */
export class ForecastBins {
  private first: number;
  private last: number;
  /** Per month from `first`: deals, pipeline, weighted, won (4 numbers a month). */
  private bins: Float64Array;
  private readonly overdue = new Float64Array(4);
  private readonly undated = new Float64Array(4);
  private lo = Infinity;
  private hi = -Infinity;

  constructor(private readonly horizon?: { today: CalendarDay; months: number }) {
    if (horizon) {
      this.first = monthIndex(horizon.today);
      this.last = this.first + horizon.months - 1;
      this.bins = new Float64Array(4 * horizon.months);
    } else {
      this.first = ALL_MONTHS;
      this.last = ALL_MONTHS;
      this.bins = new Float64Array(0);
    }
  }

  /** An open or won deal: its close month (NaN for none), value and weight. Lost deals are not added. */
  add(month: number, won: boolean, value: number, weight: number): void {
    let at: Float64Array;
    let k = 0;
    if (month !== month) at = this.undated;
    else if (this.horizon) {
      if (month > this.last) return;
      if (month < this.first) {
        if (won) return;
        at = this.overdue;
      } else {
        at = this.bins;
        k = 4 * (month - this.first);
      }
    } else {
      if (month < this.lo) this.lo = month;
      if (month > this.hi) this.hi = month;
      if (month < this.first || month > this.last || this.first === ALL_MONTHS) {
        if (!this.grow(month)) return;
      }
      at = this.bins;
      k = 4 * (month - this.first);
    }
    at[k] = (at[k] as number) + 1;
    if (won) at[k + 3] = (at[k + 3] as number) + value;
    else at[k + 1] = (at[k + 1] as number) + value;
    at[k + 2] = (at[k + 2] as number) + value * weight;
  }

  /** Widens the bins to take `month`; false once the span passes MAX_FORECAST_MONTHS. */
  private grow(month: number): boolean {
    const first = this.first === ALL_MONTHS ? month : month < this.first ? month : this.first;
    const last = this.last === ALL_MONTHS ? month : month > this.last ? month : this.last;
    if (last - first + 1 > MAX_FORECAST_MONTHS) return false;
    const bins = new Float64Array(4 * (last - first + 1));
    if (this.first !== ALL_MONTHS) bins.set(this.bins, 4 * (this.first - first));
    this.bins = bins;
    this.first = first;
    this.last = last;
    return true;
  }

  result(): ForecastResult {
    let first = this.first;
    let span = this.first === ALL_MONTHS ? 0 : this.last - this.first + 1;
    if (!this.horizon && this.lo !== Infinity) {
      const full = this.hi - this.lo + 1;
      if (full > MAX_FORECAST_MONTHS) {
        return {
          ok: false,
          error: `close dates span ${full} months (${monthLabel(this.lo)} to ${monthLabel(this.hi)}); give a months argument of ${MAX_FORECAST_MONTHS} or fewer`,
        };
      }
      first = this.lo;
      span = full;
    }
    const row = (label: string, a: Float64Array, k: number): ForecastRow => ({
      label,
      deals: a[k] as number,
      pipeline: a[k + 1] as number,
      weighted: a[k + 2] as number,
      won: a[k + 3] as number,
    });
    const rows: ForecastRow[] = [];
    if ((this.overdue[0] as number) > 0) rows.push(row(OVERDUE, this.overdue, 0));
    for (let m = 0; m < span; m++) rows.push(row(monthLabel(first + m), this.bins, 4 * (first + m - this.first)));
    if ((this.undated[0] as number) > 0) rows.push(row(NO_CLOSE_DATE, this.undated, 0));
    return { ok: true, rows };
  }
}

export function forecastByMonth(set: DealSet, horizon?: { today: CalendarDay; months: number }): ForecastResult {
  const bins = new ForecastBins(horizon);
  const { codes, weights } = set.table;
  const { stage, value, override, expectedClose } = set;
  const months = new MonthOfDay();
  for (let i = 0; i < set.size; i++) {
    const s = stage[i] as number;
    const code = codes[s];
    if (code === LOST) continue;
    const won = code === WON;
    let p = weights[s] as number;
    if (override !== undefined && !won) {
      const o = override[i] as number;
      if (o === o) p = o;
    }
    const day = expectedClose === undefined ? NONE : (expectedClose[i] as number);
    bins.add(isNone(day) ? NONE : months.month(day), won, value === undefined ? 0 : (value[i] as number), p);
  }
  return bins.result();
}
