/** The one place a job's RunStatus is built: when it started (in the sheet's zone), how long it took, how it ended. */
import { RunStatus } from '../core/summary';
import { instantText } from '../sheets/zone-format';

export interface RunStart {
  readonly job: string;
  readonly startedMs: number;
  readonly startedText: string;
}

export function startRun(job: string, timeZone: string): RunStart {
  const startedMs = Date.now();
  return { job, startedMs, startedText: instantText(new Date(startedMs), timeZone) };
}

/** The status of a run now; message parts are joined with "; " (blank parts dropped). */
export function runStatus(run: RunStart, result: RunStatus['result'], parts: readonly string[]): RunStatus {
  return {
    job: run.job,
    started: run.startedText,
    durationMs: Date.now() - run.startedMs,
    result,
    message: parts.filter((p) => p !== '').join('; '),
  };
}
