/** LEADS_NEEDED: new leads to win an amount at the team's own win rate and average deal size (src/core/leads.ts). */
import { leadsNeededOf } from '../core/leads';
import { countsOf } from '../core/metrics';
import { WON } from '../core/stages';
import { CellValue, describeValue, readNumber } from '../core/values';
import { RangeArg, toColumn } from './arguments';
import { FunctionContext } from './context';
import { FunctionError } from './errors';
import { readStageTotals } from './read-totals';
import { resolveStageTable } from './stage-table';

export function leadsNeededFn(
  ctx: FunctionContext,
  target: RangeArg,
  values: RangeArg,
  stages: RangeArg,
  stageTable: RangeArg,
): number {
  const fn = 'LEADS_NEEDED';
  const cell = Array.isArray(target)
    ? target.length === 1 && (target[0] as CellValue[]).length === 1
      ? (target[0] as CellValue[])[0]
      : undefined
    : target;
  const amount = cell === undefined ? undefined : readNumber(cell);
  if (amount === undefined)
    throw new FunctionError(
      fn,
      `target ${cell === undefined ? 'must be a single cell' : `${describeValue(cell)} is not an amount`} (e.g. 250000, or a target minus what is won so far)`,
    );
  const table = resolveStageTable(fn, stageTable, ctx.readSettings);
  const counts = countsOf(
    readStageTotals(fn, toColumn(fn, 'stages', stages), toColumn(fn, 'values', values), table, [WON]),
  );
  const r = leadsNeededOf(amount, counts);
  if (r.ok) return r.leads;
  throw new FunctionError(
    fn,
    r.reason === 'no closed deals'
      ? 'no closed deals (won or lost), so there is no win rate to convert leads at'
      : 'no won deals with a value, so there is no average deal size',
  );
}
