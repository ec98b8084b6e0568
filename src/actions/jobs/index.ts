/** The jobs the menu and the hourly trigger run, each a list of phases for the runner. */
import { JobSpec } from './runner';
import { PhaseName } from './phase';

export { runJob } from './runner';
export type { JobSpec } from './runner';
export { readCursor } from './cursor';
export type { PhaseName } from './phase';

/** The daily job's cursor owner. */
export const DAILY = 'daily';

export const JOBS = {
  daily: {
    title: 'Daily job',
    phases: ['stale', 'snapshots', 'forecasts', 'summary', 'digest'],
    cursorOwner: DAILY,
  },
  refreshSummary: { title: 'Refresh summary (menu)', phases: ['snapshots', 'forecasts', 'summary'] },
  flagStale: { title: 'Flag stale deals (menu)', phases: ['stale'] },
  archive: { title: 'Archive closed deals (menu)', phases: ['archive'] },
} satisfies Record<string, JobSpec>;

/** The rest of a daily job that ran short of time. */
export function dailyContinued(phases: readonly PhaseName[]): JobSpec {
  return { title: 'Daily job (continued)', phases, cursorOwner: DAILY };
}
