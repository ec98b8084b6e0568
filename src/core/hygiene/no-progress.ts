/**
 * Pipeline hygiene: open deals with no progress for their stage's "Clean up after (days)".
 * No progress = whole days since the deal's last touch: the later of Stage Entered and Last
 * Activity (Created when both are blank), the same day staleness counts from. A deal is offered
 * for cleanup when that is at least its stage's limit. Snoozed deals (until today or later), closed
 * deals, stages without a limit and deals with no date at all are never offered.
 */
import { CalendarDay } from '../calendar';
import { DealRecord } from '../deals';
import { activeSnooze } from '../snooze';
import { lastTouch } from '../staleness';
import { rowFingerprint } from '../write-plan';
import { CellValue } from '../values';

export interface CleanupCandidate {
  readonly deal: DealRecord;
  /** Whole days without progress. */
  readonly days: number;
  /** The stage's Clean up after (days). */
  readonly limit: number;
  readonly lastProgress: CalendarDay;
}

/** Days since the deal's last progress, or undefined when it has no date to count from. */
export function noProgressDays(d: DealRecord, today: CalendarDay): number | undefined {
  const touch = lastTouch(d);
  return Number.isNaN(touch) ? undefined : today - touch;
}

/** The deals cleanup offers, longest over their limit first (then by sheet row). */
export function cleanupCandidates(deals: readonly DealRecord[], today: CalendarDay): CleanupCandidate[] {
  const out: CleanupCandidate[] = [];
  for (const d of deals) {
    const limit = d.stage.cleanupAfter;
    if (d.stage.outcome !== 'Open' || limit === null || activeSnooze(d, today)) continue;
    const days = noProgressDays(d, today);
    if (days === undefined || days < limit) continue;
    out.push({ deal: d, days, limit, lastProgress: lastTouch(d) });
  }
  return out.sort((a, b) => b.days - b.limit - (a.days - a.limit) || a.deal.row - b.deal.row);
}

/** The default lost reason cleanup offers. */
export function cleanupReason(days: number): string {
  return `No progress in ${days} days`;
}

/**
 * A short stamp of a row's cells (apart from Health): the dialog sends it back, and a row whose
 * stamp differs changed since the dialog loaded (FNV-1a over the row's fingerprint).
 */
export function rowStamp(raw: readonly CellValue[], healthColumn: number | undefined): string {
  const s = rowFingerprint(raw, healthColumn);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16)}.${s.length}`;
}
