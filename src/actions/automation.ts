/**
 * Daily automation. Editor add-ons may hold one time-driven trigger per user per document and run
 * it at most hourly, so one hourly trigger drives everything: it runs the daily job once a day at
 * or after the chosen hour (in the spreadsheet's time zone), and continues a job that left a cursor.
 */
import { RunStatus } from '../core/summary';
import { Book } from '../sheets/book';
import { spreadsheetTimeZone } from '../sheets/book-info';
import { documentProperties } from '../sheets/platform';
import { PROPERTY_KEYS } from '../sheets/property-keys';
import { DAILY, JOBS, dailyContinued, readCursor, runJob } from './jobs';
import { installEditTrigger, removeEditTrigger } from '../sheets/edit-trigger';
import { activeUserEmail } from '../sheets/session';
import { installHourlyTrigger, removeHourlyTriggers } from '../sheets/triggers';
import { dayAndHourIn } from '../sheets/zone-format';

const DEFAULT_HOUR = 6;

/** Idempotent: with a trigger already there, nothing is created. Also installs the on-edit trigger (typed edits then record who). */
export function enableAutomation(book: Book): boolean {
  installEditTrigger(book, documentProperties(), activeUserEmail());
  return installHourlyTrigger(book);
}

export function disableAutomation(book: Book): number {
  removeEditTrigger(book, documentProperties());
  return removeHourlyTriggers(book);
}

export function automationHour(): number {
  const raw = documentProperties().getProperty(PROPERTY_KEYS.automationHour);
  const n = raw === null ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 && n <= 23 ? n : DEFAULT_HOUR;
}

export function setAutomationHour(input: string): number {
  const n = Number(input.trim());
  if (input.trim() === '' || !Number.isInteger(n) || n < 0 || n > 23)
    throw new Error(`"${input}" is not an hour; use a whole number from 0 to 23.`);
  documentProperties().setProperty(PROPERTY_KEYS.automationHour, String(n));
  return n;
}

/** The hourly tick: continue the daily job's saved continuation, or run the daily job when it is due. */
export function automationTick(book: Book, budgetMs?: number): RunStatus | undefined {
  const props = documentProperties();
  const pending = readCursor(props);
  if (pending && pending.owner === DAILY) return runJob(book, dailyContinued(pending.phases), budgetMs);
  const { day, hour } = dayAndHourIn(new Date(), spreadsheetTimeZone(book));
  if (hour < automationHour() || props.getProperty(PROPERTY_KEYS.lastDailyRun) === day) return undefined;
  props.setProperty(PROPERTY_KEYS.lastDailyRun, day);
  return runJob(book, JOBS.daily, budgetMs);
}
