/**
 * The document lock, held only while a phase writes: another user's typed edit (onEdit waits up to
 * 20 s) never waits behind a job's reading and computing. Pending writes are flushed before release.
 */
import { documentLock, flush } from '../../sheets/platform';

export const LOCK_WAIT_MS = 30_000;

export function whileLocked<T>(run: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = documentLock();
  lock.waitLock(waitMs);
  try {
    return run();
  } finally {
    try { flush(); } finally { lock.releaseLock(); }
  }
}
