/**
 * One checked pass over DEAL_PRIORITY's columns, then one over its results: the first pass reads
 * every open deal's cells (closed deals' only their stage), keeps its weighted value and the points
 * of every factor but value, and finds the largest weighted value; the second adds the value points
 * (src/core/priority.ts). Closed deals and blank rows get "". The first bad row, in row order, is reported.
 */
import { ZoneDays, dateProblem, readDay } from '../core/calendar';
import { NONE } from '../core/numbers';
import {
  PriorityWeights,
  closeFactor,
  followUpFactor,
  roundScore,
  stageFactors,
  staleFactor,
  valueFactor,
} from '../core/priority';
import { OPEN, StageTable } from '../core/stages';
import { CellGrid, CellValue, LocalDate, isBlank, readProbability } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { badCell, blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface PriorityColumns {
  readonly values: ColumnArg;
  readonly stages: ColumnArg;
  readonly closeDates: ColumnArg;
  /** One or more columns of dates per row (e.g. Stage Entered and Last Activity): the latest counts. */
  readonly lastTouch: { readonly name: string; readonly grid: CellGrid };
  readonly nextStepDue: ColumnArg;
  readonly probabilities?: ColumnArg;
}

/**
 * A cell that is not a Date: NaN when blank; a date typed as text or a serial read in the
 * spreadsheet's zone; anything else throws naming its row. (Date cells are read in the loop.)
 */
function otherDay(fn: string, col: ColumnArg, i: number, x: CellValue, zone: () => ZoneDays): number {
  if (isBlank(x)) return NONE;
  const r = readDay(x, (date) => zone().day(date.getTime()));
  if (r === undefined) badCell(fn, col, i, `is ${dateProblem(x)}`);
  return r as number;
}

export function readPriority(
  fn: string,
  cols: PriorityColumns,
  table: StageTable,
  zone: () => ZoneDays,
  today: number,
  w: PriorityWeights,
): (number | string)[][] {
  const { values, stages, closeDates, nextStepDue, probabilities } = cols;
  const touchGrid = cols.lastTouch.grid;
  const touchWidth = touchGrid.length > 0 ? (touchGrid[0] as CellValue[]).length : 1;
  const touchCol = (c: number): ColumnArg => ({
    name: cols.lastTouch.name,
    length: touchGrid.length,
    at: (i) => (touchGrid[i] as CellValue[])[c],
  });
  const touchCols: ColumnArg[] = [];
  for (let c = 0; c < touchWidth; c++) touchCols.push(touchCol(c));
  sameHeights(fn, [values, stages, closeDates, touchCols[0], nextStepDue, probabilities]);
  const n = stages.length;
  const { codes, weights } = table;
  const stageOf = stageFactors(table);
  const limits = new Float64Array(table.stages.length);
  for (const s of table.stages) limits[s.index] = s.staleAfter === null ? NONE : s.staleAfter;
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const cg = columnRows(closeDates);
  const dg = columnRows(nextStepDue);
  const pg = probabilities ? columnRows(probabilities) : undefined;
  /** Per row: the weighted value, and the points of every factor but value (NaN: no score). */
  const weighted = new Float64Array(n);
  const partial = new Float64Array(n);
  let largest = 0;
  let days: ZoneDays | undefined;
  for (let i = 0; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    if (k === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      let blank = isBlank((vg[i] as CellValue[])[0]) && isBlank((cg[i] as CellValue[])[0]);
      blank = blank && isBlank((dg[i] as CellValue[])[0]) && (!pg || isBlank((pg[i] as CellValue[])[0]));
      for (let c = 0; blank && c < touchWidth; c++) blank = isBlank((touchGrid[i] as CellValue[])[c]);
      if (!blank) blankStage(fn, stages, i, table);
      partial[i] = NONE;
      continue;
    }
    if (codes[k] !== OPEN) {
      partial[i] = NONE;
      continue;
    }
    const v = numberCell(fn, values, i, (vg[i] as CellValue[])[0]);
    let p = weights[k] as number;
    if (pg !== undefined) {
      const x = (pg[i] as CellValue[])[0];
      if (!isBlank(x)) {
        const q = readProbability(x);
        if (q === undefined) badCell(fn, probabilities as ColumnArg, i, 'is not a probability between 0 and 100%');
        p = q as number;
      }
    }
    const wv = v === v ? v * p : 0;
    weighted[i] = wv;
    if (wv > largest) largest = wv;
    // Date cells inline (one division and two array reads each); text, serials and blanks in otherDay.
    let x = (cg[i] as CellValue[])[0];
    let close: number;
    if (x instanceof LocalDate) {
      close = (days ??= zone()).day(x.getTime());
      if (close !== close) badCell(fn, closeDates, i, 'is not a date');
    } else close = otherDay(fn, closeDates, i, x, zone);
    const touchRow = touchGrid[i] as CellValue[];
    let touch = NONE;
    for (let c = 0; c < touchWidth; c++) {
      x = touchRow[c];
      let t: number;
      if (x instanceof LocalDate) {
        t = (days ??= zone()).day(x.getTime());
        if (t !== t) badCell(fn, touchCols[c] as ColumnArg, i, 'is not a date');
      } else t = otherDay(fn, touchCols[c] as ColumnArg, i, x, zone);
      if (t === t && !(touch >= t)) touch = t;
    }
    x = (dg[i] as CellValue[])[0];
    let due: number;
    if (x instanceof LocalDate) {
      due = (days ??= zone()).day(x.getTime());
      if (due !== due) badCell(fn, nextStepDue, i, 'is not a date');
    } else due = otherDay(fn, nextStepDue, i, x, zone);
    partial[i] =
      w.close * closeFactor(close - today, w.horizon) +
      w.stage * (stageOf[k] as number) +
      w.stale * staleFactor(today - touch, limits[k] as number) +
      w.followUp * followUpFactor(today - due);
  }
  const out: (number | string)[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const x = partial[i] as number;
    out[i] = [x === x ? roundScore(x + w.value * valueFactor(weighted[i] as number, largest)) : ''];
  }
  return out;
}
