/**
 * The daily digest (#12), pure: which deals go in each opted-in user's mail, in one pass over the deals.
 *
 * Who owns a deal: its Owner cell, compared ignoring case and runs of spaces, equals the user's
 * e-mail ("ann.lee@acme.com"), its local part ("ann.lee"), or the local part with dots, underscores
 * and hyphens read as spaces ("Ann Lee"). Anything else ("Ann", "A. Lee", "Ann & Bob") is not matched:
 * type the e-mail or the full name in Owner. Two users whose local parts agree both get such a deal.
 *
 * A user's digest lists, for the open deals they own: follow-ups overdue (most days first) and due
 * today (follow-ups.ts), stale deals (staleness.ts, most days first) and deals whose Expected Close is
 * in the next 7 days, today included (soonest first). Ties go by sheet row.
 */
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';
import { followUpStatus } from './follow-ups';
import { staleness } from './staleness';

/** Days from today that count as "closing this week": today and the 6 days after it. */
export const CLOSING_WINDOW_DAYS = 7;

export interface DigestItem {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly company: string;
  /** One line about it: "3 days overdue: Send proposal", "12 days in Proposal (limit 10)", "closes 2026-11-26 (in 3 days)". */
  readonly detail: string;
  /** Sort key within its section (larger first). */
  readonly rank: number;
}

export interface OwnerDigest {
  readonly email: string;
  readonly overdue: DigestItem[];
  readonly dueToday: DigestItem[];
  readonly stale: DigestItem[];
  readonly closing: DigestItem[];
}

const fold = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The folded Owner texts that mean this e-mail's user. */
export function ownerKeys(email: string): string[] {
  const e = fold(email);
  const at = e.lastIndexOf('@');
  const local = at > 0 ? e.slice(0, at) : e;
  const spaced = fold(local.replace(/[._-]+/g, ' '));
  return [...new Set([e, local, spaced].filter((k) => k !== ''))];
}

/** Whether an Owner cell means the user with this e-mail (the rule above). */
export function ownerMatches(owner: string, email: string): boolean {
  return ownerKeys(email).includes(fold(owner));
}

export function isEmpty(d: OwnerDigest): boolean {
  return d.overdue.length + d.dueToday.length + d.stale.length + d.closing.length === 0;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function isoOf(day: CalendarDay): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** 48000 -> "48,000" (whole units; no currency: the sheet does not say which). */
function thousands(n: number): string {
  const r = Math.round(n);
  return `${r < 0 ? '-' : ''}${String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function byRank(a: DigestItem, b: DigestItem): number {
  return b.rank - a.rank || a.row - b.row;
}

/** Each e-mail's digest (every e-mail gets one, possibly empty), from one pass over the deals. */
export function buildDigests(
  deals: readonly DealRecord[],
  emails: readonly string[],
  today: CalendarDay,
): Map<string, OwnerDigest> {
  const out = new Map<string, OwnerDigest>();
  const byKey = new Map<string, OwnerDigest[]>();
  for (const email of emails) {
    if (out.has(email)) continue;
    const d: OwnerDigest = { email, overdue: [], dueToday: [], stale: [], closing: [] };
    out.set(email, d);
    for (const k of ownerKeys(email)) {
      const list = byKey.get(k);
      if (list) list.push(d);
      else byKey.set(k, [d]);
    }
  }
  const folded = new Map<string, string>();
  for (const deal of deals) {
    if (deal.stage.outcome !== 'Open' || deal.owner === '') continue;
    let key = folded.get(deal.owner);
    if (key === undefined) folded.set(deal.owner, (key = fold(deal.owner)));
    const targets = byKey.get(key);
    if (!targets) continue;
    const base = { row: deal.row, id: deal.id, name: deal.name, company: deal.company };
    const items: [keyof Omit<OwnerDigest, 'email'>, DigestItem][] = [];
    const f = followUpStatus(deal, today);
    if (f.kind === 'overdue')
      items.push([
        'overdue',
        { ...base, rank: f.days, detail: `${plural(f.days, 'day')} overdue${f.step ? `: ${f.step}` : ''}` },
      ]);
    else if (f.kind === 'due-today')
      items.push(['dueToday', { ...base, rank: 0, detail: `due today${f.step ? `: ${f.step}` : ''}` }]);
    const s = staleness(deal, today);
    if (s.kind === 'stale')
      items.push([
        'stale',
        {
          ...base,
          rank: s.days - s.limit,
          detail: `${plural(s.days, 'day')} in ${deal.stage.name} (limit ${s.limit})`,
        },
      ]);
    const untilClose = deal.expectedClose - today;
    if (untilClose >= 0 && untilClose < CLOSING_WINDOW_DAYS)
      items.push([
        'closing',
        {
          ...base,
          rank: -untilClose,
          detail: `closes ${isoOf(deal.expectedClose)} (${untilClose === 0 ? 'today' : `in ${plural(untilClose, 'day')}`}), ${thousands(deal.value)} in ${deal.stage.name}`,
        },
      ]);
    for (const t of targets) for (const [section, item] of items) t[section].push(item);
  }
  for (const d of out.values()) for (const list of [d.overdue, d.dueToday, d.stale, d.closing]) list.sort(byRank);
  return out;
}
