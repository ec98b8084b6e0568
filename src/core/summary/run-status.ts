/** The last-run line (row 2 of the summary tab): which job ran, when, how long, and how it ended. */
import { SummaryCell } from './layout';

export interface RunStatus {
  readonly job: string;
  /** When the run started, formatted in the spreadsheet's zone. */
  readonly started: string;
  readonly durationMs: number;
  readonly result: 'OK' | 'Failed' | 'Continuing';
  readonly message: string;
}

export function runStatusCells(s: RunStatus | undefined): SummaryCell[] {
  if (!s) return ['Last run', 'never', '', '', '', '', ''];
  return ['Last run', s.job, s.started, `${(s.durationMs / 1000).toFixed(1)} s`, s.result, s.message, ''];
}
