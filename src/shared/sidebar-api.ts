/**
 * The sidebar's server API, shared by the server (src/main.ts checks its entry points against
 * SidebarServer with `satisfies`) and the client (sidebar/sidebar.ts types google.script.run with
 * it), so every call is typed end to end. Every request and result is JsonSafe (src/shared/json.ts):
 * a Date in a result is a compile error; dates travel as numbers of days or ISO text.
 */
import type { JsonApi, JsonSafe } from './json';
import type { MyDealsRequest, MyDealsResult } from './my-deals-api';
import type { SelectDealRequest, SelectDealResult } from './select-deal-api';

export type GateItemView = JsonSafe<{ stage: string; label: string; met: boolean }>;

export type StageOption = JsonSafe<{
  name: string;
  outcome: 'Open' | 'Won' | 'Lost';
  /** forward / win / lose / backward / reopen / same */
  kind: string;
  allMet: boolean;
  items: GateItemView[];
  /** Open deals here need a Next Step (the move asks for one when the deal has none). */
  nextStepRequired: boolean;
}>;

/** The deal's follow-up as the sidebar shows and edits it (#12). */
export type FollowUpView = JsonSafe<{
  nextStep: string;
  /** Next Step Due as yyyy-mm-dd; '' when blank; the cell's text when it is not a date. */
  due: string;
  /** What Health says about it ("Follow-up overdue: 3 days (...)", "No next step", "Due today"), or ''. */
  status: string;
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
  /** Snoozed Until as yyyy-mm-dd ('' when blank or unreadable), and its reason. */
  snoozedUntil: string;
  snoozeReason: string;
  /** Expected Close as yyyy-mm-dd ('' when blank; the cell's text when it is no date). */
  expectedClose: string;
  stages: StageOption[];
  followUp: FollowUpView;
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
  /**
   * The next step (and its due date, yyyy-mm-dd or '') for a target stage that requires one when the
   * deal has none. When the request carries nextStep, such a move without one is refused; a request
   * without the field (an older sidebar) moves as before and Health then says "No next step".
   */
  readonly nextStep?: string;
  readonly nextStepDue?: string;
}>;

/** Sets the deal's Next Step and Next Step Due; refused when either changed since the sidebar showed them. */
export type NextStepRequest = JsonSafe<{
  readonly dealId: string;
  readonly row: number;
  /** The follow-up the sidebar showed (FollowUpView.nextStep / .due). */
  readonly shownNextStep: string;
  readonly shownDue: string;
  readonly nextStep: string;
  /** yyyy-mm-dd, or '' to clear it. */
  readonly due: string;
}>;

export type NextStepResult = JsonSafe<{ ok: true; message: string; deal: DealView } | { ok: false; message: string }>;

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
  getMyDeals(request: MyDealsRequest): MyDealsResult;
  selectDeal(request: SelectDealRequest): SelectDealResult;
  setNextStep(request: NextStepRequest): NextStepResult;
  setExpectedClose(request: SetCloseDateRequest): SetCloseDateResult;
}>;

export const MAX_TEXT = 2000;
