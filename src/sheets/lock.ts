/**
 * The document lock. Users typing never wait for it (LockService only orders script runs), so it
 * keeps two runs of the add-on apart; the write plans keep other users' edits from landing rows
 * on the wrong deal. Pending writes are flushed before the lock is released, also when the run fails.
 */
import { documentLock, flush } from './platform';

function releaseAfterFlush(lock: GoogleAppsScript.Lock.Lock): void {
  try {
    flush();
  } finally {
    lock.releaseLock();
  }
}

/** Runs under the document lock, waiting up to `timeoutMs` (throws Apps Script's lock timeout). */
export function withDocumentLock<T>(timeoutMs: number, run: () => T): T {
  const lock = documentLock();
  lock.waitLock(timeoutMs);
  try {
    return run();
  } finally {
    releaseAfterFlush(lock);
  }
}

/** Runs under the lock if it is free within `waitMs`; otherwise runs nothing and says so. */
export function tryDocumentLock<T>(waitMs: number, run: () => T): { locked: true; value: T } | { locked: false } {
  const lock = documentLock();
  if (!lock.tryLock(waitMs)) return { locked: false };
  try {
    return { locked: true, value: run() };
  } finally {
    releaseAfterFlush(lock);
  }
}
