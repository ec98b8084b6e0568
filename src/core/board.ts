/**
 * The Pipeline board's model: a card per deal and a column per stage, built from parsed deals. Pure:
 * the sheet is read by src/actions/board-server.ts. Badges are a list so other modules can add kinds.
 */
import type { BoardBadge, BoardCard, BoardStage } from '../shared/board-api';
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';
import { stageColor } from './stage-colors';
import { StageTable } from './stages';
import { dayToIso } from './calendar';
import { isSlipped, Slip } from './field-history';
import { followUpStatus } from './follow-ups';
import { activeSnooze } from './snooze';
import { weightedValue } from './weighted-value';
import { daysInStage, staleness } from './staleness';

export function boardStages(table: StageTable): BoardStage[] {
  return table.stages.map((s) => ({
    name: s.name,
    outcome: s.outcome,
    probability: s.probability,
    color: stageColor(table, s).background,
  }));
}

/** What the board knows beyond the deal's own row: close-date slips (Stage History) and priority scores. */
export interface CardContext {
  readonly slips?: ReadonlyMap<string, Slip>;
  readonly priority?: ReadonlyMap<DealRecord, number>;
}

/**
 * A card's badges: stale or snoozed, the follow-up (overdue, due today, missing), a slipped close
 * date, and a Deal ID that is missing or on several rows.
 */
export function cardBadges(d: DealRecord, today: CalendarDay, idRows: number, slip?: Slip): BoardBadge[] {
  const out: BoardBadge[] = [];
  const s = staleness(d, today);
  if (s.kind === 'stale') out.push({ kind: 'stale', text: `Stale ${s.days}d (limit ${s.limit})` });
  const snooze = d.stage.outcome === 'Open' ? activeSnooze(d, today) : undefined;
  if (snooze) out.push({ kind: 'snoozed', text: `Snoozed to ${dayToIso(snooze.until)}` });
  const f = followUpStatus(d, today);
  if (f.kind === 'overdue') out.push({ kind: 'overdue', text: `Follow-up overdue ${f.days}d` });
  else if (f.kind === 'due-today') out.push({ kind: 'due', text: 'Follow-up due today' });
  else if (f.kind === 'missing') out.push({ kind: 'overdue', text: 'No next step' });
  if (d.stage.outcome === 'Open' && isSlipped(slip))
    out.push({ kind: 'slipped', text: `Close pushed ${slip.pushes}x (+${slip.days}d)` });
  if (d.id === '') out.push({ kind: 'no-id', text: 'No Deal ID: run Set up pipeline' });
  else if (idRows > 1) out.push({ kind: 'shared-id', text: `Deal ID on ${idRows} rows` });
  return out;
}

/** The card of one deal. `idRows`: how many rows carry its Deal ID. */
export function boardCard(d: DealRecord, today: CalendarDay, idRows: number, ctx: CardContext = {}): BoardCard {
  const priority = ctx.priority?.get(d);
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
    badges: cardBadges(d, today, idRows, ctx.slips?.get(d.id)),
    ...(priority === undefined ? {} : { priority }),
  };
}

/** Every readable deal's card, in sheet order. */
export function boardCards(deals: readonly DealRecord[], today: CalendarDay, ctx: CardContext = {}): BoardCard[] {
  const count = new Map<string, number>();
  for (const d of deals) if (d.id !== '') count.set(d.id, (count.get(d.id) ?? 0) + 1);
  return deals.map((d) => boardCard(d, today, count.get(d.id) ?? 0, ctx));
}
