/**
 * One pass over values, stages and per-deal probabilities into the weighted forecast, for
 * WEIGHTED_FORECAST with its probabilities column. Stages are checked on every row; values and
 * probabilities where they enter the sum. The first bad row, in row order, is the one reported.
 */
import { NONE } from '../core/numbers';
import { LOST, StageTable, WON, stageNames } from '../core/stages';
import { CellValue, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber, readProbability } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { FunctionError } from './errors';
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
  const coder = stageCoder(table);
  const known = coder.known;
  const { codes, weights } = table;
  const bad = (i: number, col: ColumnArg, what: string): never => {
    throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.at(i))} ${what}`);
  };
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const pg = columnRows(probabilities);
  let sum = 0;
  for (let i = 0, n = sg.length; i < n; i++) {
    const s = (sg[i] as CellValue[])[0];
    let k = known.get(s as string);
    if (k === undefined) k = coder.code(s);
    if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
    // A lost deal weighs 0 and a won deal 100%: a lost deal's value, and a closed deal's own
    // probability, do not enter the sum and are not read. A blank-stage row is read whole.
    const code = k === BLANK ? BLANK : codes[k as number];
    if (code === LOST) continue;
    const x = (vg[i] as CellValue[])[0];
    let v = 0;
    if (typeof x === 'number' && x <= MAX_NUMBER && x >= -MAX_NUMBER) v = x;
    else if (!isBlank(x)) {
      const r = readNumber(x);
      if (r === undefined) bad(i, values, `is ${numberProblem(x)}`);
      v = r as number;
    }
    let p = NONE;
    if (code !== WON) {
      const y = (pg[i] as CellValue[])[0];
      if (!isBlank(y)) {
        const r = readProbability(y);
        if (r === undefined) bad(i, probabilities, 'is not a probability between 0 and 100%');
        p = r as number;
      }
    }
    if (code === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (isBlank(x) && p !== p) continue;
      throw new FunctionError(fn, `row ${i + 1} of ${stages.name}: the stage is blank (known: ${stageNames(table)})`);
    }
    sum += v * (p === p ? p : (weights[k as number] as number));
  }
  return sum;
}
