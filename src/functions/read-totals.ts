/**
 * One pass over a stages column and an optional values column into deals and money per stage, for
 * the functions that need nothing per deal. Every cell is checked as readDealColumns checks it, and
 * the first bad row (in row order) is the one reported.
 */
import { StageTotals, emptyTotals } from '../core/stage-totals';
import { StageTable, stageNames } from '../core/stages';
import { CellValue, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { FunctionError } from './errors';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export function readStageTotals(fn: string, stages: ColumnArg, values: ColumnArg | undefined, table: StageTable): StageTotals {
  sameHeights(fn, [values, stages]);
  const totals = emptyTotals(table);
  const { count, value } = totals;
  const coder = stageCoder(table);
  const known = coder.known;
  const bad = (i: number, col: ColumnArg, what: string): never => {
    throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.at(i))} ${what}`);
  };
  const sg = columnRows(stages);
  const vg = values === undefined ? undefined : columnRows(values);
  const max = MAX_NUMBER;
  const min = -MAX_NUMBER;
  for (let i = 0, n = sg.length; i < n; i++) {
    const s = (sg[i] as CellValue[])[0];
    let k = typeof s === 'string' ? known.get(s) : undefined;
    if (k === undefined) k = coder.code(s);
    if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
    let v = 0;
    let blankValue = true;
    if (vg !== undefined) {
      const x = (vg[i] as CellValue[])[0];
      if (typeof x === 'number' && x <= max && x >= min) { v = x; blankValue = false; } else if (!isBlank(x)) {
        const r = readNumber(x);
        if (r === undefined) bad(i, values as ColumnArg, `is ${numberProblem(x)}`);
        v = r as number;
        blankValue = false;
      }
    }
    if (k === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (!blankValue) throw new FunctionError(fn, `row ${i + 1} of ${stages.name}: the stage is blank (known: ${stageNames(table)})`);
      continue;
    }
    count[k as number] = (count[k as number] as number) + 1;
    value[k as number] = (value[k as number] as number) + v;
  }
  return totals;
}
