/**
 * The funnel by the reached-stage rule (DOMAIN.md "Stage conversion"): a deal reached stage s if its
 * history shows it entered s or any later open or won stage; with no history, if its current stage
 * is s or later (won deals reached every open stage, lost deals none).
 */
import { DealSet, valueOf, weightOf } from './dealset';
import { LOST, Stage } from './stages';

/** Per deal: the highest open/won stage index its history shows it entered; -1 for none; NO_HISTORY when it has no history. */
export const NO_HISTORY = -2;

export interface FunnelRow {
  readonly stage: Stage;
  readonly reached: number;
  readonly value: number;
  readonly weighted: number;
  /** reached(next) / reached(this); null for the last row or when nothing reached this stage. */
  readonly conversion: number | null;
}

/** Stages a funnel shows: open and won stages, in pipeline order. */
export function funnelStages(stages: readonly Stage[]): Stage[] {
  return stages.filter((s) => s.outcome !== 'Lost');
}

export function reachedIndex(set: DealSet, i: number, history?: Int32Array): number {
  const s = set.stage[i] as number;
  const fromHistory = history ? (history[i] as number) : NO_HISTORY;
  const current = set.table.codes[s] === LOST ? -1 : s;
  if (fromHistory === NO_HISTORY) return current;
  return Math.max(fromHistory, current);
}

export function funnel(set: DealSet, history?: Int32Array): FunnelRow[] {
  const shown = funnelStages(set.table.stages);
  // Per deal, only its highest reached stage; "reached s" is then a sum over stages from s up.
  const n = set.table.stages.length;
  const count = new Float64Array(n);
  const value = new Float64Array(n);
  const weighted = new Float64Array(n);
  for (let i = 0; i < set.size; i++) {
    const top = reachedIndex(set, i, history);
    if (top < 0) continue;
    const v = valueOf(set, i);
    count[top] = (count[top] as number) + 1;
    value[top] = (value[top] as number) + v;
    weighted[top] = (weighted[top] as number) + v * weightOf(set, i);
  }
  const rows = shown.map((stage) => {
    let r = 0, v = 0, w = 0;
    for (let t = stage.index; t < n; t++) { r += count[t] as number; v += value[t] as number; w += weighted[t] as number; }
    return { stage, reached: r, value: v, weighted: w };
  });
  return rows.map((row, k) => {
    const next = k + 1 < rows.length ? (rows[k + 1] as (typeof rows)[number]).reached : null;
    return { ...row, conversion: next === null || row.reached === 0 ? null : next / row.reached };
  });
}

/** reached(to) / reached(from), or null when no deal reached `from`. */
export function conversion(set: DealSet, from: Stage, to: Stage, history?: Int32Array): number | null {
  let a = 0;
  let b = 0;
  if (!history && set.perStage) {
    // Without history a deal's reach is its own stage (none when lost): sum the per-stage counts.
    set.perStage.forEach((n, s) => {
      if (set.table.codes[s] === LOST) return;
      if (s >= from.index) a += n;
      if (s >= to.index) b += n;
    });
    return a === 0 ? null : b / a;
  }
  for (let i = 0; i < set.size; i++) {
    const top = reachedIndex(set, i, history);
    if (top >= from.index) a++;
    if (top >= to.index) b++;
  }
  return a === 0 ? null : b / a;
}
