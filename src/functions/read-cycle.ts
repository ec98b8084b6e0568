/**
 * One pass over stages, optional values, created and closed dates, for the sales-cycle functions:
 * deal counts and money by outcome, and the whole days from created to closed summed over won deals.
 * Stages are checked on every row; values and dates where they enter the result (won deals),
 * dates turned into calendar days in the spreadsheet's zone. The first bad row, in row order, is
 * the one reported.
 */
import { DayReader, ZoneDays, dateProblem, readDay } from '../core/calendar';
import { Counts } from '../core/metrics';
import { LOST, OPEN, StageTable } from '../core/stages';
import { CellValue, LocalDate, isBlank } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { badCell, blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
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
/** NaN: no value (a blank cell, or no values column). */
const NO_VALUE = Number.NaN;
/** A Date cell not yet turned into a day (it is only needed when the deal is won). */
const A_DATE = Number.POSITIVE_INFINITY;

export function readCycle(fn: string, cols: CycleColumns, table: StageTable, zone: () => ZoneDays): CycleRead {
  const readZone: DayReader = (d) => zone().day(d.getTime());
  let days: ZoneDays | undefined;
  const { stages, values, created, closed } = cols;
  sameHeights(fn, [values, stages, created, closed]);
  const codes = table.codes;
  let open = 0,
    won = 0,
    lost = 0,
    wonValue = 0;
  let cycle = 0;
  let wonWithDates = 0;
  const bad = (i: number, col: ColumnArg, what: string): never => badCell(fn, col, i, what);
  /** A date cell that is not a Date: NO_DAY when blank, else the day of a serial or text date. */
  const otherDate = (x: CellValue, i: number, col: ColumnArg): number => {
    if (isBlank(x)) return NO_DAY;
    const d = readDay(x, readZone);
    if (d === undefined) bad(i, col, `is ${dateProblem(x)}`);
    return d as number;
  };
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const vg = values === undefined ? undefined : columnRows(values);
  const cg = columnRows(created);
  const dg = columnRows(closed);
  for (let i = 0, n = stages.length; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    const code = k === BLANK ? BLANK : codes[k];
    if (code === OPEN) {
      open++;
      continue;
    }
    if (code === LOST) {
      lost++;
      continue;
    }
    // Only won deals' values and dates enter the result (an open deal's Close Date may well say
    // "Q3"): other deals' cells are not read. A blank-stage row is read whole, to skip or refuse it.
    // v is NaN for a blank value cell, or without a values column.
    const v = vg === undefined ? NO_VALUE : numberCell(fn, values as ColumnArg, i, (vg[i] as CellValue[])[0]);
    const blankRow = v !== v;
    const a = (cg[i] as CellValue[])[0];
    const b = (dg[i] as CellValue[])[0];
    let dayA = a instanceof LocalDate ? A_DATE : otherDate(a, i, created);
    let dayB = b instanceof LocalDate ? A_DATE : otherDate(b, i, closed);
    if (code === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (blankRow && dayA !== dayA && dayB !== dayB) continue;
      blankStage(fn, stages, i, table);
    }
    won++;
    if (v === v) wonValue += v;
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
