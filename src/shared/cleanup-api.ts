/**
 * The Clean up pipeline dialog's server API (JSON-safe, like the sidebar's): the list it shows and
 * the batch move it asks for. Dates travel as ISO text.
 */
import type { JsonApi, JsonSafe } from './json';

export type CleanupItem = JsonSafe<{
  dealId: string;
  row: number;
  name: string;
  company: string;
  owner: string;
  stage: string;
  value: number;
  /** Whole days without progress, and the stage's Clean up after (days). */
  days: number;
  limit: number;
  /** The day of the last progress, yyyy-mm-dd. */
  lastProgress: string;
  /** The reason offered: "No progress in N days". */
  reason: string;
  /** The row's cells as the dialog saw them; a different stamp at move time refuses that deal. */
  stamp: string;
}>;

export type DuplicateView = JsonSafe<{
  company: string;
  deals: { dealId: string; row: number; name: string; stage: string; owner: string; value: number }[];
}>;

export type CleanupList = JsonSafe<
  | { ok: true; lostStage: string; items: CleanupItem[]; duplicates: DuplicateView[]; note: string }
  | { ok: false; message: string }
>;

export type CleanupChoice = JsonSafe<{ dealId: string; row: number; stamp: string; reason: string }>;
export type CleanupRequest = JsonSafe<{ deals: CleanupChoice[] }>;

export type CleanupOutcome = JsonSafe<{ dealId: string; name: string; moved: boolean; message: string }>;
export type CleanupResult = JsonSafe<{ ok: boolean; message: string; results: CleanupOutcome[] }>;

/** The functions the cleanup dialog calls through google.script.run. */
export type CleanupServer = JsonApi<{
  getCleanupList(): CleanupList;
  cleanUpDeals(request: CleanupRequest): CleanupResult;
}>;

/** Most deals one cleanup request may carry. */
export const MAX_CLEANUP_DEALS = 5000;
