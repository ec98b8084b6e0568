/**
 * A job phase reads and computes without the document lock, and returns the write it wants made;
 * the runner takes the lock only for that write (which re-verifies what it read first).
 */
import { RunStatus } from '../../core/summary';
import { JobInput } from './job-input';

export type PhaseName = 'archive' | 'stale' | 'snapshots' | 'forecasts' | 'summary' | 'digest';
/** Phases always run in this order (the summary's trend includes today's snapshots; the digest reports last). */
export const PHASE_ORDER: readonly PhaseName[] = ['archive', 'stale', 'snapshots', 'forecasts', 'summary', 'digest'];

export interface PhaseContext {
  readonly input: JobInput;
  /** The run's status if it ends OK after this phase, with this phase's message parts added. */
  finalStatus(parts: readonly string[]): RunStatus;
}

export interface PhaseOutcome {
  /** What the phase did, for the last-run line (blank parts are dropped). */
  readonly parts: readonly string[];
  /** The phase wrote finalStatus(parts) where the last-run line lives (the summary does). */
  readonly wroteStatus?: boolean;
  /** Part of the phase's work failed (its parts say what): the run ends Failed, the other phases still run. */
  readonly failed?: boolean;
}

/** Runs under the document lock: re-verify, write, report. */
export type PlannedWrite = () => PhaseOutcome;

/**
 * Plans a phase; undefined when there is nothing to write. A phase that writes no cell (the digest
 * sends mail) returns its outcome directly, and the runner takes no lock for it.
 */
export type Phase = (ctx: PhaseContext) => PlannedWrite | PhaseOutcome | undefined;
