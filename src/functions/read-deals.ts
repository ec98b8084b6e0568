/** Reads the deal columns a custom function was given into a DealSet, naming the row of any bad cell. */
import { DayReader, readDay } from '../core/calendar';
import { DealSet, dealSetBuilder } from '../core/dealset';
import { StageTable, stageNames } from '../core/stages';
import { CellValue, describeValue, isBlank, readNumber, readProbability } from '../core/values';
import { ColumnArg, sameHeights } from './arguments';
import { FunctionError } from './errors';

export interface DealColumns {
  readonly stages: ColumnArg;
  readonly values?: ColumnArg;
  readonly probabilities?: ColumnArg;
  readonly created?: ColumnArg;
  readonly closed?: ColumnArg;
  readonly closeDates?: ColumnArg;
}

export interface ReadOptions {
  /** Won deals must carry created and closed dates (cycle length). */
  readonly wonNeedDates?: boolean;
  readonly readZone: DayReader;
}

export function readDealColumns(fn: string, cols: DealColumns, table: StageTable, opts: ReadOptions): DealSet {
  const given = [cols.values, cols.stages, cols.probabilities, cols.created, cols.closed, cols.closeDates];
  sameHeights(fn, given);
  const present = given.filter((c): c is ColumnArg => c !== undefined);
  const n = cols.stages.cells.length;
  const out = dealSetBuilder(table, n);
  const fail = (col: ColumnArg, i: number, what: string): never => {
    throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.cells[i])} ${what}`);
  };
  const day = (col: ColumnArg | undefined, i: number): number => {
    if (!col) return NaN;
    const v = col.cells[i];
    if (isBlank(v)) return NaN;
    const d = readDay(v, opts.readZone);
    return d === undefined ? fail(col, i, 'is not a date') : d;
  };
  const stageCells = cols.stages.cells;
  for (let i = 0; i < n; i++) {
    let blank = true;
    for (const c of present) if (!isBlank(c.cells[i])) { blank = false; break; }
    if (blank) continue;
    const s: CellValue = stageCells[i];
    if (isBlank(s)) throw new FunctionError(fn, `row ${i + 1} of ${cols.stages.name}: the stage is blank (known: ${stageNames(table)})`);
    const stage = typeof s === 'string' ? table.find(s) : undefined;
    if (!stage) throw new FunctionError(fn, `row ${i + 1} of ${cols.stages.name}: ${describeValue(s)} is not a known stage (known: ${stageNames(table)})`);
    let value = 0;
    if (cols.values) {
      const v = cols.values.cells[i];
      if (typeof v === 'number' && Number.isFinite(v)) value = v;
      else if (!isBlank(v)) value = readNumber(v) ?? fail(cols.values, i, 'is not a number');
    }
    let override = NaN;
    if (cols.probabilities) {
      const p = cols.probabilities.cells[i];
      if (!isBlank(p)) override = readProbability(p) ?? fail(cols.probabilities, i, 'is not a probability between 0 and 100%');
    }
    const created = day(cols.created, i);
    const closed = day(cols.closed, i);
    if (opts.wonNeedDates && stage.outcome === 'Won') {
      if (Number.isNaN(created) && cols.created) fail(cols.created, i, 'is not a date, and this won deal needs its created date');
      if (Number.isNaN(closed) && cols.closed) fail(cols.closed, i, 'is not a date, and this won deal needs its closed date');
      if (closed < created && cols.closed) fail(cols.closed, i, `is before the deal was created (row ${i + 1} of ${cols.created?.name ?? 'created'})`);
    }
    out.add(stage.index, value, override, created, closed, day(cols.closeDates, i));
  }
  return out.finish();
}
