/**
 * One pass over values, stages and close dates straight into month bins, for FORECAST_BY_MONTH.
 * Stages are checked on every row; values and close dates where they enter the result (open and
 * won deals), dates turned into months in the spreadsheet's zone. The first bad row, in row order,
 * is the one reported.
 */
import { MonthOfDay, ZoneDays, dateProblem, readDay } from '../core/calendar';
import { ForecastBins } from '../core/forecast';
import { NONE } from '../core/numbers';
import { LOST, StageTable, WON } from '../core/stages';
import { CellValue, LocalDate, isBlank, readProbability } from '../core/values';
import { ColumnArg, columnRows, sameHeights } from './arguments';
import { badCell, blankStage, numberCell, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

export interface ForecastColumns {
  readonly values: ColumnArg;
  readonly stages: ColumnArg;
  readonly closeDates: ColumnArg;
  /** Optional per-deal probabilities: an open deal's own, when filled, wins over its stage's. */
  readonly probabilities?: ColumnArg;
}

export function readForecast(
  fn: string,
  cols: ForecastColumns,
  table: StageTable,
  zone: () => ZoneDays,
  bins: ForecastBins,
): void {
  const { values, stages, closeDates, probabilities } = cols;
  sameHeights(fn, [values, stages, closeDates, probabilities]);
  const pg = probabilities === undefined ? undefined : columnRows(probabilities);
  const { codes, weights } = table;
  const months = new MonthOfDay();
  let days: ZoneDays | undefined;
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const vg = columnRows(values);
  const dg = columnRows(closeDates);
  for (let i = 0, n = stages.length; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    // Lost deals are left out of the forecast: their value and close date cells are not read.
    if (k !== BLANK && codes[k] === LOST) continue;
    // NaN for a blank value cell.
    const v = numberCell(fn, values, i, (vg[i] as CellValue[])[0]);
    let blankValue = v !== v;
    const d = (dg[i] as CellValue[])[0];
    let day = NONE;
    if (d instanceof LocalDate) {
      blankValue = false;
      if (k !== BLANK) {
        if (days === undefined) days = zone();
        day = days.day(d.getTime());
        if (day !== day) badCell(fn, closeDates, i, 'is not a date');
      }
    } else if (!isBlank(d)) {
      const r = readDay(d, (date) => (days ??= zone()).day(date.getTime()));
      if (r === undefined) badCell(fn, closeDates, i, `is ${dateProblem(d)}`);
      day = r as number;
      blankValue = false;
    }
    let p = NONE;
    if (pg !== undefined && (k === BLANK || codes[k] !== WON)) {
      const y = (pg[i] as CellValue[])[0];
      if (!isBlank(y)) {
        const r = readProbability(y);
        if (r === undefined) badCell(fn, probabilities as ColumnArg, i, 'is not a probability between 0 and 100%');
        p = r as number;
        blankValue = false;
      }
    }
    if (k === BLANK) {
      // A row blank in every given column is skipped; a deal must have a stage.
      if (blankValue) continue;
      blankStage(fn, stages, i, table);
    }
    bins.add(
      day === day ? months.month(day) : day,
      codes[k] === WON,
      v === v ? v : 0,
      p === p ? p : (weights[k] as number),
    );
  }
}
