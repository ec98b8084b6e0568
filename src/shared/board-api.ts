/**
 * The Pipeline board's server API, shared by the server (src/main.ts checks its entry points against
 * BoardServer with `satisfies`) and the client (board/server.ts types google.script.run with it).
 * Every request and result is JsonSafe (src/shared/json.ts). A move is the sidebar's request
 * (MoveDealRequest: the Deal ID, the row and the stage the board showed) through the same server path.
 */
import type { SelectDealRequest, SelectDealResult } from './select-deal-api';
import type { JsonApi, JsonSafe } from './json';
import type { MoveDealRequest } from './sidebar-api';

/** A column of the board: a stage in pipeline order. */
export type BoardStage = JsonSafe<{
  name: string;
  outcome: 'Open' | 'Won' | 'Lost';
  /** Win probability, a fraction 0..1. */
  probability: number;
  /** The column header's colour, CSS hex (#rrggbb). */
  color: string;
}>;

/**
 * A mark on a card. `kind` names it for styling and tests (stale, no-id, shared-id; more kinds
 * such as a follow-up overdue or a slipped close date are added by their own modules); `text` is
 * shown as is (as text, never HTML).
 */
export type BoardBadge = JsonSafe<{ kind: string; text: string }>;

export type BoardCard = JsonSafe<{
  dealId: string;
  /** The sheet row the deal was read from (sent back with a move, as the sidebar does). */
  row: number;
  name: string;
  company: string;
  owner: string;
  value: number;
  /** Value x the deal's probability (its own when filled, else its stage's); won 100%, lost 0%. */
  weighted: number;
  /** The stage's name as the board's stages spell it. */
  stage: string;
  daysInStage: number | null;
  nextStep: string;
  badges: BoardBadge[];
  /** A priority score (higher first) when one is known; cards without one sort by weighted value. */
  priority?: number;
}>;

export type BoardData = JsonSafe<
  | {
      ok: true;
      /** The Deals tab's name, for messages. */
      tab: string;
      stages: BoardStage[];
      cards: BoardCard[];
      /** Rows that could not be read (not on the board), first ones as lines, and how many in all. */
      problems: string[];
      problemCount: number;
    }
  | { ok: false; message: string }
>;

export type BoardMoveResult = JsonSafe<
  { ok: true; message: string; card: BoardCard } | { ok: false; message: string; missing: string[] }
>;

/** The functions the board calls through google.script.run: JSON in, JSON out. */
export type BoardServer = JsonApi<{
  getBoard(): BoardData;
  moveBoardDeal(request: MoveDealRequest): BoardMoveResult;
  selectDeal(request: SelectDealRequest): SelectDealResult;
}>;

/** Problem lines sent with the board (the count says how many there are in all). */
export const BOARD_PROBLEM_LINES = 50;
