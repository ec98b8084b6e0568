/**
 * Reads the deal columns a custom function was given into a DealSet, naming the row of any bad
 * cell. Column by column, keeping only the columns given: each pass is one tight loop, and when
 * several columns hold bad cells the earliest row is the one reported.
 */
import { DayReader, dateProblem, readDay } from '../core/calendar';
import { DealSet } from '../core/dealset';
import { NONE, isNone } from '../core/numbers';
import { StageTable, WON, stageNames } from '../core/stages';
import { CellValue, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber, readProbability, readText } from '../core/values';
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

const BLANK = -1;
const UNKNOWN = -2;

/** The first bad cell found so far; a later pass only replaces it with an earlier row. */
class FirstProblem {
  row = Infinity;
  message = '';
  /** `what` ends the sentence: a fixed text, or one worked out from the bad cell. */
  note(row: number, col: ColumnArg, what: string | ((v: CellValue) => string)): void {
    const v = col.at(row);
    this.say(row, `row ${row + 1} of ${col.name}: ${describeValue(v)} ${typeof what === 'string' ? what : what(v)}`);
  }
  say(row: number, message: string): void {
    if (row < this.row) { this.row = row; this.message = message; }
  }
}

/** Stage indexes (BLANK for blank cells), how many cells were blank, and deals per stage. */
function stageColumn(col: ColumnArg, table: StageTable, problem: FirstProblem): { stage: Int32Array; blanks: number; perStage: Float64Array } {
  const n = col.length;
  const out = new Int32Array(n);
  const perStage = new Float64Array(table.stages.length);
  let blanks = 0;
  const byText = new Map<string, number>();
  const grid = col.grid;
  for (let i = 0; i < n; i++) {
    const s = grid ? (grid[i] as CellValue[])[0] : col.at(i);
    let k: number | undefined;
    if (typeof s === 'string') {
      k = byText.get(s);
      if (k === undefined) {
        k = s.trim() === '' ? BLANK : table.find(s)?.index ?? UNKNOWN;
        byText.set(s, k);
      }
    } else if (isBlank(s)) k = BLANK;
    else {
      // A number (stage "1"), read as its text, as the jobs read the Deals tab.
      const t = readText(s);
      k = byText.get(t);
      if (k === undefined) { k = table.find(t)?.index ?? UNKNOWN; byText.set(t, k); }
    }
    if (k === UNKNOWN) { problem.note(i, col, `is not a known stage (known: ${stageNames(table)})`); break; }
    if (k === BLANK) blanks++;
    else perStage[k] = (perStage[k] as number) + 1;
    out[i] = k;
  }
  return { stage: out, blanks, perStage };
}

function numberColumn(col: ColumnArg, problem: FirstProblem, read: (v: CellValue) => number | undefined, blank: number, what: (v: CellValue) => string): Float64Array {
  const n = Math.min(col.length, problem.row);
  const out = new Float64Array(col.length);
  const numbersAsThey = read === readNumber;
  const grid = col.grid;
  for (let i = 0; i < n; i++) {
    const v = grid ? (grid[i] as CellValue[])[0] : col.at(i);
    if (numbersAsThey && typeof v === 'number' && v <= MAX_NUMBER && v >= -MAX_NUMBER) { out[i] = v; continue; }
    if (isBlank(v)) { out[i] = blank; continue; }
    const x = read(v);
    if (x === undefined) { problem.note(i, col, what); break; }
    out[i] = x;
  }
  return out;
}

export function readDealColumns(fn: string, cols: DealColumns, table: StageTable, opts: ReadOptions): DealSet {
  const others = [cols.values, cols.probabilities, cols.created, cols.closed, cols.closeDates].filter((c): c is ColumnArg => c !== undefined);
  sameHeights(fn, [cols.values, cols.stages, cols.probabilities, cols.created, cols.closed, cols.closeDates]);
  const problem = new FirstProblem();
  const { stage, blanks, perStage } = stageColumn(cols.stages, table, problem);
  const dayOf = (v: CellValue): number | undefined => readDay(v, opts.readZone);
  const notProbability = (): string => 'is not a probability between 0 and 100%';
  const notNumber = (v: CellValue): string => `is ${numberProblem(v)}`;
  const notDate = (v: CellValue): string => `is ${dateProblem(v)}`;
  const value = cols.values && numberColumn(cols.values, problem, readNumber, 0, notNumber);
  const override = cols.probabilities && numberColumn(cols.probabilities, problem, readProbability, NONE, notProbability);
  const created = cols.created && numberColumn(cols.created, problem, dayOf, NONE, notDate);
  const closed = cols.closed && numberColumn(cols.closed, problem, dayOf, NONE, notDate);
  const expectedClose = cols.closeDates && numberColumn(cols.closeDates, problem, dayOf, NONE, notDate);

  const whole = (): DealSet => ({ table, size: stage.length, stage, value, override, created, closed, expectedClose, perStage });
  if (blanks === 0 && !opts.wonNeedDates) {
    if (problem.row !== Infinity) throw new FunctionError(fn, problem.message);
    return whole();
  }
  // Rows with a blank stage: skipped when blank in every given column, else an error.
  const keep: number[] = [];
  let skipped = 0;
  const n = Math.min(stage.length, problem.row);
  for (let i = 0; i < n; i++) {
    if (stage[i] !== BLANK) {
      if (opts.wonNeedDates && table.codes[stage[i] as number] === WON && created && closed && cols.created && cols.closed) {
        if (isNone(created[i] as number)) problem.note(i, cols.created, 'is not a date, and this won deal needs its created date');
        else if (isNone(closed[i] as number)) problem.note(i, cols.closed, 'is not a date, and this won deal needs its closed date');
        else if ((closed[i] as number) < (created[i] as number)) problem.note(i, cols.closed, `is before the deal was created (row ${i + 1} of ${cols.created.name})`);
      }
      if (skipped > 0) keep.push(i);
      continue;
    }
    if (others.some((c) => !isBlank(c.at(i)))) {
      problem.say(i, `row ${i + 1} of ${cols.stages.name}: the stage is blank (known: ${stageNames(table)})`);
      break;
    }
    if (skipped === 0) for (let k = 0; k < i; k++) keep.push(k);
    skipped++;
  }
  if (problem.row !== Infinity) throw new FunctionError(fn, problem.message);
  if (skipped === 0) return whole();
  const pick = <T extends Int32Array | Float64Array>(a: T | undefined): T | undefined => {
    if (a === undefined) return undefined;
    const out = new (a.constructor as { new (n: number): T })(keep.length);
    keep.forEach((i, k) => { out[k] = a[i] as number; });
    return out;
  };
  return { table, size: keep.length, stage: pick(stage) as Int32Array, value: pick(value), override: pick(override), created: pick(created), closed: pick(closed), expectedClose: pick(expectedClose) };
}
