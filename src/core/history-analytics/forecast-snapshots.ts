/**
 * Forecast snapshots (issue 13.5): once a day, per close month from the current one to
 * FORECAST_SNAPSHOT_MONTHS - 1 months ahead, what the weighted forecast said by each method: the
 * settings' stage probabilities and the observed ones (win-rates.ts). Kept in a tab of their own, so
 * the per-stage Pipeline Snapshots stay as they are; forecast-accuracy.ts compares them with what was
 * won. Weighted as FORECAST_BY_MONTH weighs: open deals by their own probability when filled, else
 * their stage's; won deals 100%; lost deals left out; by Expected Close month.
 */
import { CalendarDay, MonthOfDay, monthIndex } from '../calendar';
import { DealSet } from '../dealset';
import { LOST, OPEN, StageTable, WON } from '../stages';

export const FORECAST_SNAPSHOT_HEADERS = [
  'Date',
  'Close month',
  'Deals',
  'Weighted (settings)',
  'Weighted (observed)',
] as const;

/** The current month and the next four: enough to look 90 days ahead of a month's first day. */
export const FORECAST_SNAPSHOT_MONTHS = 5;

export interface ForecastSnapshotRow {
  readonly day: CalendarDay;
  /** Month index (calendar.ts monthIndex) of the close month. */
  readonly month: number;
  readonly deals: number;
  readonly weightedSet: number;
  readonly weightedObserved: number;
}

/** Today's rows: one per close month, the current one first, zeros for a month without deals. */
export function forecastSnapshotRows(set: DealSet, observed: StageTable, today: CalendarDay): ForecastSnapshotRow[] {
  const first = monthIndex(today);
  const m = FORECAST_SNAPSHOT_MONTHS;
  const deals = new Float64Array(m);
  const bySet = new Float64Array(m);
  const byObserved = new Float64Array(m);
  const months = new MonthOfDay();
  const { codes, weights } = set.table;
  const observedWeights = observed.weights;
  const { stage, expectedClose, value, override } = set;
  for (let i = 0; i < set.size; i++) {
    const s = stage[i] as number;
    const code = codes[s];
    if (code === LOST || expectedClose === undefined) continue;
    const day = expectedClose[i] as number;
    if (day !== day) continue;
    const k = months.month(day) - first;
    if (k < 0 || k >= m) continue;
    const v = value === undefined ? 0 : (value[i] as number);
    const own = override === undefined || code !== OPEN ? Number.NaN : (override[i] as number);
    deals[k] = (deals[k] as number) + 1;
    bySet[k] = (bySet[k] as number) + v * (own === own ? own : (weights[s] as number));
    byObserved[k] =
      (byObserved[k] as number) + v * (own === own ? own : code === WON ? 1 : (observedWeights[s] as number));
  }
  return Array.from({ length: m }, (_, k) => ({
    day: today,
    month: first + k,
    deals: deals[k] as number,
    weightedSet: bySet[k] as number,
    weightedObserved: byObserved[k] as number,
  }));
}
