/**
 * The Health column, owned by the add-on: what is wrong with a deal right now. Recomputed from the
 * row each time, so it clears itself once the deal is touched or its requirements are met.
 */
import { CalendarDay } from './calendar';
import { DataProblem, DealRecord } from './deals';
import { followUpStatus, followUpText } from './follow-ups';
import { unmetForCurrentStage } from './gates';
import { StageTable } from './stages';
import { staleness, staleText } from './staleness';

export function healthText(d: DealRecord, table: StageTable, today: CalendarDay): string {
  const parts: string[] = [];
  const stale = staleText(d, staleness(d, today));
  if (stale) parts.push(stale);
  const followUp = followUpText(followUpStatus(d, today));
  if (followUp) parts.push(followUp);
  const missing = unmetForCurrentStage(table, d.stage, d.cells);
  if (missing.length > 0) parts.push(`Missing: ${missing.join(', ')}`);
  return parts.join('; ');
}

/** Health text for a row the add-on could not read. */
export function problemText(p: DataProblem): string {
  return `Data problem: ${p.column} ${p.value} is ${p.problem}`;
}
