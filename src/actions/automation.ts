/**
 * Daily automation. Editor add-ons may hold one time-driven trigger per user per document and run
 * it at most hourly, so one hourly trigger drives everything: it runs the daily job once a day at
 * or after the chosen hour (in the spreadsheet's time zone), and continues a job that left a cursor.
 */
import { ALL_PHASES, pendingPhases, runJob } from './jobs';
import { RunStatus } from '../core/summary';
import { installEditTrigger, removeEditTrigger } from '../sheets/edit-trigger';
import { documentProperties } from '../sheets/platform';
import { activeUserEmail } from '../sheets/session';

export const TICK_HANDLER = 'onAutomationTick';
const HOUR_KEY = 'dealPipeline.automationHour';
const LAST_DAY_KEY = 'dealPipeline.lastDailyRun';
export const DEFAULT_HOUR = 6;

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

function ourTriggers(book: Book): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(book).filter((t) => t.getHandlerFunction() === TICK_HANDLER);
}

export function isAutomationOn(book: Book): boolean {
  return ourTriggers(book).length > 0;
}

/** Idempotent: with a trigger already there, nothing is created. Also installs the on-edit trigger (typed edits then record who). */
export function enableAutomation(book: Book): boolean {
  installEditTrigger(book, documentProperties(), activeUserEmail());
  if (isAutomationOn(book)) return false;
  ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create();
  return true;
}

export function disableAutomation(book: Book): number {
  removeEditTrigger(book, documentProperties());
  const mine = ourTriggers(book);
  for (const t of mine) ScriptApp.deleteTrigger(t);
  return mine.length;
}

export function automationHour(): number {
  const raw = PropertiesService.getDocumentProperties().getProperty(HOUR_KEY);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : DEFAULT_HOUR;
}

export function setAutomationHour(input: string): number {
  const n = Number(input.trim());
  if (input.trim() === '' || !Number.isInteger(n) || n < 0 || n > 23) throw new Error(`"${input}" is not an hour; use a whole number from 0 to 23.`);
  PropertiesService.getDocumentProperties().setProperty(HOUR_KEY, String(n));
  return n;
}

/** The hourly tick: continue a pending job, or run the daily job when it is due. */
export function automationTick(book: Book, budgetMs?: number): RunStatus | undefined {
  const pending = pendingPhases();
  if (pending.length > 0) return runJob(book, 'Daily job (continued)', pending, budgetMs);
  const tz = book.getSpreadsheetTimeZone();
  const now = new Date();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const hour = Number(Utilities.formatDate(now, tz, 'H'));
  const props = PropertiesService.getDocumentProperties();
  if (hour < automationHour() || props.getProperty(LAST_DAY_KEY) === today) return undefined;
  props.setProperty(LAST_DAY_KEY, today);
  return runJob(book, 'Daily job', ALL_PHASES, budgetMs);
}
