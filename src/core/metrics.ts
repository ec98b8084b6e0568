/**
 * Pipeline metrics (DOMAIN.md "Rules"). Each returns a number, or null when there is nothing to
 * divide by; callers turn null into their own message. Never NaN, never Infinity (values are
 * bounded by MAX_NUMBER when read).
 */
import { DealSet } from './dealset';
import { OPEN, WON } from './stages';
import { isNone } from './numbers';
import { StageTotals, stageTotals } from './stage-totals';

/** Sum of Value x probability; deals' own probabilities (overrides) weigh open deals. */
export function weightedForecast(set: DealSet): number {
  const { value, override, stage } = set;
  if (value === undefined) return 0;
  if (override === undefined) return weightedForecastOf(stageTotals(set));
  const { weights, codes } = set.table;
  let sum = 0;
  for (let i = 0; i < set.size; i++) {
    const s = stage[i] as number;
    let w = weights[s] as number;
    if (codes[s] === OPEN) {
      const o = override[i] as number;
      if (o === o) w = o;
    }
    sum += (value[i] as number) * w;
  }
  return sum;
}

/** Sum of Value x stage weight (won 1, lost 0, open the stage's probability). */
export function weightedForecastOf(t: StageTotals): number {
  const { weights } = t.table;
  let sum = 0;
  t.value.forEach((v, k) => {
    sum += v * (weights[k] as number);
  });
  return sum;
}

export interface Counts {
  open: number;
  won: number;
  lost: number;
  openValue: number;
  wonValue: number;
}

export function countsOf(t: StageTotals): Counts {
  const { codes } = t.table;
  const c: Counts = { open: 0, won: 0, lost: 0, openValue: 0, wonValue: 0 };
  t.count.forEach((n, k) => {
    const v = t.value[k] as number;
    const code = codes[k];
    if (code === OPEN) {
      c.open += n;
      c.openValue += v;
    } else if (code === WON) {
      c.won += n;
      c.wonValue += v;
    } else c.lost += n;
  });
  return c;
}

export function counts(set: DealSet): Counts {
  return countsOf(stageTotals(set));
}

/** won / (won + lost); null with no closed deal. */
export function winRateOf(c: Counts): number | null {
  return c.won + c.lost === 0 ? null : c.won / (c.won + c.lost);
}

export function winRate(set: DealSet): number | null {
  return winRateOf(counts(set));
}

/** Mean Value of won deals; null with no won deal. */
export function averageDealSizeOf(c: Counts): number | null {
  return c.won === 0 ? null : c.wonValue / c.won;
}

export function averageDealSize(set: DealSet): number | null {
  return averageDealSizeOf(counts(set));
}

/** Mean whole days from created to closed over won deals that have both dates; null with none. */
export function salesCycleDays(set: DealSet): number | null {
  const { codes } = set.table;
  const { created, closed, stage } = set;
  if (created === undefined || closed === undefined) return null;
  let total = 0;
  let n = 0;
  for (let i = 0; i < set.size; i++) {
    if (codes[stage[i] as number] !== WON) continue;
    const a = created[i] as number;
    const b = closed[i] as number;
    if (isNone(a) || isNone(b)) continue;
    total += b - a;
    n++;
  }
  return n === 0 ? null : total / n;
}

export type VelocityResult =
  { ok: true; value: number } | { ok: false; reason: 'no closed deals' | 'no won deals' | 'no cycle' | 'zero cycle' };

/** open deals x win rate x average deal size / cycle days (money per day). */
export function salesVelocityOf(c: Counts, cycleDays: number | null): VelocityResult {
  if (c.won + c.lost === 0) return { ok: false, reason: 'no closed deals' };
  if (c.won === 0) return { ok: false, reason: 'no won deals' };
  if (cycleDays === null) return { ok: false, reason: 'no cycle' };
  if (cycleDays <= 0) return { ok: false, reason: 'zero cycle' };
  return { ok: true, value: (c.open * (c.won / (c.won + c.lost)) * (c.wonValue / c.won)) / cycleDays };
}

export function salesVelocity(set: DealSet): VelocityResult {
  return salesVelocityOf(counts(set), salesCycleDays(set));
}
