/**
 * The funnel by the reached-stage rule (DOMAIN.md "Stage conversion"): a deal reached stage s if its
 * history shows it entered s or any later open or won stage; with no history, if its current stage
 * is s or later (won deals reached every open stage, lost deals none).
 */
import { DealSet, weightOf } from './dealset';
import { Stage } from './stages';

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
  const stage = set.table.stages[set.stage[i] as number] as Stage;
  const fromHistory = history ? (history[i] as number) : NO_HISTORY;
  const current = stage.outcome === 'Lost' ? -1 : stage.index;
  if (fromHistory === NO_HISTORY) return current;
  return Math.max(fromHistory, current);
}

export function funnel(set: DealSet, history?: Int32Array): FunnelRow[] {
  const shown = funnelStages(set.table.stages);
  const reached = new Float64Array(shown.length);
  const value = new Float64Array(shown.length);
  const weighted = new Float64Array(shown.length);
  for (let i = 0; i < set.size; i++) {
    const top = reachedIndex(set, i, history);
    if (top < 0) continue;
    const v = set.value[i] as number;
    const w = v * weightOf(set, i);
    for (let k = 0; k < shown.length; k++) {
      if ((shown[k] as Stage).index > top) break;
      reached[k] = (reached[k] as number) + 1;
      value[k] = (value[k] as number) + v;
      weighted[k] = (weighted[k] as number) + w;
    }
  }
  return shown.map((stage, k) => {
    const next = k + 1 < shown.length ? (reached[k + 1] as number) : null;
    const here = reached[k] as number;
    return { stage, reached: here, value: value[k] as number, weighted: weighted[k] as number, conversion: next === null || here === 0 ? null : next / here };
  });
}

/** reached(to) / reached(from), or null when no deal reached `from`. */
export function conversion(set: DealSet, from: Stage, to: Stage, history?: Int32Array): number | null {
  let a = 0;
  let b = 0;
  for (let i = 0; i < set.size; i++) {
    const top = reachedIndex(set, i, history);
    if (top >= from.index) a++;
    if (top >= to.index) b++;
  }
  return a === 0 ? null : b / a;
}
