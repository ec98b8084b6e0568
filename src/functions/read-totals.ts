/**
 * One pass over a stages column and an optional values column into deals and money per stage, for
 * the functions that need nothing per deal. Every stage cell is checked; a value cell where it
 * enters the result (the deal's outcome is one the function sums), or on a row whose stage is
 * blank. The first bad row, in row order, is the one reported.
 */
import { StageTotals, emptyTotals } from '../core/stage-totals';
import { StageTable } from '../core/stages';
import { CellValue } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

/** The outcomes (OPEN, WON, LOST) whose deals' values a function sums. */
export type SummedOutcomes = readonly number[];

export function readStageTotals(
  fn: string,
  stages: ColumnArg,
  values: ColumnArg | undefined,
  table: StageTable,
  summed: SummedOutcomes = [],
): StageTotals {
  sameHeights(fn, [values, stages]);
  /** Per stage index: 1 when its deals' values are summed. */
  const sums = new Uint8Array(table.stages.length);
  table.codes.forEach((code, k) => {
    sums[k] = summed.includes(code) ? 1 : 0;
  });
  const totals = emptyTotals(table);
  const { count, value } = totals;
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const n = stages.length;
  if (values === undefined) {
    // Stages only (WIN_RATE, CONVERSION_RATE): deals per stage, blank rows skipped.
    for (let i = 0; i < n; i++) {
      const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
      if (k === UNKNOWN) unknownStage(fn, stages, i, table);
      if (k !== BLANK) count[k] = (count[k] as number) + 1;
    }
    return totals;
  }
  const vg = columnRows(values);
  for (let i = 0; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    // v is NaN for a blank value cell.
    const v = k === BLANK || sums[k] === 1 ? numberCell(fn, values, i, (vg[i] as CellValue[])[0]) : 0;
    if (k === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (v === v) blankStage(fn, stages, i, table);
      continue;
    }
    count[k] = (count[k] as number) + 1;
    if (v === v) value[k] = (value[k] as number) + v;
  }
  return totals;
}
