/**
 * Daily automation. Editor add-ons may hold one time-driven trigger per user per document and run
 * it at most hourly, so one hourly trigger drives everything: it runs the daily job once a day at
 * or after the chosen hour (in the spreadsheet's time zone), and continues a job that left a cursor.
 */
import { RunStatus } from '../core/summary';
import { Book } from '../sheets/book';
import { documentProperties } from '../sheets/platform';
import { PROPERTY_KEYS } from '../sheets/property-keys';
import { DAILY, JOBS, dailyContinued, readCursor, runJob } from './jobs';
import { installEditTrigger, removeEditTrigger } from '../sheets/edit-trigger';
import { activeUserEmail } from '../sheets/session';

export const TICK_HANDLER = 'onAutomationTick';
export const DEFAULT_HOUR = 6;

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
  const raw = documentProperties().getProperty(PROPERTY_KEYS.automationHour);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : DEFAULT_HOUR;
}

export function setAutomationHour(input: string): number {
  const n = Number(input.trim());
  if (input.trim() === '' || !Number.isInteger(n) || n < 0 || n > 23) throw new Error(`"${input}" is not an hour; use a whole number from 0 to 23.`);
  documentProperties().setProperty(PROPERTY_KEYS.automationHour, String(n));
  return n;
}

/** The hourly tick: continue the daily job's saved continuation, or run the daily job when it is due. */
export function automationTick(book: Book, budgetMs?: number): RunStatus | undefined {
  const props = documentProperties();
  const pending = readCursor(props);
  if (pending && pending.owner === DAILY) return runJob(book, dailyContinued(pending.phases), budgetMs);
  const tz = book.getSpreadsheetTimeZone();
  const now = new Date();
  const today = Utilities.formatDate(now, tz, 'yyyy-MM-dd');
  const hour = Number(Utilities.formatDate(now, tz, 'H'));
  if (hour < automationHour() || props.getProperty(PROPERTY_KEYS.lastDailyRun) === today) return undefined;
  props.setProperty(PROPERTY_KEYS.lastDailyRun, today);
  return runJob(book, JOBS.daily, budgetMs);
}
