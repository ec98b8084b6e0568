/**
 * One pass over a stages column and an optional values column into deals and money per stage, for
 * the functions that need nothing per deal. Every stage cell is checked; a value cell where it
 * enters the result (the deal's outcome is one the function sums), or on a row whose stage is
 * blank. The first bad row, in row order, is the one reported.
 */
import { StageTotals, emptyTotals } from '../core/stage-totals';
import { StageTable, stageNames } from '../core/stages';
import { CellValue, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { FunctionError } from './errors';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

/** The outcomes (OPEN, WON, LOST) whose deals' values a function sums. */
export type SummedOutcomes = readonly number[];

export function readStageTotals(fn: string, stages: ColumnArg, values: ColumnArg | undefined, table: StageTable, summed: SummedOutcomes = []): StageTotals {
  sameHeights(fn, [values, stages]);
  /** Per stage index: 1 when its deals' values are summed. */
  const sums = new Uint8Array(table.stages.length);
  table.codes.forEach((code, k) => { sums[k] = summed.includes(code) ? 1 : 0; });
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
  if (vg === undefined) {
    // Stages only (WIN_RATE, CONVERSION_RATE): deals per stage, blank rows skipped.
    for (let i = 0, n = sg.length; i < n; i++) {
      const s = (sg[i] as CellValue[])[0];
      let k = known.get(s as string);
      if (k === undefined) k = coder.code(s);
      if (k < 0) {
        if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
        continue;
      }
      count[k] = (count[k] as number) + 1;
    }
    return totals;
  }
  for (let i = 0, n = sg.length; i < n; i++) {
    const s = (sg[i] as CellValue[])[0];
    let k = known.get(s as string);
    if (k === undefined) k = coder.code(s);
    if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
    let v = 0;
    let blankValue = true;
    if (k === BLANK || sums[k as number] === 1) {
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
