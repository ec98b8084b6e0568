/**
 * The Pipeline board's server functions: the board's data in one read, a move through the sidebar's
 * own path (sidebar-server.ts moveDealThrough, Via "board"), (selecting a card's row is ./select-deal.ts). Every
 * argument is validated: the board is a web page, and its calls are untrusted input.
 */
import { boardCard, boardCards, boardStages } from '../core/board';
import { formatDataProblem, parseDeals } from '../core/deals';
import { parseFieldChanges, slipsById } from '../core/field-history';
import { prioritize, priorityWeights } from '../core/priority';
import { readHistoryRows } from '../sheets/history-sheet';
import { TabRegistry } from '../sheets/tab-registry';
import { BOARD_PROBLEM_LINES, BoardData, BoardMoveResult } from '../shared/board-api';
import { Book } from '../sheets/book';
import { loadPipeline, UserError } from './pipeline-context';
import { moveDealThrough } from './sidebar-server';

const failure = (e: unknown): string => (e instanceof UserError ? '' : 'It did not work: ') + (e as Error).message;

/** Every readable deal as a card, with the stages: the settings tab and the Deals tab read once each. */
export function getBoard(book: Book): BoardData {
  try {
    const p = loadPipeline(book);
    const { deals, problems } = p.parsed;
    const registry = new TabRegistry(book);
    // Slipped close dates come from Stage History (one more read); priorities from the whole pipeline.
    const slips = slipsById(parseFieldChanges(readHistoryRows(book, registry), p.clock.readZone));
    const priority = new Map(
      prioritize(deals, p.table, p.clock.today, priorityWeights(p.named)).map((x) => [x.deal, x.score]),
    );
    return {
      ok: true,
      tab: p.deals.tab,
      stages: boardStages(p.table),
      cards: boardCards(deals, p.clock.today, { slips, priority }),
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
