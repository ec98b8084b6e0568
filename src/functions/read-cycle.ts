/**
 * One pass over stages, optional values, created and closed dates, for the sales-cycle functions:
 * deal counts and money by outcome, and the whole days from created to closed summed over won deals.
 * Stages are checked on every row; values and dates where they enter the result (won deals),
 * dates turned into calendar days in the spreadsheet's zone. The first bad row, in row order, is
 * the one reported.
 */
import { DayReader, ZoneDays, dateProblem, readDay } from '../core/calendar';
import { Counts } from '../core/metrics';
import { LOST, OPEN, StageTable, stageNames } from '../core/stages';
import { CellValue, LocalDate, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { FunctionError } from './errors';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface CycleColumns {
  readonly stages: ColumnArg;
  readonly values?: ColumnArg;
  readonly created: ColumnArg;
  readonly closed: ColumnArg;
}

export interface CycleRead {
  readonly counts: Counts;
  /** Mean whole days from created to closed over won deals; null with no won deal. */
  readonly cycleDays: number | null;
}

/** NaN: a blank date cell. */
const NO_DAY = Number.NaN;
/** A Date cell not yet turned into a day (it is only needed when the deal is won). */
const A_DATE = Number.POSITIVE_INFINITY;

export function readCycle(fn: string, cols: CycleColumns, table: StageTable, zone: () => ZoneDays): CycleRead {
  const readZone: DayReader = (d) => zone().day(d.getTime());
  let days: ZoneDays | undefined;
  const { stages, values, created, closed } = cols;
  sameHeights(fn, [values, stages, created, closed]);
  const coder = stageCoder(table);
  const known = coder.known;
  const codes = table.codes;
  let open = 0, won = 0, lost = 0, wonValue = 0;
  let cycle = 0;
  let wonWithDates = 0;
  const bad = (i: number, col: ColumnArg, what: string): never => {
    throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.at(i))} ${what}`);
  };
  /** A date cell that is not a Date: NO_DAY when blank, else the day of a serial or text date. */
  const otherDate = (x: CellValue, i: number, col: ColumnArg): number => {
    if (isBlank(x)) return NO_DAY;
    const d = readDay(x, readZone);
    if (d === undefined) bad(i, col, `is ${dateProblem(x)}`);
    return d as number;
  };
  const sg = columnRows(stages);
  const vg = values === undefined ? undefined : columnRows(values);
  const cg = columnRows(created);
  const dg = columnRows(closed);
  const max = MAX_NUMBER;
  const min = -MAX_NUMBER;
  for (let i = 0, n = sg.length; i < n; i++) {
    const s = (sg[i] as CellValue[])[0];
    let k = known.get(s as string);
    if (k === undefined) k = coder.code(s);
    if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
    const code = k === BLANK ? BLANK : codes[k as number];
    if (code === OPEN) { open++; continue; }
    if (code === LOST) { lost++; continue; }
    // Only won deals' values and dates enter the result (an open deal's Close Date may well say
    // "Q3"): other deals' cells are not read. A blank-stage row is read whole, to skip or refuse it.
    let v = 0;
    let blankRow = true;
    if (vg !== undefined) {
      const x = (vg[i] as CellValue[])[0];
      if (typeof x === 'number' && x <= max && x >= min) { v = x; blankRow = false; } else if (!isBlank(x)) {
        const r = readNumber(x);
        if (r === undefined) bad(i, values as ColumnArg, `is ${numberProblem(x)}`);
        v = r as number;
        blankRow = false;
      }
    }
    const a = (cg[i] as CellValue[])[0];
    const b = (dg[i] as CellValue[])[0];
    let dayA = a instanceof LocalDate ? A_DATE : otherDate(a, i, created);
    let dayB = b instanceof LocalDate ? A_DATE : otherDate(b, i, closed);
    if (code === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (blankRow && dayA !== dayA && dayB !== dayB) continue;
      throw new FunctionError(fn, `row ${i + 1} of ${stages.name}: the stage is blank (known: ${stageNames(table)})`);
    }
    won++;
    wonValue += v;
    if (dayA !== dayA) bad(i, created, 'is not a date, and this won deal needs its created date');
    if (dayB !== dayB) bad(i, closed, 'is not a date, and this won deal needs its closed date');
    if (dayA === A_DATE || dayB === A_DATE) {
      if (days === undefined) days = zone();
      if (dayA === A_DATE && (dayA = days.day((a as Date).getTime())) !== dayA) bad(i, created, 'is not a date');
      if (dayB === A_DATE && (dayB = days.day((b as Date).getTime())) !== dayB) bad(i, closed, 'is not a date');
    }
    if (dayB < dayA) bad(i, closed, `is before the deal was created (row ${i + 1} of ${created.name})`);
    cycle += dayB - dayA;
    wonWithDates++;
  }
  // Open deals' values do not enter velocity (open deals count, the money is the won deals' average).
  const counts: Counts = { open, won, lost, openValue: 0, wonValue };
  return { counts, cycleDays: wonWithDates === 0 ? null : cycle / wonWithDates };
}
