/**
 * The Pipeline board's server functions: the board's data in one read, a move through the sidebar's
 * own path (sidebar-server.ts moveDealThrough, Via "board"), and selecting a deal's row. Every
 * argument is validated: the board is a web page, and its calls are untrusted input.
 */
import { boardCard, boardCards, boardStages } from '../core/board';
import { formatDataProblem, parseDeals } from '../core/deals';
import { locateRows } from '../core/write-plan';
import { BOARD_PROBLEM_LINES, BoardData, BoardMoveResult, SelectDealResult } from '../shared/board-api';
import { Book } from '../sheets/book';
import { selectRow } from '../sheets/book-info';
import { FIRST_DATA_ROW, readColumnText, readColumns } from '../sheets/deals-sheet';
import { dealsTabOf, loadPipeline, UserError } from './pipeline-context';
import { moveDealThrough, requestFields, shownRow, text } from './sidebar-server';
import { TabRegistry } from '../sheets/tab-registry';

const failure = (e: unknown): string => (e instanceof UserError ? '' : 'It did not work: ') + (e as Error).message;

/** Every readable deal as a card, with the stages: the settings tab and the Deals tab read once each. */
export function getBoard(book: Book): BoardData {
  try {
    const p = loadPipeline(book);
    const { deals, problems } = p.parsed;
    return {
      ok: true,
      tab: p.deals.tab,
      stages: boardStages(p.table),
      cards: boardCards(deals, p.clock.today),
      problems: problems.slice(0, BOARD_PROBLEM_LINES).map(formatDataProblem),
      problemCount: problems.length,
    };
  } catch (e) {
    return { ok: false, message: failure(e) };
  }
}

/** The sidebar's move, answering with the moved card (its shared-ID badge waits for the next load). */
export function moveBoardDeal(book: Book, input: unknown): BoardMoveResult {
  return moveDealThrough(book, input, 'board', (m): BoardMoveResult => {
    const a = m.after;
    const d = parseDeals(a.rows, a.columns, m.table, m.clock.readZone, a.tab, a.firstRow).deals[0];
    return d
      ? { ok: true, message: m.message, card: boardCard(d, m.clock.today, 1) }
      : { ok: false, message: `${m.message} Reload the board: the row can no longer be read.`, missing: [] };
  });
}

/** Selects the row that holds the Deal ID now (found again by ID: another user may have sorted). */
export function selectBoardDeal(book: Book, input: unknown): SelectDealResult {
  try {
    const r = requestFields(input, 'select');
    const id = text(r.dealId, 'dealId', true).trim();
    const row = shownRow(r.row);
    const sheet = dealsTabOf(new TabRegistry(book));
    const col = readColumns(sheet).dealId;
    if (col === undefined) throw new UserError(`The ${sheet.getName()} tab has no "Deal ID" column.`);
    const ids = readColumnText(sheet, col);
    const at = locateRows(
      { action: 'Select', rows: [{ key: { by: 'id', id }, row, cells: {} }], history: [], needs: [] },
      { tab: sheet.getName(), firstRow: FIRST_DATA_ROW, ids },
    );
    if (!at.ok) return { ok: false, message: at.reason };
    selectRow(sheet, at.rows[0] as number);
    return { ok: true, row: at.rows[0] as number };
  } catch (e) {
    return { ok: false, message: failure(e) };
  }
}
