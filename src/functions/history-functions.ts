/**
 * The custom functions that learn from Stage History (issue 13): TIME_IN_STAGE, HISTORICAL_WIN_RATE,
 * and the observed probabilities WEIGHTED_FORECAST and FORECAST_BY_MONTH use when given the deals'
 * IDs and the history. Names, parameters and help live in ./catalog.ts.
 */
import { CalendarDay, ZoneDays, readDay } from '../core/calendar';
import { stayDays, timeInStage } from '../core/history-analytics/time-in-stage';
import { stageWinRates, withObservedProbabilities } from '../core/history-analytics/win-rates';
import { StageTable, stageNames } from '../core/stages';
import { CellValue, describeValue } from '../core/values';
import { RangeArg, isOmitted, scalarText, toColumn } from './arguments';
import { FunctionContext, spreadsheetZone } from './context';
import { FunctionError } from './errors';
import { historyEntries, historyReachById, readDealsReach } from './read-history';
import { resolveStageTable } from './stage-table';

type Cell = string | number;

export const TIME_IN_STAGE_HEADERS = ['Stage', 'Deals left', 'Median days', '75th percentile days'];

export function timeInStageFn(ctx: FunctionContext, history: RangeArg, stageTable: RangeArg, asOf: RangeArg): Cell[][] {
  const fn = 'TIME_IN_STAGE';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const zone = spreadsheetZone(ctx);
  const until = isOmitted(asOf) ? undefined : dateArg(fn, 'as_of', zone, asOf);
  let days: ZoneDays | undefined;
  const stays = stayDays(historyEntries(fn, history), table, (ms) => (days ??= zone()).day(ms), until);
  const rows: Cell[][] = [TIME_IN_STAGE_HEADERS.slice()];
  for (const r of timeInStage(stays, table)) {
    rows.push([
      (table.stages[r.stageIndex] as { name: string }).name,
      r.left,
      r.left ? r.median : '',
      r.left ? r.p75 : '',
    ]);
  }
  return rows;
}

/** The stage table whose open stages weigh their observed probabilities, from the deals and the history. */
export function observedTable(
  fn: string,
  table: StageTable,
  stages: RangeArg,
  dealIds: RangeArg,
  history: RangeArg,
): StageTable {
  const r = readDealsReach(
    fn,
    { stages: toColumn(fn, 'stages', stages), dealIds: toColumn(fn, 'deal_ids', dealIds) },
    table,
    historyReachById(fn, history, table),
  );
  return withObservedProbabilities(table, stageWinRates(table, r.stage, r.reached));
}

/**
 * The table a forecast weighs with: the observed one when deal_ids and history are both given, the
 * set one when neither is; one without the other is an error.
 */
export function forecastTable(
  fn: string,
  table: StageTable,
  stages: RangeArg,
  dealIds: RangeArg,
  history: RangeArg,
): StageTable {
  const ids = !isOmitted(dealIds);
  const hist = !isOmitted(history);
  if (!ids && !hist) return table;
  if (!ids || !hist)
    throw new FunctionError(
      fn,
      `observed probabilities need both deal_ids and history (got only ${ids ? 'deal_ids' : 'history'})`,
    );
  return observedTable(fn, table, stages, dealIds, history);
}

export function historicalWinRateFn(
  ctx: FunctionContext,
  stage: RangeArg,
  stages: RangeArg,
  dealIds: RangeArg,
  history: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'HISTORICAL_WIN_RATE';
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const name = scalarText(fn, 'stage', stage);
  const s = table.find(name);
  if (!s)
    throw new FunctionError(fn, `stage ${describeValue(name)} is not a known stage (known: ${stageNames(table)})`);
  if (s.outcome !== 'Open')
    throw new FunctionError(fn, `stage "${s.name}" is a ${s.outcome} stage; give an open stage`);
  return observedTable(fn, table, stages, dealIds, history).stages[s.index]?.probability as number;
}

/** A date argument: one date (a date cell, TODAY(), a serial or text), read in the spreadsheet's zone. */
function dateArg(fn: string, name: string, zone: () => ZoneDays, arg: RangeArg): CalendarDay {
  const v = Array.isArray(arg)
    ? arg.length === 1 && (arg[0] as CellValue[]).length === 1
      ? (arg[0] as CellValue[])[0]
      : undefined
    : arg;
  if (v === undefined) throw new FunctionError(fn, `${name} must be a single date (one cell, or TODAY())`);
  const day = readDay(v as CellValue, (d) => zone().day(d.getTime()));
  if (day === undefined) throw new FunctionError(fn, `${name} ${describeValue(v as CellValue)} is not a date`);
  return day;
}
