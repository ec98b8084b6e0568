/**
 * The sidebar's Snooze section: a date and a reason for the shown deal ("waiting on legal until
 * 2026-12-10"), or Clear. Its own module: sidebar.ts only calls renderSnooze. Text via textContent.
 */
import type { DealView } from '../src/shared/sidebar-api';
import type { SnoozeRequest, SnoozeResult } from '../src/shared/snooze-api';

declare const google: {
  script: {
    run: {
      withSuccessHandler(f: (v: unknown) => void): {
        withFailureHandler(f: (e: Error) => void): { snoozeDeal(r: SnoozeRequest): void };
      };
    };
  };
};

function snoozeDeal(request: SnoozeRequest): Promise<SnoozeResult> {
  return new Promise((resolve, reject) => {
    google.script.run
      .withSuccessHandler((v) => resolve(v as SnoozeResult))
      .withFailureHandler(reject)
      .snoozeDeal(request);
  });
}

function node<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The last save's message, shown again once the sidebar has redrawn the deal it was about. */
let saved: { dealId: string; message: string } | undefined;

/** Fills the #snooze section for the deal; `changed` redraws the sidebar with the deal as saved. */
export function renderSnooze(deal: DealView, changed: (deal: DealView) => void): void {
  const box = document.getElementById('snooze');
  if (!box) return;
  const now = node(
    'p',
    deal.snoozedUntil
      ? `Snoozed until ${deal.snoozedUntil}${deal.snoozeReason ? `: ${deal.snoozeReason}` : ''}`
      : 'Not snoozed.',
  );
  now.id = 'snooze-now';
  const until = node('input');
  until.type = 'date';
  until.id = 'snooze-until';
  until.value = deal.snoozedUntil;
  const reason = node('input');
  reason.id = 'snooze-reason';
  reason.maxLength = 200;
  reason.placeholder = 'e.g. waiting on legal';
  reason.value = deal.snoozeReason;
  const save = node('button', 'Snooze');
  save.type = 'button';
  save.id = 'snooze-save';
  const clear = node('button', 'Clear');
  clear.type = 'button';
  clear.id = 'snooze-clear';
  const status = node('p');
  status.id = 'snooze-status';
  status.className = 'status';
  status.hidden = true;
  if (saved?.dealId === deal.dealId) {
    status.hidden = false;
    status.textContent = saved.message;
    status.className = 'status ok';
  }
  saved = undefined;
  const send = async (value: string): Promise<void> => {
    save.disabled = clear.disabled = true;
    status.hidden = false;
    status.className = 'status';
    status.textContent = 'Saving…';
    try {
      const r = await snoozeDeal({ dealId: deal.dealId, row: deal.row, until: value, reason: reason.value });
      status.textContent = r.message;
      status.className = `status ${r.ok ? 'ok' : 'error'}`;
      if (r.ok) {
        saved = { dealId: r.deal.dealId, message: r.message };
        changed(r.deal);
      }
    } catch (e) {
      status.textContent = `Snoozing failed: ${(e as Error).message}`;
      status.className = 'status error';
    } finally {
      save.disabled = clear.disabled = false;
    }
  };
  save.addEventListener('click', () => void send(until.value));
  clear.addEventListener('click', () => void send(''));
  const untilLabel = node('label', 'Until ');
  untilLabel.append(until);
  const reasonLabel = node('label', 'Reason ');
  reasonLabel.append(reason);
  const actions = node('div');
  actions.className = 'actions';
  actions.append(save, clear);
  box.replaceChildren(node('h3', 'Snooze'), now, untilLabel, reasonLabel, actions, status);
}
