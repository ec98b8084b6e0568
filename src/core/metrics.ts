/**
 * Pipeline metrics (DOMAIN.md "Rules"). Each returns a number, or null when there is nothing to
 * divide by; callers turn null into their own message. Never NaN, never Infinity.
 */
import { DealSet, weightOf } from './dealset';

export function weightedForecast(set: DealSet): number {
  let sum = 0;
  for (let i = 0; i < set.size; i++) sum += (set.value[i] as number) * weightOf(set, i);
  return sum;
}

function outcomes(set: DealSet): Uint8Array {
  // 0 open, 1 won, 2 lost, per stage index.
  const codes = new Uint8Array(set.table.stages.length);
  set.table.stages.forEach((s, i) => { codes[i] = s.outcome === 'Open' ? 0 : s.outcome === 'Won' ? 1 : 2; });
  return codes;
}

export interface Counts {
  open: number; won: number; lost: number;
  openValue: number; wonValue: number;
}

export function counts(set: DealSet): Counts {
  const code = outcomes(set);
  const c: Counts = { open: 0, won: 0, lost: 0, openValue: 0, wonValue: 0 };
  for (let i = 0; i < set.size; i++) {
    const k = code[set.stage[i] as number];
    if (k === 0) { c.open++; c.openValue += set.value[i] as number; } else if (k === 1) { c.won++; c.wonValue += set.value[i] as number; } else c.lost++;
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
  const code = outcomes(set);
  let total = 0;
  let n = 0;
  for (let i = 0; i < set.size; i++) {
    if (code[set.stage[i] as number] !== 1) continue;
    const a = set.created[i] as number;
    const b = set.closed[i] as number;
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
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
