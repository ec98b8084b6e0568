/**
 * The sidebar's My deals view: the current user's (or a chosen owner's) open deals by priority
 * (src/core/priority.ts, scored against the whole pipeline), (selecting a listed deal's row is ./select-deal.ts).
 * Whose deals are "mine" is the daily digest's rule (ownerMatches in src/core/digest.ts), so the two agree.
 * Every argument is validated: the sidebar is a web page and its calls are untrusted input.
 */
import { ownerMatches } from '../core/digest';
import { prioritize, priorityWeights } from '../core/priority';
import { MAX_MY_DEALS, MyDealsRequest, MyDealsResult } from '../shared/my-deals-api';
import { MAX_TEXT } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { activeUserEmail } from '../sheets/session';
import { loadPipeline, UserError } from './pipeline-context';

const fold = (s: string): string => s.replace(/\s+/g, '').toLowerCase();

function object(input: unknown, what: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError(`${what} must be an object.`);
  return input as Record<string, unknown>;
}

function wholeNumber(v: unknown, name: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new UserError(`${name} must be a whole number from ${min} to ${max}.`);
  return v;
}

function text(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new UserError(`${name} must be text.`);
  if (v.length > MAX_TEXT) throw new UserError(`${name} is longer than ${MAX_TEXT} characters.`);
  return v;
}

export function validateMyDealsRequest(input: unknown): MyDealsRequest {
  const r = object(input, 'The My deals request');
  if (r.who !== 'me' && r.who !== 'owner' && r.who !== 'all')
    throw new UserError('who must be "me", "owner" or "all".');
  return { who: r.who, owner: text(r.owner, 'owner'), limit: wholeNumber(r.limit, 'limit', 1, MAX_MY_DEALS) };
}

export function getMyDeals(book: Book, input: unknown): MyDealsResult {
  try {
    const req = validateMyDealsRequest(input);
    const { clock, table, parsed, named } = loadPipeline(book);
    // An unreadable weight uses its default (Check settings names the cell).
    const w = priorityWeights(named);
    const all = prioritize(parsed.deals, table, clock.today, w);
    const me = activeUserEmail();
    const owners = [...new Set(all.map((p) => p.deal.owner).filter((o) => o !== ''))].sort((a, b) =>
      a.localeCompare(b),
    );
    const mine =
      req.who === 'all'
        ? all
        : req.who === 'me'
          ? all.filter((p) => ownerMatches(p.deal.owner, me))
          : all.filter((p) => fold(p.deal.owner) === fold(req.owner));
    const title =
      req.who === 'all'
        ? 'all owners'
        : req.who === 'owner'
          ? `${req.owner}'s deals`
          : me
            ? `your deals (${me})`
            : 'your deals';
    if (req.who === 'me' && me === '') return { ok: true, me, title, owners, total: 0, deals: [] };
    return {
      ok: true,
      me,
      title,
      owners,
      total: mine.length,
      deals: mine.slice(0, req.limit).map((p) => ({
        dealId: p.deal.id,
        row: p.deal.row,
        name: p.deal.name,
        owner: p.deal.owner,
        stage: p.deal.stage.name,
        value: p.deal.value,
        score: p.score,
        reason: p.reason,
      })),
    };
  } catch (e) {
    return {
      ok: false,
      message: e instanceof UserError ? e.message : `Could not list the deals: ${(e as Error).message}`,
    };
  }
}
