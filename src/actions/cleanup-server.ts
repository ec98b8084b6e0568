/**
 * Clean up pipeline: the dialog's server functions. The list: open deals with no progress for their
 * stage's Clean up after (days) (src/core/hygiene/no-progress.ts), and possible duplicates. The
 * move: every chosen deal goes to the Lost stage through the sidebar's move path (planMove: the
 * Lost stage's gates apply, the reason is the Lost Reason), in ONE write plan (one history append,
 * one setValues per block of columns), logged with Via "cleanup". A deal whose row changed since
 * the dialog loaded, that is gone or whose Deal ID is on two rows, or that fails a gate, is not
 * moved, and the result says so per deal.
 */
import { dayToIso } from '../core/calendar';
import { cellsOf } from '../core/deals';
import { duplicateRows, findDuplicateIds } from '../core/duplicate-ids';
import { possibleDuplicates } from '../core/hygiene/duplicates';
import { cleanupCandidates, cleanupReason, rowStamp } from '../core/hygiene/no-progress';
import { moveWrites, planMove } from '../core/move';
import { rowsById } from '../core/rows-by-id';
import { Stage } from '../core/stages';
import { CellValue, readText } from '../core/values';
import { RowWrite, WritePlan } from '../core/write-plan';
import { HistoryRecord } from '../core/history';
import {
  CleanupChoice,
  CleanupList,
  CleanupOutcome,
  CleanupRequest,
  CleanupResult,
  MAX_CLEANUP_DEALS,
} from '../shared/cleanup-api';
import { Book } from '../sheets/book';
import { allDealIds, FIRST_DATA_ROW, readDealsTable, requireColumn } from '../sheets/deals-sheet';
import { ensureHistoryTab } from '../sheets/history-sheet';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { clockOf, currentUser, dealsTabOf, loadPipeline, stageTableOf, UserError } from './pipeline-context';
import { MAX_ROW, requestFields, servePageRequest, text } from './page-request';
import { healthAfter } from './shown-deal';

function lostStageOf(stages: readonly Stage[]): Stage {
  const lost = stages.find((s) => s.outcome === 'Lost');
  if (!lost) throw new UserError('The stage table has no Lost stage to move deals to.');
  return lost;
}

export function getCleanupList(book: Book): CleanupList {
  try {
    const { deals, parsed, table, clock } = loadPipeline(book);
    const lost = lostStageOf(table.stages);
    const idCol = requireColumn(deals, 'dealId');
    const shared = duplicateRows(findDuplicateIds(allDealIds(deals, idCol), deals.firstRow));
    const candidates = cleanupCandidates(parsed.deals, clock.today);
    const movable = candidates.filter((c) => c.deal.id !== '' && !shared.has(c.deal.row));
    const skipped = candidates.length - movable.length;
    return {
      ok: true,
      lostStage: lost.name,
      items: movable.map(({ deal: d, days, limit, lastProgress }) => ({
        dealId: d.id,
        row: d.row,
        name: d.name,
        company: d.company,
        owner: d.owner,
        stage: d.stage.name,
        value: d.value,
        days,
        limit,
        lastProgress: dayToIso(lastProgress),
        reason: cleanupReason(days),
        stamp: rowStamp(deals.rows[d.row - deals.firstRow] as CellValue[], deals.columns.health),
      })),
      duplicates: possibleDuplicates(parsed.deals).map((g) => ({
        company: g.company,
        deals: g.deals.map((d) => ({
          dealId: d.id,
          row: d.row,
          name: d.name,
          stage: d.stage.name,
          owner: d.owner,
          value: d.value,
        })),
      })),
      note:
        skipped > 0
          ? `${skipped} more deal${skipped === 1 ? ' has' : 's have'} no Deal ID of its own and cannot be moved here: run Set up pipeline (or give each copied row its own ID).`
          : '',
    };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof UserError ? e.message : `Could not read the pipeline: ${(e as Error).message}`,
    };
  }
}

export function validateCleanupRequest(input: unknown): CleanupRequest {
  const list = requestFields(input, 'cleanup').deals;
  if (!Array.isArray(list) || list.length === 0) throw new UserError('deals must be a non-empty list.');
  if (list.length > MAX_CLEANUP_DEALS) throw new UserError(`At most ${MAX_CLEANUP_DEALS} deals at a time.`);
  const seen = new Set<string>();
  const deals: CleanupChoice[] = list.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw new UserError(`deals[${i}] must be an object.`);
    const r = item as Record<string, unknown>;
    if (typeof r.row !== 'number' || !Number.isInteger(r.row) || r.row < FIRST_DATA_ROW || r.row > MAX_ROW)
      throw new UserError(`deals[${i}].row must be a sheet row (a whole number from ${FIRST_DATA_ROW}).`);
    const dealId = text(r.dealId, `deals[${i}].dealId`, true).trim();
    if (seen.has(dealId)) throw new UserError(`Deal ${dealId} is listed twice.`);
    seen.add(dealId);
    const reason = text(r.reason, `deals[${i}].reason`, false).trim();
    if (reason === '') throw new UserError(`deals[${i}].reason is missing (deal ${dealId}): a lost reason is needed.`);
    return { dealId, row: r.row, stamp: text(r.stamp, `deals[${i}].stamp`, false), reason };
  });
  return { deals };
}

export function cleanUpDeals(book: Book, input: unknown): CleanupResult {
  return servePageRequest(book, input, {
    validate: validateCleanupRequest,
    apply: (req) => applyCleanup(book, req),
    refuse: (message): CleanupResult => ({ ok: false, message, results: [] }),
    failed: 'The cleanup failed',
    lockWaitMs: 30_000,
  });
}

function applyCleanup(book: Book, req: CleanupRequest): CleanupResult {
  const registry = new TabRegistry(book);
  const table = stageTableOf(book, registry);
  const lost = lostStageOf(table.stages);
  const sheet = dealsTabOf(registry);
  const deals = readDealsTable(sheet);
  const clock = clockOf(book);
  const user = currentUser();
  const rowsOf = rowsById(allDealIds(deals, requireColumn(deals, 'dealId')), deals.firstRow);
  const results: CleanupOutcome[] = [];
  const rows: RowWrite[] = [];
  const history: HistoryRecord[] = [];
  for (const choice of req.deals) {
    const at = rowsOf.get(choice.dealId) ?? [];
    const raw0 = at.length === 1 ? (deals.rows[(at[0] as number) - deals.firstRow] as CellValue[]) : undefined;
    const refuse = (name: string, message: string): void => {
      results.push({ dealId: choice.dealId, name, moved: false, message });
    };
    if (!raw0) {
      refuse(
        '',
        at.length === 0
          ? `Deal ${choice.dealId} is no longer on the ${deals.tab} tab.`
          : `Deal ID ${choice.dealId} is on rows ${at.join(' and ')}; give each deal its own Deal ID.`,
      );
      continue;
    }
    const row = at[0] as number;
    const raw = raw0.slice();
    const cells = cellsOf(raw, deals.columns);
    const name = readText(cells('deal'));
    if (rowStamp(raw0, deals.columns.health) !== choice.stamp) {
      refuse(name, `Row ${row} changed since the dialog loaded; not moved. Reload the list and try again.`);
      continue;
    }
    const stageText = readText(cells('stage'));
    const plan = planMove(table, stageText, cells, {
      dealId: choice.dealId,
      row,
      expectedStage: stageText,
      toStage: lost.name,
      note: '',
      override: false,
      lostReason: choice.reason,
    });
    if (!plan.ok) {
      refuse(name, plan.reason);
      continue;
    }
    const w = moveWrites(plan, { id: choice.dealId, name, stageText }, clock.todayDate, clock.now, user, 'cleanup');
    for (const [key, value] of Object.entries(w.cells)) {
      const c = deals.columns[key as keyof typeof deals.columns];
      if (c !== undefined) raw[c] = value;
    }
    if (deals.columns.health !== undefined) w.cells.health = healthAfter(raw, row, { deals, table, clock }) ?? '';
    rows.push({ key: { by: 'id', id: choice.dealId }, row, cells: w.cells, was: w.was });
    history.push(w.history);
    results.push({ dealId: choice.dealId, name, moved: true, message: `Moved to ${lost.name}: ${choice.reason}.` });
  }
  const plan: WritePlan = { action: 'Clean up pipeline', rows, history, needs: ['dealId'] };
  if (rows.length > 0) {
    const applied = applyPlan({ deals: sheet, history: ensureHistoryTab(registry).sheet }, plan);
    if (!applied.ok) {
      const all = results.map((r) => (r.moved ? { ...r, moved: false, message: applied.message } : r));
      return { ok: false, message: applied.message, results: all };
    }
  }
  const moved = results.filter((r) => r.moved).length;
  return {
    ok: moved === results.length,
    message: `Moved ${moved} of ${results.length} deal${results.length === 1 ? '' : 's'} to ${lost.name}.`,
    results,
  };
}
