/**
 * Follow-ups (#12): an open deal's Next Step and its due date. Pure: the day is a calendar day in the
 * spreadsheet's zone. Health, the digest, the board badge and the priority score all ask here.
 * - overdue: Next Step Due is before today (days = whole days since it was due);
 * - due-today: Next Step Due is today;
 * - missing: no Next Step, in a stage whose "Next step required" is Yes;
 * - ok: anything else, and every closed deal.
 */
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';

export type FollowUpStatus =
  | { readonly kind: 'overdue'; readonly days: number; readonly step: string }
  | { readonly kind: 'due-today'; readonly step: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'ok' };

const OK: FollowUpStatus = { kind: 'ok' };
const MISSING: FollowUpStatus = { kind: 'missing' };

type FollowUpFields = Pick<DealRecord, 'stage' | 'nextStep' | 'nextStepDue'>;

export function followUpStatus(d: FollowUpFields, today: CalendarDay): FollowUpStatus {
  if (d.stage.outcome !== 'Open') return OK;
  const step = d.nextStep;
  if (!Number.isNaN(d.nextStepDue)) {
    if (d.nextStepDue < today) return { kind: 'overdue', days: today - d.nextStepDue, step };
    if (d.nextStepDue === today) return { kind: 'due-today', step };
  }
  if (step === '' && d.stage.nextStepRequired) return MISSING;
  return OK;
}

/** Overdue days, 0 when not overdue (for scores). */
export function overdueDays(d: FollowUpFields, today: CalendarDay): number {
  const s = followUpStatus(d, today);
  return s.kind === 'overdue' ? s.days : 0;
}

const quoted = (step: string): string =>
  step === '' ? '' : ` ("${step.length > 60 ? `${step.slice(0, 57)}...` : step}")`;

/** Health's words: `Follow-up overdue: 3 days ("Send proposal")`, `No next step`; '' otherwise. */
export function followUpText(s: FollowUpStatus): string {
  if (s.kind === 'overdue') return `Follow-up overdue: ${s.days} day${s.days === 1 ? '' : 's'}${quoted(s.step)}`;
  if (s.kind === 'missing') return 'No next step';
  return '';
}
