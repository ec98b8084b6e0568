/**
 * One pass over values, stages and per-deal probabilities into the weighted forecast, for
 * WEIGHTED_FORECAST with its probabilities column. Stages are checked on every row; values and
 * probabilities where they enter the sum. The first bad row, in row order, is the one reported.
 */
import { NONE } from '../core/numbers';
import { LOST, StageTable, WON } from '../core/stages';
import { CellValue, isBlank, readProbability } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { badCell, blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface WeightedColumns {
  readonly values: ColumnArg;
  readonly stages: ColumnArg;
  readonly probabilities: ColumnArg;
}

/** Sum of value x probability: the deal's own probability for open deals when filled, else its stage's weight. */
export function readWeightedForecast(fn: string, cols: WeightedColumns, table: StageTable): number {
  const { values, stages, probabilities } = cols;
  sameHeights(fn, [values, stages, probabilities]);
  const { codes, weights } = table;
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const pg = columnRows(probabilities);
  let sum = 0;
  for (let i = 0, n = stages.length; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    // A lost deal weighs 0 and a won deal 100%: a lost deal's value, and a closed deal's own
    // probability, do not enter the sum and are not read. A blank-stage row is read whole.
    const code = k === BLANK ? BLANK : codes[k];
    if (code === LOST) continue;
    // NaN for a blank value cell.
    const v = numberCell(fn, values, i, (vg[i] as CellValue[])[0]);
    let p = NONE;
    if (code !== WON) {
      const y = (pg[i] as CellValue[])[0];
      if (!isBlank(y)) {
        const r = readProbability(y);
        if (r === undefined) badCell(fn, probabilities, i, 'is not a probability between 0 and 100%');
        p = r as number;
      }
    }
    if (code === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (v !== v && p !== p) continue;
      blankStage(fn, stages, i, table);
    }
    if (v === v) sum += v * (p === p ? p : (weights[k] as number));
  }
  return sum;
}
