/**
 * The funnel by the reached-stage rule (DOMAIN.md "Stage conversion"): a deal reached stage s if its
 * history shows it entered s or any later open or won stage; with no history, if its current stage
 * is s or later (won deals reached every open stage, lost deals none).
 */
import { DealSet, valueOf, weightOf } from './dealset';
import { LOST, Stage, StageTable } from './stages';
import { StageTotals } from './stage-totals';

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
  return fromHistory > current ? fromHistory : current;
}

export function funnel(set: DealSet, history?: Int32Array): FunnelRow[] {
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
  return funnelRows(set.table, count, value, weighted);
}

/** The funnel without history or per-deal probabilities: a deal's reach is its own stage (none when lost). */
export function funnelOf(t: StageTotals): FunnelRow[] {
  const { codes, weights } = t.table;
  const n = t.count.length;
  const count = new Float64Array(n);
  const value = new Float64Array(n);
  const weighted = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    if (codes[k] === LOST) continue;
    count[k] = t.count[k] as number;
    value[k] = t.value[k] as number;
    weighted[k] = (t.value[k] as number) * (weights[k] as number);
  }
  return funnelRows(t.table, count, value, weighted);
}

/** Rows from histograms of each deal's highest reached stage. */
function funnelRows(table: StageTable, count: Float64Array, value: Float64Array, weighted: Float64Array): FunnelRow[] {
  const n = table.stages.length;
  const rows = funnelStages(table.stages).map((stage) => {
    let r = 0,
      v = 0,
      w = 0;
    for (let t = stage.index; t < n; t++) {
      r += count[t] as number;
      v += value[t] as number;
      w += weighted[t] as number;
    }
    return { stage, reached: r, value: v, weighted: w };
  });
  return rows.map((row, k) => {
    const next = k + 1 < rows.length ? (rows[k + 1] as (typeof rows)[number]).reached : null;
    return { ...row, conversion: next === null || row.reached === 0 ? null : next / row.reached };
  });
}

/** Without history a deal's reach is its own stage (none when lost): sums of the per-stage counts. */
export function conversionOf(t: StageTotals, from: Stage, to: Stage): number | null {
  let a = 0;
  let b = 0;
  t.count.forEach((n, s) => {
    if (t.table.codes[s] === LOST) return;
    if (s >= from.index) a += n;
    if (s >= to.index) b += n;
  });
  return a === 0 ? null : b / a;
}
