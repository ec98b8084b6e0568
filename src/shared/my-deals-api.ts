/**
 * The sidebar's My deals view (#12.3): the request and result types of its two server calls,
 * JsonSafe like the rest of the sidebar API (src/shared/sidebar-api.ts lists them in SidebarServer).
 */
import type { JsonSafe } from './json';

/** Whose deals: the current user's (by Session e-mail), one Owner's as typed, or every owner's. */
export type MyDealsRequest = JsonSafe<{
  readonly who: 'me' | 'owner' | 'all';
  /** With who = 'owner': the Owner cell text to match (case and spaces ignored). */
  readonly owner: string;
  /** How many deals to list, 1 to MAX_MY_DEALS. */
  readonly limit: number;
}>;

export type PriorityDealView = JsonSafe<{
  dealId: string;
  row: number;
  name: string;
  owner: string;
  stage: string;
  value: number;
  score: number;
  reason: string;
}>;

export type MyDealsResult = JsonSafe<
  | {
      ok: true;
      /** The e-mail Apps Script gave for the current user ('' when withheld). */
      me: string;
      /** What the list shows: "your deals (jane@x.com)", "Ann's deals", "all owners". */
      title: string;
      /** Every Owner on an open deal, sorted, for the picker. */
      owners: string[];
      /** Open deals matching, before the limit. */
      total: number;
      deals: PriorityDealView[];
    }
  | { ok: false; message: string }
>;

export const MAX_MY_DEALS = 50;
