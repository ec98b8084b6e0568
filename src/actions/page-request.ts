/**
 * The one server path of a write a page asks for (the sidebar, the board, the cleanup dialog): every
 * argument validated first (the page is untrusted input like any other; a bad request is answered
 * with why), then, under the document lock, the typed edits that wait are logged and the request is
 * applied. A UserError is answered as it is; any other failure with what failed before its message.
 */
import { MAX_TEXT } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { FIRST_DATA_ROW } from '../sheets/deals-sheet';
import { withDocumentLock } from '../sheets/lock';
import { UserError } from './pipeline-context';
import { logQueuedEdits } from './queued-edits';

/** Rows a sheet can have (10 million cells over at least one column). */
export const MAX_ROW = 10_000_000;

export function text(v: unknown, name: string, required: boolean): string {
  if (typeof v !== 'string') throw new UserError(`${name} must be text.`);
  if (v.length > MAX_TEXT) throw new UserError(`${name} is longer than ${MAX_TEXT} characters.`);
  if (required && v.trim() === '') throw new UserError(`${name} is missing.`);
  return v;
}

/** The request's fields, when it is a plain object. */
export function requestFields(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError(`The ${what} request must be an object.`);
  return input as Record<string, unknown>;
}

/** The sheet row a page showed a deal on: a whole number of a data row. */
export function shownRow(v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < FIRST_DATA_ROW || v > MAX_ROW)
    throw new UserError(`row must be the sheet row the deal was shown on (a whole number from ${FIRST_DATA_ROW}).`);
  return v;
}

export interface PageRequest<Q, R> {
  /** Checks every argument; throws (a UserError) with what is wrong. */
  validate: (input: unknown) => Q;
  /** Under the lock, after the waiting typed edits are logged. */
  apply: (req: Q) => R;
  /** The answer that says no, with why. */
  refuse: (message: string) => R;
  /** What did not happen, before an unexpected failure's message ("The move failed"). */
  failed: string;
  /** How long to wait for the lock (ms). */
  lockWaitMs?: number;
}

export function servePageRequest<Q, R>(book: Book, input: unknown, how: PageRequest<Q, R>): R {
  let req: Q;
  try {
    req = how.validate(input);
  } catch (e) {
    return how.refuse((e as Error).message);
  }
  try {
    return withDocumentLock(how.lockWaitMs ?? 10_000, () => {
      logQueuedEdits(book);
      return how.apply(req);
    });
  } catch (e) {
    return how.refuse(e instanceof UserError ? e.message : `${how.failed}: ${(e as Error).message}`);
  }
}
