/** Work these first: the open deals with the highest priority score (src/core/priority.ts), each with its reasons. */
import { parseNamedSettings } from '../named-settings';
import { prioritize, priorityWeights, PriorityWeights } from '../priority';
import { DEFINITIONS, MONEY } from './definitions';
import { Section } from './input';

/** How many deals the section lists. */
export const WORK_FIRST_COUNT = 10;

/** The definition note, with the weights in use (as shares of 100). */
export function priorityNote(w: PriorityWeights): string {
  const n = (x: number): number => Math.round(x * 10) / 10;
  return `${DEFINITIONS.priority} Weights now (of 100): value ${n(w.value)}, close date ${n(w.close)}, stage ${n(w.stage)}, staleness ${n(w.stale)}, follow-up ${n(w.followUp)}; close horizon ${w.horizon} days.`;
}

export const workFirstSection: Section = ({ deals, table, today, namedSettings }, out) => {
  const w = priorityWeights(namedSettings ?? parseNamedSettings([], { row: 1, column: 1 }, ''));
  const header = out.header('Work these first (highest priority)', 'Deal', 'Owner', 'Stage', 'Value', 'Score', 'Why');
  out.note(header, 1, priorityNote(w));
  const top = prioritize(deals, table, today, w).slice(0, WORK_FIRST_COUNT);
  const start = out.nextRow;
  for (const p of top) {
    const d = p.deal;
    out.row(d.id || `row ${d.row}`, d.name, d.owner, d.stage.name, d.value, p.score, p.reason);
  }
  out.format(start, 5, top.length, 1, MONEY);
  if (top.length === 0) out.row('No open deals.');
};
