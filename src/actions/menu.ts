/** The add-on menu (Extensions > Deal Pipeline) and the menu actions' dialogs. */
import { formatProblems } from '../core/settings';
import { Book } from '../sheets/book';
import { activeBook } from '../sheets/platform';
import { namedSettingsFrom, readSettingsCells, stageTableFrom, targetsFrom } from '../sheets/settings-sheet';
import { addAddonMenu, alert, MenuEntry, promptText } from '../sheets/ui';
import { automationHour, disableAutomation, enableAutomation, setAutomationHour } from './automation';
import { JOBS, runJob } from './jobs';
import { dataCheckLines } from './data-checks';
import { clockOf } from './pipeline-context';
import { toggleDigest } from './digest';
import { describeSetup, setupPipeline } from './setup';

export const MENU: readonly MenuEntry[] = [
  ['Set up pipeline', 'menuSetUpPipeline'],
  ['Move deal...', 'menuMoveDeal'],
  ['Open board', 'menuOpenBoard'],
  ['Check settings', 'menuCheckSettings'],
  null,
  ['Refresh summary now', 'menuRefreshSummary'],
  ['Flag stale deals now', 'menuFlagStaleDeals'],
  ['Clean up pipeline...', 'menuCleanUpPipeline'],
  ['Archive closed deals', 'menuArchiveClosedDeals'],
  null,
  ['Turn on daily automation', 'menuTurnOnAutomation'],
  ['Turn off daily automation', 'menuTurnOffAutomation'],
  ['Set daily run hour...', 'menuSetAutomationHour'],
  ['Email me a daily digest', 'menuToggleDigest'],
];

/** Builds the menu only: safe in AuthMode.NONE (no properties, no sheets). */
export function buildMenu(): void {
  addAddonMenu(MENU);
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
    alert(title, message);
  } catch (noDialog) {
    throw failure ?? noDialog;
  }
}

export const actions = {
  setUp: (book: Book): string => describeSetup(setupPipeline(book)),
  checkSettings: (book: Book): string => {
    const cells = readSettingsCells(book);
    const parsed = cells ? stageTableFrom(cells) : undefined;
    const verdict = !parsed
      ? 'There is no Pipeline Settings tab yet. Run Set up pipeline to create it with the default stages.'
      : parsed.problems.length > 0
        ? `Please fix these cells in the Pipeline Settings tab:\n${formatProblems(parsed.problems)}`
        : `All good: ${parsed.table.stages.length} stages (${parsed.table.stages.map((s) => s.name).join(' > ')}).`;
    const named = cells ? namedSettingsFrom(cells).problems : [];
    const namedLines = named.length > 0 ? [`Please fix these settings:\n${formatProblems(named)}`] : [];
    const targets = cells ? targetsFrom(cells, clockOf(book).readZone).problems : [];
    const targetLines = targets.length > 0 ? [`Please fix these targets:\n${formatProblems(targets)}`] : [];
    return [verdict, ...namedLines, ...targetLines, ...dataCheckLines(book)].join('\n');
  },
  refreshSummary: (book: Book): string => runJob(book, JOBS.refreshSummary).message,
  flagStale: (book: Book): string => runJob(book, JOBS.flagStale).message,
  archive: (book: Book): string => runJob(book, JOBS.archive).message,
  turnOn: (book: Book): string =>
    enableAutomation(book)
      ? `Daily automation is on: stale flags and the summary refresh every day after ${automationHour()}:00 (spreadsheet time).`
      : 'Daily automation was already on; nothing changed.',
  turnOff: (book: Book): string => {
    const n = disableAutomation(book);
    return n > 0 ? 'Daily automation is off.' : 'Daily automation was already off.';
  },
  toggleDigest: (book: Book): string => toggleDigest(book),
  setHour: (): string => {
    const answer = promptText(
      'Daily run hour',
      `Run the daily job at or after which hour (0-23, spreadsheet time)? Now: ${automationHour()}.`,
    );
    if (answer === undefined) return `Unchanged: ${automationHour()}:00.`;
    return `The daily job now runs at or after ${setAutomationHour(answer)}:00.`;
  },
};
