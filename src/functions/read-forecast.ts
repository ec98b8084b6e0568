/**
 * One pass over values, stages and close dates straight into month bins, for FORECAST_BY_MONTH.
 * Stages are checked on every row; values and close dates where they enter the result (open and
 * won deals), dates turned into months in the spreadsheet's zone. The first bad row, in row order,
 * is the one reported.
 */
import { MonthOfDay, ZoneDays, dateProblem, readDay } from '../core/calendar';
import { ForecastBins } from '../core/forecast';
import { NONE } from '../core/numbers';
import { LOST, StageTable, WON, stageNames } from '../core/stages';
import { CellValue, LocalDate, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { FunctionError } from './errors';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface ForecastColumns {
  readonly values: ColumnArg;
  readonly stages: ColumnArg;
  readonly closeDates: ColumnArg;
}

export function readForecast(fn: string, cols: ForecastColumns, table: StageTable, zone: () => ZoneDays, bins: ForecastBins): void {
  const { values, stages, closeDates } = cols;
  sameHeights(fn, [values, stages, closeDates]);
  const coder = stageCoder(table);
  const known = coder.known;
  const { codes, weights } = table;
  const months = new MonthOfDay();
  let days: ZoneDays | undefined;
  const bad = (i: number, col: ColumnArg, what: string): never => {
    throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.at(i))} ${what}`);
  };
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const dg = columnRows(closeDates);
  const max = MAX_NUMBER;
  const min = -MAX_NUMBER;
  for (let i = 0, n = sg.length; i < n; i++) {
    const s = (sg[i] as CellValue[])[0];
    let k = known.get(s as string);
    if (k === undefined) k = coder.code(s);
    if (k === UNKNOWN) bad(i, stages, `is not a known stage (known: ${stageNames(table)})`);
    // Lost deals are left out of the forecast: their value and close date cells are not read.
    if (k !== BLANK && codes[k as number] === LOST) continue;
    const x = (vg[i] as CellValue[])[0];
    let v = 0;
    let blankValue = true;
    if (typeof x === 'number' && x <= max && x >= min) { v = x; blankValue = false; } else if (!isBlank(x)) {
      const r = readNumber(x);
      if (r === undefined) bad(i, values, `is ${numberProblem(x)}`);
      v = r as number;
      blankValue = false;
    }
    const d = (dg[i] as CellValue[])[0];
    let day = NONE;
    if (d instanceof LocalDate) {
      blankValue = false;
      if (k !== BLANK) {
        if (days === undefined) days = zone();
        day = days.day(d.getTime());
        if (day !== day) bad(i, closeDates, 'is not a date');
      }
    } else if (!isBlank(d)) {
      const r = readDay(d, (date) => (days ??= zone()).day(date.getTime()));
      if (r === undefined) bad(i, closeDates, `is ${dateProblem(d)}`);
      day = r as number;
      blankValue = false;
    }
    if (k === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (blankValue) continue;
      throw new FunctionError(fn, `row ${i + 1} of ${stages.name}: the stage is blank (known: ${stageNames(table)})`);
    }
    bins.add(day === day ? months.month(day) : day, codes[k as number] === WON, v, weights[k as number] as number);
  }
}
