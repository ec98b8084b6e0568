/**
 * Leads needed: how many new leads the team must add to win an amount, at its own record. Every deal
 * starts as a lead, so the lead-to-win rate is the win rate, won / (won + lost) (open deals have not
 * ended either way yet); a won lead brings the average deal size. Leads = ceil(amount / (average
 * deal size x win rate)) = ceil(amount x (won + lost) / won value).
 */
import { Counts } from './metrics';

export type LeadsResult =
  | { readonly ok: true; readonly leads: number }
  | { readonly ok: false; readonly reason: 'no closed deals' | 'no won value' };

/** Relative slack for the ceiling, so 3.0000000000000004 (floating point for 3) is 3 leads, not 4. */
const SLACK = 1e-9;

export function leadsNeededOf(amount: number, c: Counts): LeadsResult {
  if (amount <= 0) return { ok: true, leads: 0 };
  if (c.won + c.lost === 0) return { ok: false, reason: 'no closed deals' };
  if (c.won === 0 || c.wonValue <= 0) return { ok: false, reason: 'no won value' };
  const exact = (amount * (c.won + c.lost)) / c.wonValue;
  return { ok: true, leads: Math.ceil(exact - exact * SLACK) };
}
