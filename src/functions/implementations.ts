/**
 * What each custom function runs, by name: the only part of the catalog the shipped bundle needs
 * at run time (names, parameters and help go into the generated stubs instead, keeping the docs
 * out of dist/Code.js's bundle).
 */
import { RangeArg } from './arguments';
import { FunctionContext } from './context';
import { dealPriorityFn } from './deal-priority';
import { leadsNeededFn } from './leads-needed';
import * as F from './pipeline-functions';
import * as H from './history-functions';

export type CustomFunctionResult = number | (string | number)[][];
export type Implementation = (ctx: FunctionContext, args: readonly RangeArg[]) => CustomFunctionResult;

export const IMPLEMENTATIONS = {
  WEIGHTED_FORECAST: (ctx, [values, stages, table, probabilities, dealIds, history]) =>
    F.weightedForecastFn(ctx, values, stages, table, probabilities, dealIds, history),
  PIPELINE_VALUE: (ctx, [values, stages, table]) => F.pipelineValueFn(ctx, values, stages, table),
  STAGE_PROBABILITY: (ctx, [stages, table]) => F.stageProbabilityFn(ctx, stages, table),
  WIN_RATE: (ctx, [stages, table]) => F.winRateFn(ctx, stages, table),
  AVERAGE_DEAL_SIZE: (ctx, [values, stages, table]) => F.averageDealSizeFn(ctx, values, stages, table),
  SALES_CYCLE_DAYS: (ctx, [created, closed, stages, table]) => F.salesCycleDaysFn(ctx, created, closed, stages, table),
  SALES_VELOCITY: (ctx, [values, stages, created, closed, table]) =>
    F.salesVelocityFn(ctx, values, stages, created, closed, table),
  CONVERSION_RATE: (ctx, [stages, from, to, table]) => F.conversionRateFn(ctx, stages, from, to, table),
  FUNNEL: (ctx, [stages, values, table]) => F.funnelFn(ctx, stages, values, table),
  FORECAST_BY_MONTH: (ctx, [values, stages, closeDates, table, months, asOf, probabilities, dealIds, history]) =>
    F.forecastByMonthFn(ctx, values, stages, closeDates, table, months, asOf, probabilities, dealIds, history),
  DEAL_PRIORITY: (
    ctx,
    [values, stages, closeDates, lastTouch, nextStepDue, probabilities, stageTable, weights, asOf],
  ) =>
    dealPriorityFn(ctx, {
      values,
      stages,
      closeDates,
      lastTouch,
      nextStepDue,
      probabilities,
      stageTable,
      weights,
      asOf,
    }),
  LEADS_NEEDED: (ctx, [target, values, stages, table]) => leadsNeededFn(ctx, target, values, stages, table),
  PIPELINE_CHANGES: (ctx, [from, to, history, ids, stages, values, closeDates, created, stageTable]) =>
    F.pipelineChangesFn(ctx, { from, to, history, ids, stages, values, closeDates, created, stageTable }),
  TIME_IN_STAGE: (ctx, [history, table, asOf]) => H.timeInStageFn(ctx, history, table, asOf),
  HISTORICAL_WIN_RATE: (ctx, [stage, stages, dealIds, history, table]) =>
    H.historicalWinRateFn(ctx, stage, stages, dealIds, history, table),
} satisfies Record<string, Implementation>;

export type FunctionName = keyof typeof IMPLEMENTATIONS;
