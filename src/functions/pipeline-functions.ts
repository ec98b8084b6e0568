/**
 * The custom functions' logic: shape Sheets' arguments, call the core, shape the result.
 * Names, parameters and help live in ./catalog.ts.
 */
import { CalendarDay, ZoneDays, readDay } from '../core/calendar';
import { ForecastBins, MAX_FORECAST_MONTHS } from '../core/forecast';
import { conversionOf, funnelOf } from '../core/funnel';
import { averageDealSizeOf, countsOf, salesVelocityOf, weightedForecastOf, winRateOf } from '../core/metrics';
import { StageTotals } from '../core/stage-totals';
import { OPEN, Stage, StageTable, WON, stageNames } from '../core/stages';
import { CellValue, describeValue, isBlank, readNumber, readText } from '../core/values';
import { RangeArg, isOmitted, scalarText, toColumn } from './arguments';
import { FunctionError } from './errors';
import { readWeightedForecast } from './read-weighted';
import { forecastTable } from './history-functions';
import { readCycle } from './read-cycle';
import { readForecast } from './read-forecast';
import { SummedOutcomes, readStageTotals } from './read-totals';
import { resolveStageTable } from './stage-table';
import { FunctionContext, spreadsheetZone } from './context';
import { dayArg, readChanges } from './read-changes';
import { changeRows } from '../core/pipeline-changes';

type Cell = string | number;
export type TableResult = Cell[][];

const col = (fn: string, name: string, arg: RangeArg) => toColumn(fn, name, arg);

/** Deals and money per stage, for functions that need nothing per deal. */
function totals(
  fn: string,
  ctx: FunctionContext,
  tableArg: RangeArg,
  stages: RangeArg,
  values?: RangeArg,
  summed?: SummedOutcomes,
): StageTotals {
  const table = resolveStageTable(fn, tableArg, ctx.readSettings);
  return readStageTotals(
    fn,
    col(fn, 'stages', stages),
    values === undefined ? undefined : col(fn, 'values', values),
    table,
    summed,
  );
}

export function weightedForecastFn(
  ctx: FunctionContext,
  values: RangeArg,
  stages: RangeArg,
  stageTable: RangeArg,
  probabilities: RangeArg,
  dealIds?: RangeArg,
  history?: RangeArg,
): number {
  const fn = 'WEIGHTED_FORECAST';
  const observed = !isOmitted(dealIds) || !isOmitted(history);
  if (isOmitted(probabilities) && !observed)
    return weightedForecastOf(totals(fn, ctx, stageTable, stages, values, [OPEN, WON]));
  // With deal_ids and history, open stages weigh their observed probabilities (history-functions.ts).
  const table = forecastTable(fn, resolveStageTable(fn, stageTable, ctx.readSettings), stages, dealIds, history);
  if (isOmitted(probabilities))
    return weightedForecastOf(
      readStageTotals(fn, col(fn, 'stages', stages), col(fn, 'values', values), table, [OPEN, WON]),
    );
  return readWeightedForecast(
    fn,
    {
      values: col(fn, 'values', values),
      stages: col(fn, 'stages', stages),
      probabilities: col(fn, 'probabilities', probabilities),
    },
    table,
  );
}

export function pipelineValueFn(
  ctx: FunctionContext,
  values: RangeArg,
  stages: RangeArg,
  stageTable: RangeArg,
): number {
  return countsOf(totals('PIPELINE_VALUE', ctx, stageTable, stages, values, [OPEN])).openValue;
}

export function stageProbabilityFn(ctx: FunctionContext, stages: RangeArg, stageTable: RangeArg): number | Cell[][] {
  const fn = 'STAGE_PROBABILITY';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const unknown = (v: CellValue, where: string): never => {
    throw new FunctionError(fn, `${where}${describeValue(v)} is not a known stage (known: ${stageNames(table)})`);
  };
  if (!Array.isArray(stages)) {
    const v = stages as CellValue;
    if (isBlank(v)) throw new FunctionError(fn, `stages is blank (known: ${stageNames(table)})`);
    return table.find(readText(v))?.probability ?? unknown(v, '');
  }
  // One lookup per distinct cell text; the place of a bad cell is spelled out only when there is one.
  const grid = stages as CellValue[][];
  const single = grid.length === 1;
  const known = new Map<CellValue, Cell>();
  const probability = (v: CellValue, r: number, c: number): Cell => {
    let p = known.get(v);
    if (p === undefined) {
      p = isBlank(v)
        ? ''
        : (table.find(readText(v))?.probability ?? unknown(v, `row ${(single ? c : r) + 1} of stages: `));
      known.set(v, p);
    }
    return p;
  };
  // A column result reuses one [p] row per distinct stage: Sheets only reads it, and 100k
  // one-cell arrays would be 100k allocations for the garbage collector.
  const rowOf = new Map<CellValue, Cell[]>();
  const out: Cell[][] = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] as CellValue[];
    if (row.length !== 1) {
      out[r] = row.map((v, c) => probability(v, r, c));
      continue;
    }
    const v = row[0];
    let shared = rowOf.get(v);
    if (shared === undefined) {
      shared = [probability(v, r, 0)];
      rowOf.set(v, shared);
    }
    out[r] = shared;
  }
  return out;
}

export function winRateFn(ctx: FunctionContext, stages: RangeArg, stageTable: RangeArg): number {
  const fn = 'WIN_RATE';
  const rate = winRateOf(countsOf(totals(fn, ctx, stageTable, stages)));
  if (rate === null) throw new FunctionError(fn, 'no closed deals (won or lost) to compute a win rate from');
  return rate;
}

export function averageDealSizeFn(
  ctx: FunctionContext,
  values: RangeArg,
  stages: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'AVERAGE_DEAL_SIZE';
  const size = averageDealSizeOf(countsOf(totals(fn, ctx, stageTable, stages, values, [WON])));
  if (size === null) throw new FunctionError(fn, 'no won deals to average');
  return size;
}

export function salesCycleDaysFn(
  ctx: FunctionContext,
  created: RangeArg,
  closed: RangeArg,
  stages: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'SALES_CYCLE_DAYS';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const { cycleDays } = readCycle(
    fn,
    { created: col(fn, 'created', created), closed: col(fn, 'closed', closed), stages: col(fn, 'stages', stages) },
    table,
    spreadsheetZone(ctx),
  );
  if (cycleDays === null) throw new FunctionError(fn, 'no won deals to measure a sales cycle from');
  return cycleDays;
}

export function salesVelocityFn(
  ctx: FunctionContext,
  values: RangeArg,
  stages: RangeArg,
  created: RangeArg,
  closed: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'SALES_VELOCITY';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const read = readCycle(
    fn,
    {
      values: col(fn, 'values', values),
      stages: col(fn, 'stages', stages),
      created: col(fn, 'created', created),
      closed: col(fn, 'closed', closed),
    },
    table,
    spreadsheetZone(ctx),
  );
  const v = salesVelocityOf(read.counts, read.cycleDays);
  if (v.ok) return v.value;
  const why = {
    'no closed deals': 'no closed deals (won or lost), so there is no win rate',
    'no won deals': 'no won deals, so there is no average deal size',
    'no cycle': 'no won deals with both dates, so there is no sales cycle',
    'zero cycle':
      'the average sales cycle is 0 days (deals closed the day they were created), so velocity is undefined',
  }[v.reason];
  throw new FunctionError(fn, why);
}

function stageArg(fn: string, name: string, arg: RangeArg, table: StageTable): Stage {
  const text = scalarText(fn, name, arg);
  const stage = table.find(text);
  if (!stage)
    throw new FunctionError(fn, `${name} ${describeValue(text)} is not a known stage (known: ${stageNames(table)})`);
  if (stage.outcome === 'Lost')
    throw new FunctionError(fn, `${name} "${stage.name}" is a Lost stage; conversion runs through open and won stages`);
  return stage;
}

export function conversionRateFn(
  ctx: FunctionContext,
  stages: RangeArg,
  fromStage: RangeArg,
  toStage: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'CONVERSION_RATE';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const from = stageArg(fn, 'from_stage', fromStage, table);
  const to = stageArg(fn, 'to_stage', toStage, table);
  if (to.index <= from.index)
    throw new FunctionError(fn, `to_stage "${to.name}" must come after from_stage "${from.name}" in the pipeline`);
  const rate = conversionOf(readStageTotals(fn, col(fn, 'stages', stages), undefined, table), from, to);
  if (rate === null) throw new FunctionError(fn, `no deal reached "${from.name}", so there is nothing to convert from`);
  return rate;
}

export const FUNNEL_HEADERS = ['Stage', 'Deals reached', 'Value', 'Weighted value', 'Conversion to next'];

export function funnelFn(ctx: FunctionContext, stages: RangeArg, values: RangeArg, stageTable: RangeArg): TableResult {
  const fn = 'FUNNEL';
  const hasValues = !isOmitted(values);
  const rows: TableResult = [FUNNEL_HEADERS.slice()];
  for (const r of funnelOf(totals(fn, ctx, stageTable, stages, hasValues ? values : undefined, [OPEN, WON]))) {
    rows.push([r.stage.name, r.reached, hasValues ? r.value : '', hasValues ? r.weighted : '', r.conversion ?? '']);
  }
  return rows;
}

export const FORECAST_HEADERS = ['Month', 'Deals', 'Pipeline', 'Weighted', 'Won'];

export function forecastByMonthFn(
  ctx: FunctionContext,
  values: RangeArg,
  stages: RangeArg,
  closeDates: RangeArg,
  stageTable: RangeArg,
  months: RangeArg,
  asOf?: RangeArg,
  probabilities?: RangeArg,
  dealIds?: RangeArg,
  history?: RangeArg,
): TableResult {
  const fn = 'FORECAST_BY_MONTH';
  const zone = spreadsheetZone(ctx);
  let horizon: { today: CalendarDay; months: number } | undefined;
  if (!isOmitted(months)) {
    const n = Array.isArray(months) ? undefined : readNumber(months as CellValue);
    if (n === undefined || !Number.isInteger(n) || n < 1 || n > MAX_FORECAST_MONTHS) {
      throw new FunctionError(
        fn,
        `months ${describeValue(Array.isArray(months) ? 'a range' : (months as CellValue))} must be a whole number from 1 to ${MAX_FORECAST_MONTHS}`,
      );
    }
    horizon = { today: isOmitted(asOf) ? zone().day(ctx.now().getTime()) : asOfDay(fn, zone, asOf), months: n };
  } else if (!isOmitted(asOf)) {
    throw new FunctionError(
      fn,
      'as_of needs months: the months and the Overdue row are counted from it (e.g. ..., 6, TODAY())',
    );
  }
  const table = forecastTable(fn, resolveStageTable(fn, stageTable, ctx.readSettings), stages, dealIds, history);
  const bins = new ForecastBins(horizon);
  readForecast(
    fn,
    {
      values: col(fn, 'values', values),
      stages: col(fn, 'stages', stages),
      closeDates: col(fn, 'close_dates', closeDates),
      probabilities: isOmitted(probabilities) ? undefined : col(fn, 'probabilities', probabilities),
    },
    table,
    zone,
    bins,
  );
  const result = bins.result();
  if (!result.ok) throw new FunctionError(fn, result.error);
  return [FORECAST_HEADERS.slice(), ...result.rows.map((r) => [r.label, r.deals, r.pipeline, r.weighted, r.won])];
}

/** The as_of argument: one date (a date cell, TODAY(), a serial or text), read in the spreadsheet's zone. */
export function asOfDay(fn: string, zone: () => ZoneDays, arg: RangeArg): CalendarDay {
  const v = Array.isArray(arg)
    ? arg.length === 1 && (arg[0] as CellValue[]).length === 1
      ? (arg[0] as CellValue[])[0]
      : undefined
    : arg;
  if (v === undefined) throw new FunctionError(fn, 'as_of must be a single date (one cell, or TODAY())');
  const day = readDay(v as CellValue, (d) => zone().day(d.getTime()));
  if (day === undefined) throw new FunctionError(fn, `as_of ${describeValue(v as CellValue)} is not a date`);
  return day;
}

export const CHANGES_HEADERS = ['Change', 'Deals', 'Value'];

export function pipelineChangesFn(
  ctx: FunctionContext,
  args: {
    from: RangeArg;
    to: RangeArg;
    history: RangeArg;
    ids: RangeArg;
    stages: RangeArg;
    values: RangeArg;
    closeDates: RangeArg;
    created: RangeArg;
    stageTable: RangeArg;
  },
): TableResult {
  const fn = 'PIPELINE_CHANGES';
  const zone = spreadsheetZone(ctx);
  const from = dayArg(fn, 'from_date', args.from, zone);
  const to = dayArg(fn, 'to_date', args.to, zone);
  if (to < from) throw new FunctionError(fn, 'to_date is before from_date');
  const table = resolveStageTable(fn, args.stageTable, ctx.readSettings);
  const report = readChanges(
    fn,
    { from, to },
    {
      ids: col(fn, 'deal_ids', args.ids),
      stages: col(fn, 'stages', args.stages),
      values: col(fn, 'values', args.values),
      closeDates: col(fn, 'close_dates', args.closeDates),
      created: isOmitted(args.created) ? undefined : col(fn, 'created', args.created),
    },
    args.history,
    table,
    zone,
  );
  return [CHANGES_HEADERS.slice(), ...changeRows(report)];
}
