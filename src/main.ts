/**
 * The entry points. scripts/build.mjs turns each exported function below into a top-level
 * `function NAME(params)` declaration in dist/Code.js, carrying its JSDoc (Sheets reads custom
 * function help from it). Entry points only wire the layers together.
 */
import { localDay } from './core/calendar';
import { automationTick } from './actions/automation';
import { handleEdit } from './actions/on-edit';
import { actions, buildMenu, isAuthModeNone, menuAction } from './actions/menu';
import { getSelectedDeal as selectedDeal, moveDeal as move } from './actions/sidebar-server';
import { RangeArg } from './functions/arguments';
import * as F from './functions/pipeline-functions';
import { activeBook } from './sheets/platform';
import { readSettingsGrid } from './sheets/settings-sheet';
import { MoveDealResult, SelectedDeal } from './shared/sidebar-api';

const ctx: F.FunctionContext = {
  readSettings: () => readSettingsGrid(SpreadsheetApp.getActiveSpreadsheet()),
  readZone: localDay,
  today: () => localDay(new Date()),
};

/**
 * Weighted forecast: the sum of each deal's value times its win probability (the deal's own
 * probability when given, else its stage's; won deals count 100%, lost 0%).
 *
 * Example: =WEIGHTED_FORECAST(Deals!F2:F, Deals!E2:E, 'Pipeline Settings'!A1:C8)
 *
 * @param {number[]} values Deal values, e.g. Deals!F2:F.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome), e.g. 'Pipeline Settings'!A1:C8. Passing it keeps the result live when probabilities change.
 * @param {number[]} [probabilities] Optional per-deal probabilities (35%, 0.35 or 35); blanks use the stage's.
 * @return {number} The weighted forecast.
 * @customfunction
 */
export function WEIGHTED_FORECAST(values: RangeArg, stages: RangeArg, stage_table?: RangeArg, probabilities?: RangeArg): number {
  return F.weightedForecastFn(ctx, values, stages, stage_table, probabilities);
}

/**
 * Pipeline value: the sum of the values of open deals (not won, not lost).
 *
 * Example: =PIPELINE_VALUE(Deals!F2:F, Deals!E2:E)
 *
 * @param {number[]} values Deal values, e.g. Deals!F2:F.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} The open pipeline value.
 * @customfunction
 */
export function PIPELINE_VALUE(values: RangeArg, stages: RangeArg, stage_table?: RangeArg): number {
  return F.pipelineValueFn(ctx, values, stages, stage_table);
}

/**
 * The win probability of a stage: one number for one cell, a column for a range.
 *
 * Example: =STAGE_PROBABILITY(E2)
 *
 * @param {string[]} stages A stage name or a range of stage names, e.g. E2 or Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return The probability of each stage, as a fraction (format the cell as %).
 * @customfunction
 */
export function STAGE_PROBABILITY(stages: RangeArg, stage_table?: RangeArg): number | (string | number)[][] {
  return F.stageProbabilityFn(ctx, stages, stage_table);
}

/**
 * Win rate: won deals / (won + lost deals).
 *
 * Example: =WIN_RATE(Deals!E2:E)
 *
 * @param {string[]} stages Deal stages, e.g. Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} The win rate, as a fraction (format the cell as %).
 * @customfunction
 */
export function WIN_RATE(stages: RangeArg, stage_table?: RangeArg): number {
  return F.winRateFn(ctx, stages, stage_table);
}

/**
 * Average deal size: the mean value of won deals.
 *
 * Example: =AVERAGE_DEAL_SIZE(Deals!F2:F, Deals!E2:E)
 *
 * @param {number[]} values Deal values, e.g. Deals!F2:F.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} The average won deal value.
 * @customfunction
 */
export function AVERAGE_DEAL_SIZE(values: RangeArg, stages: RangeArg, stage_table?: RangeArg): number {
  return F.averageDealSizeFn(ctx, values, stages, stage_table);
}

/**
 * Sales cycle length: the mean whole days from created to closed, over won deals.
 *
 * Example: =SALES_CYCLE_DAYS(Deals!I2:I, Deals!J2:J, Deals!E2:E)
 *
 * @param {Date[]} created Created dates, e.g. Deals!I2:I.
 * @param {Date[]} closed Close dates, same height, e.g. Deals!H2:H.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} Average days from created to closed for won deals.
 * @customfunction
 */
export function SALES_CYCLE_DAYS(created: RangeArg, closed: RangeArg, stages: RangeArg, stage_table?: RangeArg): number {
  return F.salesCycleDaysFn(ctx, created, closed, stages, stage_table);
}

/**
 * Sales velocity: open deals x win rate x average deal size / sales cycle days (money per day).
 *
 * Example: =SALES_VELOCITY(Deals!F2:F, Deals!E2:E, Deals!I2:I, Deals!J2:J)
 *
 * @param {number[]} values Deal values, e.g. Deals!F2:F.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {Date[]} created Created dates, same height, e.g. Deals!I2:I.
 * @param {Date[]} closed Close dates, same height, e.g. Deals!H2:H.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} Expected revenue per day.
 * @customfunction
 */
export function SALES_VELOCITY(values: RangeArg, stages: RangeArg, created: RangeArg, closed: RangeArg, stage_table?: RangeArg): number {
  return F.salesVelocityFn(ctx, values, stages, created, closed, stage_table);
}

/**
 * Stage conversion: deals that reached to_stage / deals that reached from_stage (a deal in a later
 * stage, or won, reached every stage before it).
 *
 * Example: =CONVERSION_RATE(Deals!E2:E, "Qualification", "Proposal")
 *
 * @param {string[]} stages Deal stages, e.g. Deals!E2:E.
 * @param {string} from_stage The earlier stage, e.g. "Qualification".
 * @param {string} to_stage The later stage, e.g. "Proposal".
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return {number} The conversion rate, as a fraction (format the cell as %).
 * @customfunction
 */
export function CONVERSION_RATE(stages: RangeArg, from_stage: RangeArg, to_stage: RangeArg, stage_table?: RangeArg): number {
  return F.conversionRateFn(ctx, stages, from_stage, to_stage, stage_table);
}

/**
 * Funnel table: for each open and won stage, the deals that reached it, their value and weighted
 * value, and the conversion to the next stage. Spills 5 columns.
 *
 * Example: =FUNNEL(Deals!E2:E, Deals!F2:F)
 *
 * @param {string[]} stages Deal stages, e.g. Deals!E2:E.
 * @param {number[]} [values] Optional deal values, same height, e.g. Deals!F2:F.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @return A table: Stage, Deals reached, Value, Weighted value, Conversion to next.
 * @customfunction
 */
export function FUNNEL(stages: RangeArg, values?: RangeArg, stage_table?: RangeArg): (string | number)[][] {
  return F.funnelFn(ctx, stages, values, stage_table);
}

/**
 * Forecast by month of expected close: deals, open pipeline, weighted value and won value per
 * month. With months, the next N months from this one, plus an Overdue row. Spills 5 columns.
 *
 * Example: =FORECAST_BY_MONTH(Deals!F2:F, Deals!E2:E, Deals!H2:H, , 6)
 *
 * @param {number[]} values Deal values, e.g. Deals!F2:F.
 * @param {string[]} stages Deal stages, same height, e.g. Deals!E2:E.
 * @param {Date[]} close_dates Expected close dates, same height, e.g. Deals!H2:H.
 * @param {string[][]} [stage_table] Optional stage table (Stage, Win probability, Outcome).
 * @param {number} [months] Optional horizon in months from the current month, e.g. 6.
 * @return A table: Month, Deals, Pipeline, Weighted, Won.
 * @customfunction
 */
export function FORECAST_BY_MONTH(values: RangeArg, stages: RangeArg, close_dates: RangeArg, stage_table?: RangeArg, months?: RangeArg): (string | number)[][] {
  return F.forecastByMonthFn(ctx, values, stages, close_dates, stage_table, months);
}

/**
 * Builds the add-on menu, and nothing else: in AuthMode.NONE (installed for this user, not yet used
 * in this document) the menu is all onOpen may do. buildMenu touches no sheet, property or lock, so
 * it is safe in every mode; anything that reads the document on open must first check
 * isAuthModeNone(e).
 * @param {Object} e The open event.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu(SpreadsheetApp.getUi());
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
export function menuSetUpPipeline(): void { menuAction('Set up pipeline', actions.setUp); }

/** Menu: Move deal... opens the sidebar. */
export function menuMoveDeal(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Move deal');
  SpreadsheetApp.getUi().showSidebar(html);
}

/** Menu: Check settings. */
export function menuCheckSettings(): void { menuAction('Check settings', actions.checkSettings); }

/** Menu: Refresh summary now. */
export function menuRefreshSummary(): void { menuAction('Refresh summary', actions.refreshSummary); }

/** Menu: Flag stale deals now. */
export function menuFlagStaleDeals(): void { menuAction('Flag stale deals', actions.flagStale); }

/** Menu: Turn on daily automation. */
export function menuTurnOnAutomation(): void { menuAction('Daily automation', actions.turnOn); }

/** Menu: Turn off daily automation. */
export function menuTurnOffAutomation(): void { menuAction('Daily automation', actions.turnOff); }

/** Menu: Set daily run hour. */
export function menuSetAutomationHour(): void { menuAction('Daily run hour', () => actions.setHour()); }

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
 * Hourly time-driven trigger: runs the daily job when due, or continues a pending one.
 * @param {Object} e The trigger event.
 */
export function onAutomationTick(e?: GoogleAppsScript.Events.TimeDriven): void {
  void e;
  automationTick(activeBook());
}
