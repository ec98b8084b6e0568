/** The one place a job's RunStatus is built: when it started (in the sheet's zone), how long it took, how it ended. */
import { RunStatus } from '../core/summary';

export interface Formatting { pattern: string }
export const STATUS_FORMAT: Formatting = { pattern: 'yyyy-MM-dd HH:mm' };

export function formatInstant(d: Date, timeZone: string, fmt: Formatting): string {
  return `${Utilities.formatDate(d, timeZone, fmt.pattern)} (${timeZone})`;
}

export interface RunStart { readonly job: string; readonly startedMs: number; readonly startedText: string }

export function startRun(job: string, timeZone: string): RunStart {
  const startedMs = Date.now();
  return { job, startedMs, startedText: formatInstant(new Date(startedMs), timeZone, STATUS_FORMAT) };
}

/** The status of a run now; message parts are joined with "; " (blank parts dropped). */
export function runStatus(run: RunStart, result: RunStatus['result'], parts: readonly string[]): RunStatus {
  return { job: run.job, started: run.startedText, durationMs: Date.now() - run.startedMs, result, message: parts.filter((p) => p !== '').join('; ') };
}
