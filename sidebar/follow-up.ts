/**
 * The sidebar's follow-up section (#12): shows the deal's Next Step, its due date and what Health says
 * of them, edits them (setNextStep), and adds the next step to a move into a stage that requires one.
 * Sheet text is rendered with textContent only.
 */
import type { DealView, NextStepRequest, NextStepResult, StageOption } from '../src/shared/sidebar-api';

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const input = (id: string): HTMLInputElement => $<HTMLInputElement>(id);

export interface FollowUpHost {
  save(request: NextStepRequest): Promise<NextStepResult>;
  /** Shows the saved deal (the whole view), a message, and whether it is an error. */
  done(result: NextStepResult): void;
  busy(on: boolean): void;
}

let shown: DealView | undefined;

export function renderFollowUp(deal: DealView): void {
  shown = deal;
  const f = deal.followUp;
  $('fu-step').textContent = f.nextStep || '—';
  $('fu-due').textContent = f.due || '—';
  const status = $('fu-status');
  status.textContent = f.status;
  status.hidden = f.status === '';
  status.className = `tag ${f.status === '' || f.status === 'Due today' ? '' : 'blocked'}`;
  input('fu-step-input').value = f.nextStep;
  input('fu-due-input').value = ISO.test(f.due) ? f.due : '';
  $('fu-form').hidden = true;
}

export function wireFollowUp(host: FollowUpHost): void {
  $('fu-edit').addEventListener('click', () => {
    $('fu-form').hidden = false;
    input('fu-step-input').focus();
  });
  $('fu-cancel').addEventListener('click', () => {
    $('fu-form').hidden = true;
  });
  $('fu-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!shown) return;
    const request: NextStepRequest = {
      dealId: shown.dealId,
      row: shown.row,
      shownNextStep: shown.followUp.nextStep,
      shownDue: shown.followUp.due,
      nextStep: input('fu-step-input').value,
      due: input('fu-due-input').value,
    };
    host.busy(true);
    host
      .save(request)
      .then((r) => host.done(r))
      .catch((e: Error) => host.done({ ok: false, message: `The next step was not saved: ${e.message}` }))
      .finally(() => host.busy(false));
  });
}

/** Whether a move to this stage asks for a next step (the stage requires one and the deal has none). */
function asks(s: StageOption): boolean {
  return s.outcome === 'Open' && s.nextStepRequired && shown !== undefined && shown.followUp.nextStep === '';
}

/** Shows or hides the move form's next-step fields for the chosen stage. */
export function chooseStage(s: StageOption): void {
  $('move-fu').hidden = !asks(s);
  input('move-fu-step').value = '';
  input('move-fu-due').value = '';
  input('move-fu-step').required = asks(s);
}

/** The follow-up fields of a move request (always carried, '' when not asked). */
export function moveFields(s: StageOption): { nextStep: string; nextStepDue: string } {
  return asks(s)
    ? { nextStep: input('move-fu-step').value, nextStepDue: input('move-fu-due').value }
    : { nextStep: '', nextStepDue: '' };
}
