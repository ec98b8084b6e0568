/**
 * Staleness (DOMAIN.md): an open deal is stale when the whole days since its last touch (the latest
 * of Last Activity and Stage Entered; Created when both are blank) exceed its stage's Stale after.
 */
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';
import { activeSnooze, snoozeText } from './snooze';

export type Staleness =
  | { kind: 'stale'; days: number; limit: number; lastTouch: CalendarDay }
  | { kind: 'fresh' | 'closed' | 'no-limit' }
  /** An open deal snoozed until today or later: never stale meanwhile (src/core/snooze.ts). */
  | { kind: 'snoozed'; until: CalendarDay; reason: string }
  | { kind: 'no-date' };

export function lastTouch(d: DealRecord): CalendarDay {
  const a = d.lastActivity;
  const b = d.stageEntered;
  if (!Number.isNaN(a) || !Number.isNaN(b)) return Number.isNaN(a) ? b : Number.isNaN(b) ? a : Math.max(a, b);
  return d.created;
}

export function staleness(d: DealRecord, today: CalendarDay): Staleness {
  if (d.stage.outcome !== 'Open') return { kind: 'closed' };
  const snooze = activeSnooze(d, today);
  if (snooze) return { kind: 'snoozed', until: snooze.until, reason: snooze.reason };
  if (d.stage.staleAfter === null) return { kind: 'no-limit' };
  const touch = lastTouch(d);
  if (Number.isNaN(touch)) return { kind: 'no-date' };
  const days = today - touch;
  return days > d.stage.staleAfter
    ? { kind: 'stale', days, limit: d.stage.staleAfter, lastTouch: touch }
    : { kind: 'fresh' };
}

export function staleText(d: DealRecord, s: Staleness): string {
  if (s.kind === 'snoozed') return snoozeText(s);
  return s.kind === 'stale' ? `Stale: ${s.days} days in ${d.stage.name} (limit ${s.limit})` : '';
}

/** Whole days since the deal entered its stage, or null without a Stage Entered date. */
export function daysInStage(d: DealRecord, today: CalendarDay): number | null {
  return Number.isNaN(d.stageEntered) ? null : Math.max(0, today - d.stageEntered);
}
