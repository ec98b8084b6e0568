/**
 * Deals and money per stage: all most metrics need when no deal has its own probability. Custom
 * functions fill it in one pass over their argument columns; a DealSet sums into it.
 */
import { DealSet } from './dealset';
import { StageTable } from './stages';

export interface StageTotals {
  readonly table: StageTable;
  /** Deals per stage index. */
  readonly count: Float64Array;
  /** Sum of Value per stage index (0 when no values were given). */
  readonly value: Float64Array;
}

export function emptyTotals(table: StageTable): StageTotals {
  return { table, count: new Float64Array(table.stages.length), value: new Float64Array(table.stages.length) };
}

export function stageTotals(set: DealSet): StageTotals {
  const t = emptyTotals(set.table);
  const { count, value } = t;
  const { stage } = set;
  const values = set.value;
  for (let i = 0; i < set.size; i++) {
    const k = stage[i] as number;
    count[k] = (count[k] as number) + 1;
    if (values !== undefined) value[k] = (value[k] as number) + (values[i] as number);
  }
  return t;
}
