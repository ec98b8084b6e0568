/**
 * The sidebar's server API, shared by the server (src/main.ts checks its entry points against
 * SidebarServer with `satisfies`) and the client (sidebar/sidebar.ts types google.script.run with
 * it), so every call is typed end to end. Every request and result is JsonSafe (src/shared/json.ts):
 * a Date in a result is a compile error; dates travel as numbers of days or ISO text.
 */
import type { JsonApi, JsonSafe } from './json';

export type GateItemView = JsonSafe<{ stage: string; label: string; met: boolean }>;

export type StageOption = JsonSafe<{
  name: string;
  outcome: 'Open' | 'Won' | 'Lost';
  /** forward / win / lose / backward / reopen / same */
  kind: string;
  allMet: boolean;
  items: GateItemView[];
}>;

export type DealView = JsonSafe<{
  dealId: string;
  row: number;
  name: string;
  company: string;
  owner: string;
  value: number;
  stage: string;
  daysInStage: number | null;
  lostReason: string;
  /** Expected Close as yyyy-mm-dd ('' when blank; the cell's text when it is no date). */
  expectedClose: string;
  stages: StageOption[];
}>;

export type SelectedDeal = JsonSafe<{ ok: true; deal: DealView } | { ok: false; message: string }>;

/** The move the sidebar asks for: the deal's ID and the row it showed it on, the stage it showed, the target. */
export type MoveDealRequest = JsonSafe<{
  readonly dealId: string;
  /** The sheet row the sidebar showed the deal on; the move finds the deal by ID and checks it is there alone. */
  readonly row: number;
  /** The stage the sidebar showed; the move is refused if the sheet has changed since. */
  readonly expectedStage: string;
  readonly toStage: string;
  readonly note: string;
  readonly override: boolean;
  readonly lostReason: string;
}>;

export type MoveDealResult = JsonSafe<
  { ok: true; message: string; deal: DealView } | { ok: false; message: string; missing: string[] }
>;

/** A new Expected Close for a deal: its ID and row as shown, the date shown, the new date (yyyy-mm-dd). */
export type SetCloseDateRequest = JsonSafe<{
  readonly dealId: string;
  readonly row: number;
  /** The Expected Close the sidebar showed; refused if the sheet has changed since. */
  readonly was: string;
  readonly expectedClose: string;
}>;

export type SetCloseDateResult = JsonSafe<
  { ok: true; message: string; deal: DealView } | { ok: false; message: string }
>;

/** The functions the sidebar calls through google.script.run: JSON in, JSON out. */
export type SidebarServer = JsonApi<{
  getSelectedDeal(): SelectedDeal;
  moveDeal(request: MoveDealRequest): MoveDealResult;
  setExpectedClose(request: SetCloseDateRequest): SetCloseDateResult;
}>;

export const MAX_TEXT = 2000;
