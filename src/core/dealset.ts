/**
 * A set of deals as parallel typed arrays, the shape every metric reads. Custom functions fill it
 * from their argument columns; jobs fill it from the Deals tab. NaN marks "no value".
 */
import { isNone } from './numbers';
import { OPEN, StageTable } from './stages';

export interface DealSet {
  readonly table: StageTable;
  readonly size: number;
  /** Stage index into table.stages. */
  readonly stage: Int32Array;
  /** Value; a blank Value is 0 (counted, no money). Absent: no values given (all 0). */
  readonly value?: Float64Array;
  /** Per-deal probability override as a fraction, NONE where blank. Absent: no overrides. */
  readonly override?: Float64Array;
  readonly created?: Float64Array;
  /** The day the deal was won or lost (for cycle length), NONE when unknown. */
  readonly closed?: Float64Array;
  /** Expected close day (for the forecast by month), NONE when none. */
  readonly expectedClose?: Float64Array;
}

export interface DealSetBuilder {
  add(stage: number, value: number, override: number, created: number, closed: number, expectedClose: number): void;
  finish(): DealSet;
}

/** Row by row, every column (the jobs' path from the Deals tab). */
export function dealSetBuilder(table: StageTable, capacity: number): DealSetBuilder {
  const stage = new Int32Array(capacity);
  const value = new Float64Array(capacity);
  const override = new Float64Array(capacity);
  const created = new Float64Array(capacity);
  const closed = new Float64Array(capacity);
  const expectedClose = new Float64Array(capacity);
  let n = 0;
  return {
    add(s, v, o, c, cl, ec) {
      stage[n] = s;
      value[n] = v;
      override[n] = o;
      created[n] = c;
      closed[n] = cl;
      expectedClose[n] = ec;
      n++;
    },
    finish: () => ({
      table,
      size: n,
      stage: stage.subarray(0, n),
      value: value.subarray(0, n),
      override: override.subarray(0, n),
      created: created.subarray(0, n),
      closed: closed.subarray(0, n),
      expectedClose: expectedClose.subarray(0, n),
    }),
  };
}

/** The probability a deal weighs with: Won 100%, Lost 0%, else its override or its stage's. */
export function weightOf(set: DealSet, i: number): number {
  const s = set.stage[i] as number;
  if (set.override !== undefined && set.table.codes[s] === OPEN) {
    const o = set.override[i] as number;
    if (!isNone(o)) return o;
  }
  return set.table.weights[s] as number;
}

/** Value of deal i (0 when no values were given). */
export function valueOf(set: DealSet, i: number): number {
  return set.value === undefined ? 0 : (set.value[i] as number);
}
