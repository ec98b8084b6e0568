/**
 * Pipeline metrics (DOMAIN.md "Rules"). Each returns a number, or null when there is nothing to
 * divide by; callers turn null into their own message. Never NaN, never Infinity.
 */
import { DealSet } from './dealset';
import { OPEN, WON } from './stages';
import { isNone } from './numbers';

export function weightedForecast(set: DealSet): number {
  const { value, override, stage } = set;
  if (value === undefined) return 0;
  const { weights, codes } = set.table;
  let sum = 0;
  for (let i = 0; i < set.size; i++) {
    const s = stage[i] as number;
    let w = weights[s] as number;
    if (override !== undefined && codes[s] === OPEN) {
      const o = override[i] as number;
      if (o === o) w = o;
    }
    sum += (value[i] as number) * w;
  }
  return sum;
}

export interface Counts {
  open: number; won: number; lost: number;
  openValue: number; wonValue: number;
}

export function counts(set: DealSet): Counts {
  const { codes } = set.table;
  const { stage, value } = set;
  const c: Counts = { open: 0, won: 0, lost: 0, openValue: 0, wonValue: 0 };
  if (value === undefined && set.perStage) {
    set.perStage.forEach((n, s) => { const k = codes[s]; if (k === OPEN) c.open += n; else if (k === WON) c.won += n; else c.lost += n; });
    return c;
  }
  if (value === undefined) {
    for (let i = 0; i < set.size; i++) {
      const k = codes[stage[i] as number];
      if (k === OPEN) c.open++; else if (k === WON) c.won++; else c.lost++;
    }
    return c;
  }
  for (let i = 0; i < set.size; i++) {
    const k = codes[stage[i] as number];
    const v = value[i] as number;
    if (k === OPEN) { c.open++; c.openValue += v; } else if (k === WON) { c.won++; c.wonValue += v; } else c.lost++;
  }
  return c;
}

export function pipelineValue(set: DealSet): number {
  return counts(set).openValue;
}

/** won / (won + lost); null with no closed deal. */
export function winRate(set: DealSet): number | null {
  const c = counts(set);
  return c.won + c.lost === 0 ? null : c.won / (c.won + c.lost);
}

/** Mean Value of won deals; null with no won deal. */
export function averageDealSize(set: DealSet): number | null {
  const c = counts(set);
  return c.won === 0 ? null : c.wonValue / c.won;
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
  | { ok: true; value: number }
  | { ok: false; reason: 'no closed deals' | 'no won deals' | 'no cycle' | 'zero cycle' };

/** open deals x win rate x average deal size / cycle days (money per day). */
export function salesVelocity(set: DealSet): VelocityResult {
  const c = counts(set);
  if (c.won + c.lost === 0) return { ok: false, reason: 'no closed deals' };
  if (c.won === 0) return { ok: false, reason: 'no won deals' };
  const cycle = salesCycleDays(set);
  if (cycle === null) return { ok: false, reason: 'no cycle' };
  if (cycle <= 0) return { ok: false, reason: 'zero cycle' };
  return { ok: true, value: (c.open * (c.won / (c.won + c.lost)) * (c.wonValue / c.won)) / cycle };
}
