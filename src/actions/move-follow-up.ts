/**
 * A move into a stage whose "Next step required" is Yes asks for the next step when the deal has
 * none (#12). The request's nextStep / nextStepDue are validated; when the request carries nextStep
 * (the sidebar always does), such a move without one is refused. A request without the field (an
 * older sidebar, a script) moves as before, and Health then says "No next step".
 */
import { Clock } from '../core/clock';
import { startOfDayIn } from '../core/calendar';
import { DealCells } from '../core/requirements';
import { Stage } from '../core/stages';
import { readText } from '../core/values';
import { CellWrites } from '../core/write-plan';
import { MAX_TEXT } from '../shared/sidebar-api';
import { dueText, isoDay } from './follow-up-server';
import { UserError } from './pipeline-context';

/** The optional follow-up fields of a move request, validated (absent stays absent). */
export function followUpFields(r: Record<string, unknown>): { nextStep?: string; nextStepDue?: string } {
  const out: { nextStep?: string; nextStepDue?: string } = {};
  if (r.nextStep !== undefined) {
    if (typeof r.nextStep !== 'string') throw new UserError('nextStep must be text.');
    if (r.nextStep.length > MAX_TEXT) throw new UserError(`nextStep is longer than ${MAX_TEXT} characters.`);
    out.nextStep = r.nextStep.trim();
  }
  if (r.nextStepDue !== undefined) out.nextStepDue = dueText(r.nextStepDue, 'nextStepDue');
  return out;
}

/** The Next Step cells a move writes, or why it is refused. */
export function moveFollowUp(
  to: Stage,
  cells: DealCells,
  req: { nextStep?: string; nextStepDue?: string },
  clock: Clock,
): { ok: true; cells: CellWrites } | { ok: false; message: string } {
  const has = readText(cells('nextStep')) !== '';
  const asks = to.outcome === 'Open' && to.nextStepRequired && !has;
  if (!asks || req.nextStep === undefined) return { ok: true, cells: {} };
  if (req.nextStep === '')
    return { ok: false, message: `Moving to ${to.name} needs a next step (what happens next, and when).` };
  const out: CellWrites = { nextStep: req.nextStep };
  const day = req.nextStepDue ? isoDay(req.nextStepDue) : undefined;
  if (day !== undefined) out.nextStepDue = startOfDayIn(day, clock.timeZone);
  return { ok: true, cells: out };
}
