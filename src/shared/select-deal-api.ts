/** Selecting a deal's row from the sidebar's My deals list or the board: typed JSON in and out. */
import type { JsonSafe } from './json';

/** The deal's ID and the row it was shown on (used when the deal has no ID). */
export type SelectDealRequest = JsonSafe<{ readonly dealId: string; readonly row: number }>;
export type SelectDealResult = JsonSafe<{ ok: true; row: number; message: string } | { ok: false; message: string }>;
