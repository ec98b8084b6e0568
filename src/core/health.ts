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
import { CellValue } from './values';

/**
 * `slip` is the slipped-deal part (src/core/field-history.ts slipText), '' when not slipped: it
 * comes from Stage History, which an edit does not always read (see carriedSlip).
 */
export function healthText(d: DealRecord, table: StageTable, today: CalendarDay, slip = ''): string {
  const parts: string[] = [];
  const stale = staleText(d, staleness(d, today));
  if (stale) parts.push(stale);
  const followUp = followUpText(followUpStatus(d, today));
  if (followUp) parts.push(followUp);
  const missing = unmetForCurrentStage(table, d.stage, d.cells);
  if (missing.length > 0) parts.push(`Missing: ${missing.join(', ')}`);
  if (slip) parts.push(slip);
  return parts.join('; ');
}

const SLIP_PART = /Close date pushed (?:once|\d+ times) \(\+\d+ days\)/;

/**
 * The slipped part of a Health cell as it stands: an edit that does not touch Expected Close keeps
 * it without reading Stage History (the next job recomputes it from history).
 */
export function carriedSlip(health: CellValue): string {
  return typeof health === 'string' ? (SLIP_PART.exec(health)?.[0] ?? '') : '';
}

/** Health text for a row the add-on could not read. */
export function problemText(p: DataProblem): string {
  return `Data problem: ${p.column} ${p.value} is ${p.problem}`;
}
