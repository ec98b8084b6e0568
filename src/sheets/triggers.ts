/**
 * The add-on's installable triggers (ScriptApp). Editor add-ons may hold one trigger of each kind
 * per user per document, so each is found again by the name of the function it calls.
 */
import { Book } from './book';

type Trigger = GoogleAppsScript.Script.Trigger;

/** The hourly trigger's function (an entry point of src/main.ts). */
export const TICK_HANDLER = 'onAutomationTick';

/** This user's triggers in this document that call `handler`. */
export function userTriggers(book: Book, handler: string): Trigger[] {
  return ScriptApp.getUserTriggers(book).filter((t) => t.getHandlerFunction() === handler);
}

/** An installable on-edit trigger for this spreadsheet; returns its unique ID. */
export function createEditTrigger(book: Book, handler: string): string {
  return ScriptApp.newTrigger(handler).forSpreadsheet(book).onEdit().create().getUniqueId();
}

/** Deletes the triggers; returns how many there were. */
export function deleteTriggers(triggers: readonly Trigger[]): number {
  for (const t of triggers) ScriptApp.deleteTrigger(t);
  return triggers.length;
}

export function hasHourlyTrigger(book: Book): boolean {
  return userTriggers(book, TICK_HANDLER).length > 0;
}

/** Idempotent: with this user's hourly trigger already there, nothing is created. Returns whether it made one. */
export function installHourlyTrigger(book: Book): boolean {
  if (hasHourlyTrigger(book)) return false;
  ScriptApp.newTrigger(TICK_HANDLER).timeBased().everyHours(1).create();
  return true;
}

/** Removes this user's hourly triggers; returns how many. */
export function removeHourlyTriggers(book: Book): number {
  return deleteTriggers(userTriggers(book, TICK_HANDLER));
}
