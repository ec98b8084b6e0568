/** The add-on menu (Extensions > Deal Pipeline) and the menu actions' dialogs. */
import { formatProblems } from '../core/settings';
import { activeBook } from '../sheets/platform';
import { readStageTable } from '../sheets/settings-sheet';
import { automationHour, disableAutomation, enableAutomation, setAutomationHour } from './automation';
import { JOBS, runJob } from './jobs';
import { dataCheckLines } from './data-checks';
import { describeSetup, setupPipeline } from './setup';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const MENU: readonly ([string, string] | null)[] = [
  ['Set up pipeline', 'menuSetUpPipeline'],
  ['Move deal...', 'menuMoveDeal'],
  ['Check settings', 'menuCheckSettings'],
  null,
  ['Refresh summary now', 'menuRefreshSummary'],
  ['Flag stale deals now', 'menuFlagStaleDeals'],
  null,
  ['Turn on daily automation', 'menuTurnOnAutomation'],
  ['Turn off daily automation', 'menuTurnOffAutomation'],
  ['Set daily run hour...', 'menuSetAutomationHour'],
];

/**
 * True when Apps Script ran a trigger in AuthMode.NONE (an add-on's onOpen in a document where it
 * is installed but not yet used): only the menu may be built, no document, property or lock touched.
 * A run with no event (from the script editor) is not NONE.
 */
export function isAuthModeNone(e: { authMode?: unknown } | null | undefined): boolean {
  return !!e && e.authMode === ScriptApp.AuthMode.NONE;
}

/** Builds the menu only: safe in AuthMode.NONE (no properties, no sheets). */
export function buildMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const item of MENU) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

function tell(title: string, message: string): void {
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

/**
 * Runs a menu action, turning any failure into a dialog rather than a stack trace. Where there is no
 * dialog to show (a run outside the spreadsheet, from the script editor), the action's own failure
 * is thrown instead, so the execution log names it.
 */
export function menuAction(title: string, run: (book: Book) => string): void {
  let message: string;
  let failure: Error | undefined;
  try {
    message = run(activeBook());
  } catch (e) {
    failure = e as Error;
    message = `It did not work: ${failure.message}`;
  }
  try {
    tell(title, message);
  } catch (noDialog) {
    throw failure ?? noDialog;
  }
}

export const actions = {
  setUp: (book: Book): string => describeSetup(setupPipeline(book)),
  checkSettings: (book: Book): string => {
    const parsed = readStageTable(book);
    const verdict = !parsed ? 'There is no Pipeline Settings tab yet. Run Set up pipeline to create it with the default stages.'
      : parsed.problems.length > 0 ? `Please fix these cells in the Pipeline Settings tab:\n${formatProblems(parsed.problems)}`
        : `All good: ${parsed.table.stages.length} stages (${parsed.table.stages.map((s) => s.name).join(' > ')}).`;
    return [verdict, ...dataCheckLines(book)].join('\n');
  },
  refreshSummary: (book: Book): string => runJob(book, JOBS.refreshSummary).message,
  flagStale: (book: Book): string => runJob(book, JOBS.flagStale).message,
  turnOn: (book: Book): string => (enableAutomation(book)
    ? `Daily automation is on: stale flags and the summary refresh every day after ${automationHour()}:00 (spreadsheet time).`
    : 'Daily automation was already on; nothing changed.'),
  turnOff: (book: Book): string => {
    const n = disableAutomation(book);
    return n > 0 ? 'Daily automation is off.' : 'Daily automation was already off.';
  },
  setHour: (): string => {
    const ui = SpreadsheetApp.getUi();
    const answer = ui.prompt('Daily run hour', `Run the daily job at or after which hour (0-23, spreadsheet time)? Now: ${automationHour()}.`, ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return `Unchanged: ${automationHour()}:00.`;
    return `The daily job now runs at or after ${setAutomationHour(answer.getResponseText())}:00.`;
  },
};
