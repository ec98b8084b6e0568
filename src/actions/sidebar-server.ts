/**
 * The sidebar's server functions. Every argument is validated: the sidebar is a web page and its
 * calls are untrusted input like any other. A move is one write plan (src/sheets/write-plan.ts):
 * checked whole before the first write, its cells and its history row landing together or not at all.
 */
import { cellsOf } from '../core/deals';
import { moveWrites, planMove } from '../core/move';
import { rowsById } from '../core/rows-by-id';
import { StageTable } from '../core/stages';
import { CellValue, readText } from '../core/values';
import { MoveDealRequest, MoveDealResult, SelectedDeal } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { allDealIds, DealsTable, readDealsTable } from '../sheets/deals-sheet';
import { ensureHistoryTab } from '../sheets/history-sheet';
import { activeRowOn } from '../sheets/book-info';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { dealView } from './deal-view';
import { Clock, clockOf, currentUser, stageTableOf, UserError } from './pipeline-context';
import { followUpFields, moveFollowUp } from './move-follow-up';
import { requestFields, servePageRequest, shownRow, text } from './page-request';
import { findShownDeal, healthAfter, readDealsTab } from './shown-deal';

export function getSelectedDeal(book: Book): SelectedDeal {
  try {
    const registry = new TabRegistry(book);
    const dealsSheet = registry.find('deals');
    if (!dealsSheet)
      return { ok: false, message: 'No Deals tab yet. Run Extensions > Deal Pipeline > Set up pipeline.' };
    const row = activeRowOn(book, dealsSheet);
    const deals = readDealsTable(dealsSheet);
    if (row === undefined)
      return { ok: false, message: `Select a deal's row on the ${deals.tab} tab, then press Refresh.` };
    if (row < deals.firstRow)
      return { ok: false, message: "That is the header row. Select a deal's row, then press Refresh." };
    const table = stageTableOf(book, registry);
    const raw = deals.rows[row - deals.firstRow] as CellValue[] | undefined;
    if (!raw || raw.every((v) => v === '' || v === null))
      return { ok: false, message: `Row ${row} is blank. Select a deal's row, then press Refresh.` };
    const id = readText(cellsOf(raw, deals.columns)('dealId'));
    if (id === '')
      return { ok: false, message: `The deal on row ${row} has no Deal ID yet. Run Set up pipeline to give it one.` };
    const rows = rowsById(allDealIds(deals, deals.columns.dealId as number), deals.firstRow).get(id) ?? [];
    if (rows.length > 1)
      return {
        ok: false,
        message: `Deal ID ${id} is on rows ${rows.join(' and ')}: clear the copy's ID, run Set up pipeline, then Refresh.`,
      };
    const clock = clockOf(book);
    return { ok: true, deal: dealView(table, deals, row - deals.firstRow, clock.today, clock.readZone) };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof UserError ? e.message : `Could not read the deal: ${(e as Error).message}`,
    };
  }
}

export function validateMoveRequest(input: unknown): MoveDealRequest {
  const r = requestFields(input, 'move');
  if (typeof r.override !== 'boolean') throw new UserError('override must be true or false.');
  return {
    dealId: text(r.dealId, 'dealId', true),
    row: shownRow(r.row),
    expectedStage: text(r.expectedStage, 'expectedStage', false),
    toStage: text(r.toStage, 'toStage', true),
    note: text(r.note, 'note', false),
    override: r.override,
    lostReason: text(r.lostReason, 'lostReason', false),
    ...followUpFields(r),
  };
}

/** A move that landed: the deal's row as it is now (one row, as a DealsTable window), for the caller's view. */
export interface Moved {
  message: string;
  table: StageTable;
  after: DealsTable;
  clock: Clock;
}

type Refused = { ok: false; message: string; missing: string[] };

export function moveDeal(book: Book, input: unknown): MoveDealResult {
  return moveDealThrough(book, input, 'sidebar', (m) => ({
    ok: true,
    message: m.message,
    deal: dealView(m.table, m.after, 0, m.clock.today, m.clock.readZone),
  }));
}

/**
 * The one server path of a stage move (the sidebar's and the board's): validate the request, take the
 * document lock, log waiting typed edits, find the deal by ID, gate it, write it as one plan.
 */
export function moveDealThrough<R>(
  book: Book,
  input: unknown,
  via: 'sidebar' | 'board',
  view: (moved: Moved) => R,
): R | Refused {
  return servePageRequest<MoveDealRequest, R | Refused>(book, input, {
    validate: validateMoveRequest,
    apply: (req) => {
      const moved = applyMove(book, req, via);
      return 'table' in moved ? view(moved) : moved;
    },
    refuse: (message) => ({ ok: false, message, missing: [] }),
    failed: 'The move failed',
  });
}

function applyMove(book: Book, req: MoveDealRequest, via: 'sidebar' | 'board'): Moved | Refused {
  const tab = readDealsTab(book);
  const { registry, table, deals, clock } = tab;
  const found = findShownDeal(deals, req.dealId.trim(), req.row);
  if (!found.ok) return { ok: false, message: found.message, missing: [] };
  const { row, raw } = found;
  const cells = cellsOf(raw, deals.columns);
  const stageText = readText(cells('stage'));
  const plan = planMove(table, stageText, cells, req, via === 'board' ? 'the board' : 'the sidebar');
  if (!plan.ok) return { ok: false, message: plan.reason, missing: [...plan.missing] };
  const followUp = moveFollowUp(plan.to, cells, req, clock);
  if (!followUp.ok) return { ok: false, message: followUp.message, missing: ['Next Step'] };
  const name = readText(cells('deal'));
  const w = moveWrites(
    plan,
    { id: req.dealId.trim(), name, stageText },
    clock.todayDate,
    clock.now,
    currentUser(),
    via,
  );
  Object.assign(w.cells, followUp.cells);
  for (const [key, value] of Object.entries(w.cells)) {
    const c = deals.columns[key as keyof typeof deals.columns];
    if (c !== undefined) raw[c] = value;
  }
  if (deals.columns.health !== undefined) w.cells.health = healthAfter(raw, row, tab) ?? '';
  const applied = applyPlan(
    { deals: tab.sheet, history: ensureHistoryTab(registry).sheet },
    {
      action: 'Move deal',
      rows: [{ key: { by: 'id', id: req.dealId.trim() }, row, cells: w.cells, was: w.was }],
      history: [w.history],
      needs: ['dealId'],
    },
  );
  if (!applied.ok) return { ok: false, message: applied.message, missing: [] };
  const after = { ...deals, rows: [raw], firstRow: row };
  const verb = plan.overridden ? 'Moved (override, logged)' : 'Moved';
  return { message: `${verb} ${name || req.dealId} to ${plan.to.name}.`, table, after, clock };
}
