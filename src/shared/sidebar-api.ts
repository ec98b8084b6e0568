/**
 * The sidebar's server API, shared by src/actions (server) and sidebar/ (client) so every
 * google.script.run call is typed end to end. Only JSON-safe values cross: no Dates (a Date in a
 * return value makes the client receive null), dates travel as ISO strings.
 */

export interface GateItemView { stage: string; label: string; met: boolean }

export interface StageOption {
  name: string;
  outcome: 'Open' | 'Won' | 'Lost';
  /** forward / win / lose / backward / reopen / same */
  kind: string;
  allMet: boolean;
  items: GateItemView[];
}

export interface DealView {
  dealId: string;
  row: number;
  name: string;
  company: string;
  owner: string;
  value: number;
  stage: string;
  daysInStage: number | null;
  lostReason: string;
  stages: StageOption[];
}

export type SelectedDeal = { ok: true; deal: DealView } | { ok: false; message: string };

/** The move the sidebar asks for: the deal's ID and the row it showed it on, the stage it showed, the target. */
export interface MoveDealRequest {
  readonly dealId: string;
  /** The sheet row the sidebar showed the deal on; the move finds the deal by ID and checks it is there alone. */
  readonly row: number;
  /** The stage the sidebar showed; the move is refused if the sheet has changed since. */
  readonly expectedStage: string;
  readonly toStage: string;
  readonly note: string;
  readonly override: boolean;
  readonly lostReason: string;
}

export type MoveDealResult =
  | { ok: true; message: string; deal: DealView }
  | { ok: false; message: string; missing: string[] };

/** The functions the sidebar calls through google.script.run. */
export interface SidebarServer {
  getSelectedDeal(): SelectedDeal;
  moveDeal(request: MoveDealRequest): MoveDealResult;
}

export const MAX_TEXT = 2000;
