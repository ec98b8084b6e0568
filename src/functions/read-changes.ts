/**
 * PIPELINE_CHANGES: reads the period, the deals' current columns and the Stage History range in
 * one pass each, then reports what changed (src/core/pipeline-changes.ts). Every deal row is read
 * whole (stage, value, close date, created): any deal can enter the review.
 */
import { CalendarDay, ZoneDays, dateProblem, readDay } from '../core/calendar';
import { ChangesBuilder, ChangesReport, DealsNowArrays, feedHistory } from '../core/pipeline-changes';
import { StageTable } from '../core/stages';
import { CellValue, describeValue, isBlank, readText } from '../core/values';
import { ColumnArg, RangeArg, columnRows, sameHeights, toGrid } from './arguments';
import { FunctionError } from './errors';
import { badCell, blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface ChangesColumns {
  readonly ids: ColumnArg;
  readonly stages: ColumnArg;
  readonly values: ColumnArg;
  readonly closeDates: ColumnArg;
  readonly created: ColumnArg | undefined;
}

/** A single date argument (a date cell, TODAY(), a serial or text) in the spreadsheet's zone. */
export function dayArg(fn: string, name: string, arg: RangeArg, zone: () => ZoneDays): CalendarDay {
  const grid = toGrid(arg);
  const v = grid.length === 1 && (grid[0] as CellValue[]).length === 1 ? (grid[0] as CellValue[])[0] : undefined;
  if (v === undefined) throw new FunctionError(fn, `${name} must be a single date (one cell)`);
  const day = isBlank(v) ? undefined : readDay(v, (d) => zone().day(d.getTime()));
  if (day === undefined) throw new FunctionError(fn, `${name} ${describeValue(v)} is not a date`);
  return day;
}

export function readChanges(
  fn: string,
  period: { from: CalendarDay; to: CalendarDay },
  cols: ChangesColumns,
  history: RangeArg,
  table: StageTable,
  zone: () => ZoneDays,
): ChangesReport {
  const { ids, stages, values, closeDates, created } = cols;
  sameHeights(fn, [ids, stages, values, closeDates, created]);
  const n = stages.length;
  const idg = columnRows(ids);
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const dg = columnRows(closeDates);
  const cg = created ? columnRows(created) : undefined;
  const coder = stageCoder(table);
  let days: ZoneDays | undefined;
  const dayOf = (d: Date): CalendarDay => (days ??= zone()).day(d.getTime());
  const dateCell = (col: ColumnArg, i: number, v: CellValue): number => {
    if (isBlank(v)) return NaN;
    const d = readDay(v, dayOf);
    if (d === undefined) badCell(fn, col, i, `is ${dateProblem(v)}`);
    return d as number;
  };
  const stage = new Int32Array(n);
  const value = new Float64Array(n);
  const close = new Float64Array(n);
  const made = new Float64Array(n);
  const index = new Map<string, number>();
  let m = 0;
  for (let i = 0; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    const idCell = (idg[i] as CellValue[])[0];
    const v = (vg[i] as CellValue[])[0];
    const d = (dg[i] as CellValue[])[0];
    const c = cg ? (cg[i] as CellValue[])[0] : '';
    if (k === BLANK) {
      if (isBlank(idCell) && isBlank(v) && isBlank(d) && isBlank(c)) continue;
      blankStage(fn, stages, i, table);
    }
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    stage[m] = k;
    const x = numberCell(fn, values, i, v);
    value[m] = x === x ? x : 0;
    close[m] = dateCell(closeDates, i, d);
    made[m] = created ? dateCell(created, i, c) : NaN;
    if (!isBlank(idCell)) {
      const id =
        typeof idCell === 'string' && idCell.charCodeAt(0) > 32 && idCell.charCodeAt(idCell.length - 1) > 32
          ? idCell
          : readText(idCell);
      if (!index.has(id)) index.set(id, m);
    }
    m++;
  }
  const deals: DealsNowArrays = {
    size: m,
    stage: stage.subarray(0, m),
    value: value.subarray(0, m),
    close: close.subarray(0, m),
    created: made.subarray(0, m),
  };
  const b = new ChangesBuilder(deals, table, period.from, period.to);
  const rows = toGrid(history);
  const width = (rows[0] as CellValue[] | undefined)?.length ?? 0;
  if (rows.length > 0 && width < 9)
    throw new FunctionError(
      fn,
      `history must be the Stage History columns A:I (Timestamp to Field), e.g. 'Stage History'!A2:I; got ${width} column${width === 1 ? '' : 's'}`,
    );
  feedHistory(b, rows, index, table, dayOf, (r, what) => {
    throw new FunctionError(fn, `row ${r + 1} of history: ${what}`);
  });
  return b.finish();
}
