/**
 * DEAL_PRIORITY: each open deal's priority score (src/core/priority.ts), a column beside the deals.
 * Weights come from the `weights` range (the settings tab's Setting | Value columns) when given,
 * else the settings tab (read once, read-only), else the defaults.
 */
import { NAMED_SETTINGS_COLUMN, NamedSettings, parseNamedSettings } from '../core/named-settings';
import { priorityWeights } from '../core/priority';
import { CellGrid } from '../core/values';
import { RangeArg, isOmitted, toColumn, toGrid } from './arguments';
import { FunctionContext, spreadsheetZone } from './context';
import { FunctionError } from './errors';
import { asOfDay } from './pipeline-functions';
import { readPriority } from './read-priority';
import { resolveStageTable } from './stage-table';

function weightsOf(fn: string, ctx: FunctionContext, arg: RangeArg): NamedSettings {
  if (!isOmitted(arg)) {
    const grid = toGrid(arg);
    if ((grid[0]?.length ?? 0) < 2)
      throw new FunctionError(fn, "weights must be the Setting and Value columns, e.g. 'Pipeline Settings'!J1:K20");
    const s = parseNamedSettings(grid, { row: 1, column: 1 }, 'weights');
    const first = s.problems[0];
    if (first) throw new FunctionError(fn, `row ${/\d+$/.exec(first.cell)?.[0] ?? '?'} of weights: ${first.message}`);
    return s;
  }
  const grid: CellGrid = ctx.readNamedSettings?.() ?? [];
  const s = parseNamedSettings(grid, { row: 1, column: NAMED_SETTINGS_COLUMN }, 'Pipeline Settings');
  const first = s.problems[0];
  if (first) throw new FunctionError(fn, `${first.cell}: ${first.message}`);
  return s;
}

export function dealPriorityFn(
  ctx: FunctionContext,
  args: {
    values: RangeArg;
    stages: RangeArg;
    closeDates: RangeArg;
    lastTouch: RangeArg;
    nextStepDue: RangeArg;
    probabilities: RangeArg;
    stageTable: RangeArg;
    weights: RangeArg;
    asOf: RangeArg;
  },
): (number | string)[][] {
  const fn = 'DEAL_PRIORITY';
  const zone = spreadsheetZone(ctx);
  const today = isOmitted(args.asOf) ? zone().day(ctx.now().getTime()) : asOfDay(fn, zone, args.asOf);
  const w = priorityWeights(weightsOf(fn, ctx, args.weights));
  const table = resolveStageTable(fn, args.stageTable, ctx.readSettings);
  const col = (name: string, arg: RangeArg) => toColumn(fn, name, arg);
  return readPriority(
    fn,
    {
      values: col('values', args.values),
      stages: col('stages', args.stages),
      closeDates: col('close_dates', args.closeDates),
      lastTouch: { name: 'last_touch', grid: toGrid(args.lastTouch) },
      nextStepDue: col('next_step_due', args.nextStepDue),
      probabilities: isOmitted(args.probabilities) ? undefined : col('probabilities', args.probabilities),
    },
    table,
    zone,
    today,
    w,
  );
}
