/** The sidebar's snooze call (JSON-safe): until as yyyy-mm-dd, '' to clear the snooze. */
import type { JsonApi, JsonSafe } from './json';
import type { DealView } from './sidebar-api';

export type SnoozeRequest = JsonSafe<{
  readonly dealId: string;
  /** The sheet row the sidebar showed the deal on. */
  readonly row: number;
  /** yyyy-mm-dd, today or later; '' clears the snooze. */
  readonly until: string;
  readonly reason: string;
}>;

/** On success the deal as it is now, for the sidebar to show with the message (not reloaded from the selection). */
export type SnoozeResult = JsonSafe<{ ok: true; message: string; deal: DealView } | { ok: false; message: string }>;

export type SnoozeServer = JsonApi<{ snoozeDeal(request: SnoozeRequest): SnoozeResult }>;

export const MAX_SNOOZE_REASON = 200;
