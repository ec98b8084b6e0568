/**
 * The entry points. scripts/build.mjs turns each exported function below into a top-level
 * `function NAME(params)` declaration in dist/Code.js, carrying its JSDoc, and adds one for each
 * custom function of src/functions/catalog.ts (Sheets reads custom-function help from the JSDoc).
 * Entry points only wire the layers together.
 */
import { automationTick } from './actions/automation';
import { handleEdit } from './actions/on-edit';
import { actions, buildMenu, menuAction } from './actions/menu';
import { getSelectedDeal as selectedDeal, moveDeal as move } from './actions/sidebar-server';
import * as board from './actions/board-server';
import { getMyDeals as myDeals } from './actions/my-deals-server';
import { selectDeal as selectRowOf } from './actions/select-deal';
import { setNextStep as saveNextStep } from './actions/follow-up-server';
import { cleanUpDeals as cleanUp, getCleanupList as cleanupList } from './actions/cleanup-server';
import { snoozeDeal as snooze } from './actions/snooze-server';
import { callCustomFunction } from './functions/call';
import { CustomFunctionResult } from './functions/implementations';
import { FunctionContext } from './functions/context';
import { isAuthModeNone } from './sheets/auth-mode';
import { spreadsheetTimeZone } from './sheets/book-info';
import { activeBook } from './sheets/platform';
import { readNamedSettingsGrid, readSettingsGrid } from './sheets/settings-sheet';
import { showDialog, showModelessDialog, showSidebar } from './sheets/ui';
import { MyDealsResult } from './shared/my-deals-api';
import { SelectDealResult } from './shared/select-deal-api';
import { MoveDealResult, NextStepResult, SelectedDeal, SetCloseDateResult, SidebarServer } from './shared/sidebar-api';
import { BoardData, BoardMoveResult, BoardServer } from './shared/board-api';
import { CleanupList, CleanupResult, CleanupServer } from './shared/cleanup-api';
import { SnoozeResult, SnoozeServer } from './shared/snooze-api';
import { setExpectedClose as setCloseDate } from './actions/close-date';

const ctx: FunctionContext = {
  readSettings: () => readSettingsGrid(activeBook()),
  readNamedSettings: () => readNamedSettingsGrid(activeBook()),
  timeZone: () => spreadsheetTimeZone(activeBook()),
  now: () => new Date(),
};

/**
 * Every custom function's stub calls this with its name and parameter list (not a top-level
 * declaration itself, so no cell can call it by name). The stubs, with their JSDoc, are generated
 * from src/functions/catalog.ts.
 */
export const runCustomFunction = (
  name: string,
  parameterList: string,
  args: ArrayLike<unknown>,
): CustomFunctionResult => callCustomFunction(ctx, name, parameterList, args);

/**
 * Builds the add-on menu, and nothing else: in AuthMode.NONE (installed for this user, not yet used
 * in this document) the menu is all onOpen may do. buildMenu touches no sheet, property or lock, so
 * it is safe in every mode; anything that reads the document on open must first check
 * isAuthModeNone(e).
 * @param {Object} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu();
}

/**
 * Runs when the add-on is installed (AuthMode.FULL): builds the menu.
 * @param {Object} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/**
 * Records stage changes typed or pasted into the Stage column and refreshes Health for edited rows.
 * Does nothing in AuthMode.NONE, where the document may not be read.
 * @param {Object} e The edit event.
 */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range || isAuthModeNone(e)) return;
  handleEdit(e, 'simple');
}

/**
 * Installable on-edit trigger (with daily automation): onEdit, knowing who edited.
 * @param {Object} e The edit event.
 */
export function onDealEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  handleEdit(e, 'installable');
}

/** Menu: Set up pipeline. */
export function menuSetUpPipeline(): void {
  menuAction('Set up pipeline', actions.setUp);
}

/** Menu: Move deal... opens the sidebar. */
export function menuMoveDeal(): void {
  showSidebar('Sidebar', 'Move deal');
}

/** Menu: Open board. */
export function menuOpenBoard(): void {
  showModelessDialog('Board', 'Pipeline board', 1200, 760);
}

/** Menu: Check settings. */
export function menuCheckSettings(): void {
  menuAction('Check settings', actions.checkSettings);
}

/** Menu: Refresh summary now. */
export function menuRefreshSummary(): void {
  menuAction('Refresh summary', actions.refreshSummary);
}

/** Menu: Flag stale deals now. */
export function menuFlagStaleDeals(): void {
  menuAction('Flag stale deals', actions.flagStale);
}

/** Menu: Turn on daily automation. */
export function menuTurnOnAutomation(): void {
  menuAction('Daily automation', actions.turnOn);
}

/** Menu: Turn off daily automation. */
export function menuTurnOffAutomation(): void {
  menuAction('Daily automation', actions.turnOff);
}

/** Menu: Set daily run hour. */
export function menuSetAutomationHour(): void {
  menuAction('Daily run hour', () => actions.setHour());
}

/** Menu: Email me a daily digest (turns it on or off for the current user). */
export function menuToggleDigest(): void {
  menuAction('Daily digest', actions.toggleDigest);
}

/**
 * Sidebar: the deal in the active row, with each stage's requirements and whether they are met.
 * @return {Object} The deal view, or a message when the selection is not a deal.
 */
export function getSelectedDeal(): SelectedDeal {
  return selectedDeal(activeBook());
}

/**
 * Sidebar: moves a deal by Deal ID, gated by entry requirements, under the document lock.
 * @param {Object} request The move: dealId, expectedStage, toStage, note, override, lostReason.
 * @return {Object} What happened.
 */
export function moveDeal(request: unknown): MoveDealResult {
  return move(activeBook(), request);
}

/**
 * Sidebar, My deals: open deals of the current user (or a chosen owner), highest priority first.
 * @param {Object} request who ("me", "owner", "all"), owner, limit.
 * @return {Object} The deals with score and reasons, or a message.
 */
export function getMyDeals(request: unknown): MyDealsResult {
  return myDeals(activeBook(), request);
}

/**
 * Sidebar (My deals) and board: selects a deal's row, found again by Deal ID.
 * @param {Object} request dealId, row.
 * @return {Object} Whether it was selected, and where.
 */
export function selectDeal(request: unknown): SelectDealResult {
  return selectRowOf(activeBook(), request);
}

/**
 * Sidebar: sets the selected deal's Next Step and Next Step Due. Validates its argument; refused when
 * either changed since the sidebar showed them.
 */
export function setNextStep(request: unknown): NextStepResult {
  return saveNextStep(activeBook(), request);
}

/**
 * Sidebar: sets a deal's Expected Close (found by Deal ID, refused if it changed since shown), logged in Stage History.
 * @param {Object} request dealId, row, was (the date shown), expectedClose (yyyy-mm-dd).
 * @return {Object} What happened.
 */
export function setExpectedClose(request: unknown): SetCloseDateResult {
  return setCloseDate(activeBook(), request);
}

// The sidebar's server functions, checked at compile time against the API sidebar/sidebar.ts calls
// through google.script.run: each one there, with its request and result types (JSON-safe).
void ({ getSelectedDeal, moveDeal, getMyDeals, selectDeal, setNextStep, setExpectedClose } satisfies SidebarServer);

/** Board: the stages and every deal as a card. */
export function getBoard(): BoardData {
  return board.getBoard(activeBook());
}

/**
 * Board: moves a deal as the sidebar does.
 * @param {Object} request As moveDeal's.
 */
export function moveBoardDeal(request: unknown): BoardMoveResult {
  return board.moveBoardDeal(activeBook(), request);
}

// The board's server functions, checked against the API board/ calls through google.script.run.
void ({ getBoard, moveBoardDeal, selectDeal } satisfies BoardServer);

/** Menu: Clean up pipeline... opens the cleanup dialog. */
export function menuCleanUpPipeline(): void {
  showDialog('Cleanup', 'Clean up pipeline', 760, 560);
}

/** Menu: Archive closed deals. */
export function menuArchiveClosedDeals(): void {
  menuAction('Archive closed deals', actions.archive);
}

/**
 * Cleanup dialog: open deals with no progress for their stage's Clean up after (days), and possible duplicates.
 * @return {Object} The list, or a message.
 */
export function getCleanupList(): CleanupList {
  return cleanupList(activeBook());
}

/**
 * Cleanup dialog: moves the chosen deals to the Lost stage with their reasons, in one write, under the lock.
 * @param {Object} request The deals: dealId, row, stamp, reason each.
 * @return {Object} What happened to each deal.
 */
export function cleanUpDeals(request: unknown): CleanupResult {
  return cleanUp(activeBook(), request);
}

/**
 * Sidebar: snoozes a deal until a date with a reason ('' until clears it).
 * @param {Object} request dealId, row, until (yyyy-mm-dd or ''), reason.
 * @return {Object} What happened.
 */
export function snoozeDeal(request: unknown): SnoozeResult {
  return snooze(activeBook(), request);
}

void ({ getCleanupList, cleanUpDeals } satisfies CleanupServer);
void ({ snoozeDeal } satisfies SnoozeServer);

/**
 * Hourly time-driven trigger: runs the daily job when due, or continues a pending one.
 * @param {Object} e The trigger event.
 */
export function onAutomationTick(e?: GoogleAppsScript.Events.TimeDriven): void {
  void e;
  automationTick(activeBook());
}
