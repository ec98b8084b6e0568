/**
 * The Apps Script services the add-on reaches, each null-checked. Outside a document (a standalone
 * run, a trigger whose document is gone) Apps Script returns null from getActiveSpreadsheet(),
 * getDocumentLock() and getDocumentProperties(); this module turns that into a clear message
 * instead of a TypeError deep in an action.
 */
import { Book, DocumentProperties } from './book';

export class NoDocumentError extends Error {
  constructor(what: string) {
    super(
      `Deal Pipeline can only run inside a spreadsheet: Apps Script gave no ${what}. Open the spreadsheet and run it from Extensions > Deal Pipeline.`,
    );
    this.name = 'NoDocumentError';
  }
}

export function activeBook(): Book {
  const book = SpreadsheetApp.getActiveSpreadsheet() as Book | null;
  if (!book) throw new NoDocumentError('active spreadsheet');
  return book;
}

export function documentProperties(): DocumentProperties {
  const props = PropertiesService.getDocumentProperties() as DocumentProperties | null;
  if (!props) throw new NoDocumentError('document properties');
  return props;
}

export function documentLock(): GoogleAppsScript.Lock.Lock {
  const lock = LockService.getDocumentLock() as GoogleAppsScript.Lock.Lock | null;
  if (!lock) throw new NoDocumentError('document lock');
  return lock;
}

/** Pushes pending writes (call before releasing the lock). */
export function flush(): void {
  SpreadsheetApp.flush();
}
