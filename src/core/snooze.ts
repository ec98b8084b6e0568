/**
 * Snooze: "waiting on legal until 2026-12-10". An open deal whose Snoozed Until is today or later is
 * not flagged stale and not offered for cleanup, and its Health says why. From the day after, the
 * snooze no longer counts (the cell may stay; it is simply expired).
 */
import { CalendarDay, dayToIso } from './calendar';

export interface Snooze {
  readonly until: CalendarDay;
  readonly reason: string;
}

/** The deal's snooze when it still counts today (Snoozed Until on or after today), else undefined. */
export function activeSnooze(
  d: { readonly snoozedUntil: CalendarDay; readonly snoozeReason: string },
  today: CalendarDay,
): Snooze | undefined {
  return d.snoozedUntil >= today ? { until: d.snoozedUntil, reason: d.snoozeReason } : undefined;
}

/** Health text: `Snoozed until 2026-12-10: waiting on legal` (no colon part without a reason). */
export function snoozeText(s: Snooze): string {
  return `Snoozed until ${dayToIso(s.until)}${s.reason ? `: ${s.reason}` : ''}`;
}
