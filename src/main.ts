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
import { callCustomFunction } from './functions/call';
import { CustomFunctionResult } from './functions/implementations';
import { FunctionContext } from './functions/context';
import { isAuthModeNone } from './sheets/auth-mode';
import { spreadsheetTimeZone } from './sheets/book-info';
import { activeBook } from './sheets/platform';
import { readSettingsGrid } from './sheets/settings-sheet';
import { showSidebar } from './sheets/ui';
import { MoveDealResult, SelectedDeal, SetCloseDateResult, SidebarServer } from './shared/sidebar-api';
import { setExpectedClose as setCloseDate } from './actions/close-date';

const ctx: FunctionContext = {
  readSettings: () => readSettingsGrid(activeBook()),
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
 * Sidebar: sets a deal's Expected Close (found by Deal ID, refused if it changed since shown), logged in Stage History.
 * @param {Object} request dealId, row, was (the date shown), expectedClose (yyyy-mm-dd).
 * @return {Object} What happened.
 */
export function setExpectedClose(request: unknown): SetCloseDateResult {
  return setCloseDate(activeBook(), request);
}

// The sidebar's server functions, checked at compile time against the API sidebar/sidebar.ts calls
// through google.script.run: each one there, with its request and result types (JSON-safe).
void ({ getSelectedDeal, moveDeal, setExpectedClose } satisfies SidebarServer);

/**
 * Hourly time-driven trigger: runs the daily job when due, or continues a pending one.
 * @param {Object} e The trigger event.
 */
export function onAutomationTick(e?: GoogleAppsScript.Events.TimeDriven): void {
  void e;
  automationTick(activeBook());
}
