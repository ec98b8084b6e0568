/** The sidebar's snooze call (JSON-safe): until as yyyy-mm-dd, '' to clear the snooze. */
import type { JsonApi, JsonSafe } from './json';

export type SnoozeRequest = JsonSafe<{
  readonly dealId: string;
  /** The sheet row the sidebar showed the deal on. */
  readonly row: number;
  /** yyyy-mm-dd, today or later; '' clears the snooze. */
  readonly until: string;
  readonly reason: string;
}>;

export type SnoozeResult = JsonSafe<{ ok: boolean; message: string }>;

export type SnoozeServer = JsonApi<{ snoozeDeal(request: SnoozeRequest): SnoozeResult }>;

export const MAX_SNOOZE_REASON = 200;
