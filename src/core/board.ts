/**
 * The Pipeline board's model: a card per deal and a column per stage, built from parsed deals. Pure:
 * the sheet is read by src/actions/board-server.ts. Badges are a list so other modules can add kinds.
 */
import type { BoardBadge, BoardCard, BoardStage } from '../shared/board-api';
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';
import { stageColor } from './stage-colors';
import { StageTable } from './stages';
import { daysInStage, staleness } from './staleness';

export function boardStages(table: StageTable): BoardStage[] {
  return table.stages.map((s) => ({
    name: s.name,
    outcome: s.outcome,
    probability: s.probability,
    color: stageColor(table, s).background,
  }));
}

/** Value x probability: the deal's own (open deals) when filled, else its stage's; won 100%, lost 0%. */
export function weightedValue(d: DealRecord): number {
  if (d.stage.outcome === 'Won') return d.value;
  if (d.stage.outcome === 'Lost') return 0;
  return d.value * (Number.isNaN(d.override) ? d.stage.probability : d.override);
}

/** The badges the board knows by itself: stale, and a Deal ID that is missing or on several rows. */
export function cardBadges(d: DealRecord, today: CalendarDay, idRows: number): BoardBadge[] {
  const out: BoardBadge[] = [];
  const s = staleness(d, today);
  if (s.kind === 'stale') out.push({ kind: 'stale', text: `Stale ${s.days}d (limit ${s.limit})` });
  if (d.id === '') out.push({ kind: 'no-id', text: 'No Deal ID: run Set up pipeline' });
  else if (idRows > 1) out.push({ kind: 'shared-id', text: `Deal ID on ${idRows} rows` });
  return out;
}

/** The card of one deal. `idRows`: how many rows carry its Deal ID. */
export function boardCard(d: DealRecord, today: CalendarDay, idRows: number): BoardCard {
  return {
    dealId: d.id,
    row: d.row,
    name: d.name,
    company: d.company,
    owner: d.owner,
    value: d.value,
    weighted: weightedValue(d),
    stage: d.stage.name,
    daysInStage: daysInStage(d, today),
    nextStep: d.nextStep,
    badges: cardBadges(d, today, idRows),
  };
}

/** Every readable deal's card, in sheet order. */
export function boardCards(deals: readonly DealRecord[], today: CalendarDay): BoardCard[] {
  const count = new Map<string, number>();
  for (const d of deals) if (d.id !== '') count.set(d.id, (count.get(d.id) ?? 0) + 1);
  return deals.map((d) => boardCard(d, today, count.get(d.id) ?? 0));
}
