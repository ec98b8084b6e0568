/**
 * The Move deal sidebar. All sheet text is rendered with textContent, never as HTML.
 */
import type {
  DealView,
  MoveDealRequest,
  MoveDealResult,
  SelectedDeal,
  SetCloseDateResult,
  SidebarServer,
  StageOption,
} from '../src/shared/sidebar-api';
import { initMyDeals } from './my-deals';
import { chooseStage, moveFields, renderFollowUp, wireFollowUp } from './follow-up';
import { renderSnooze } from './snooze';

type Runner = {
  withSuccessHandler(f: (v: unknown) => void): Runner;
  withFailureHandler(f: (e: Error) => void): Runner;
} & { [K in keyof SidebarServer]: (...args: Parameters<SidebarServer[K]>) => void };

declare const google: { script: { run: Runner } };

/** Calls a server function, typed by the shared API. */
function call<K extends keyof SidebarServer>(
  name: K,
  ...args: Parameters<SidebarServer[K]>
): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<SidebarServer[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
let current: DealView | undefined;
let target: StageOption | undefined;
let busy = false;

function setStatus(text: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.className = `status${kind === 'info' ? '' : ` ${kind}`}`;
  el.hidden = text === '';
}

function setBusy(on: boolean): void {
  busy = on;
  for (const b of Array.from(document.querySelectorAll('button')))
    (b as HTMLButtonElement).disabled = on || b.dataset.locked === 'true';
  document.body.setAttribute('aria-busy', String(on));
}

const money = (n: number): string =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function render(deal: DealView): void {
  current = deal;
  $('deal').hidden = false;
  $('deal-name').textContent = deal.name || '(no name)';
  $('deal-company').textContent = deal.company || '—';
  $('deal-owner').textContent = deal.owner || '—';
  $('deal-value').textContent = money(deal.value);
  $('deal-stage').textContent = deal.stage || '(none)';
  $('deal-days').textContent = deal.daysInStage === null ? '—' : String(deal.daysInStage);
  $('deal-id').textContent = deal.dealId;
  renderFollowUp(deal);
  ($('close-date') as HTMLInputElement).value = deal.expectedClose;
  const list = $('stages');
  list.replaceChildren();
  for (const s of deal.stages) {
    const li = el('li', undefined, s.kind === 'same' ? 'current' : '');
    const button = el('button') as HTMLButtonElement;
    button.type = 'button';
    button.append(el('span', s.name));
    const tag =
      s.kind === 'same'
        ? el('span', 'current', 'tag')
        : s.allMet
          ? el('span', s.items.length ? 'ready' : 'free', 'tag ready')
          : el('span', `${s.items.filter((i) => !i.met).length} missing`, 'tag blocked');
    button.append(tag);
    button.setAttribute('aria-label', `Move to ${s.name}${s.allMet ? '' : ', requirements missing'}`);
    if (s.kind === 'same') {
      button.disabled = true;
      button.dataset.locked = 'true';
    }
    button.addEventListener('click', () => choose(s));
    li.append(button);
    if (s.items.length > 0 && s.kind !== 'same') {
      const reqs = el('ul', undefined, 'reqs');
      for (const i of s.items) reqs.append(el('li', `${i.label} (${i.stage})`, i.met ? 'met' : 'unmet'));
      li.append(reqs);
    }
    list.append(li);
  }
  $('move').hidden = true;
  renderSnooze(deal, render);
}

function choose(s: StageOption): void {
  if (busy) return;
  target = s;
  $('move').hidden = false;
  $('move-title').textContent = `Move to ${s.name}`;
  const missing = $('missing');
  missing.replaceChildren(...s.items.filter((i) => !i.met).map((i) => el('li', `${i.label} (${i.stage})`)));
  $('override-label').hidden = s.allMet;
  ($('override') as HTMLInputElement).checked = false;
  $('lost-label').hidden = s.outcome !== 'Lost';
  ($('lost-reason') as HTMLTextAreaElement).value = current?.lostReason ?? '';
  ($('confirm') as HTMLButtonElement).textContent = s.allMet ? 'Move' : 'Move with override';
  chooseStage(s);
  ($('note') as HTMLTextAreaElement).focus();
}

async function load(): Promise<void> {
  setBusy(true);
  setStatus('Loading the selected deal…');
  try {
    const result: SelectedDeal = await call('getSelectedDeal');
    if (result.ok) {
      render(result.deal);
      setStatus('');
    } else {
      $('deal').hidden = true;
      setStatus(result.message, 'error');
    }
  } catch (e) {
    setStatus(`Could not load the deal: ${(e as Error).message}`, 'error');
  } finally {
    setBusy(false);
  }
}

async function submit(ev: Event): Promise<void> {
  ev.preventDefault();
  if (!current || !target || busy) return;
  const request: MoveDealRequest = {
    dealId: current.dealId,
    row: current.row,
    expectedStage: current.stage,
    toStage: target.name,
    note: ($('note') as HTMLTextAreaElement).value,
    override: ($('override') as HTMLInputElement).checked,
    lostReason: ($('lost-reason') as HTMLTextAreaElement).value,
    ...moveFields(target),
  };
  setBusy(true);
  setStatus(`Moving to ${target.name}…`);
  try {
    const result: MoveDealResult = await call('moveDeal', request);
    if (result.ok) {
      render(result.deal);
      ($('note') as HTMLTextAreaElement).value = '';
      setStatus(result.message, 'ok');
    } else setStatus(result.message, 'error');
  } catch (e) {
    setStatus(`The move failed: ${(e as Error).message}`, 'error');
  } finally {
    setBusy(false);
  }
}

/** Saves the Expected Close field: the server checks the date shown is still the deal's, and logs the change. */
async function saveCloseDate(ev: Event): Promise<void> {
  ev.preventDefault();
  if (!current || busy) return;
  const value = ($('close-date') as HTMLInputElement).value;
  setBusy(true);
  setStatus('Saving the close date…');
  try {
    const result: SetCloseDateResult = await call('setExpectedClose', {
      dealId: current.dealId,
      row: current.row,
      was: current.expectedClose,
      expectedClose: value,
    });
    if (result.ok) {
      render(result.deal);
      setStatus(result.message, 'ok');
    } else setStatus(result.message, 'error');
  } catch (e) {
    setStatus(`The close date was not saved: ${(e as Error).message}`, 'error');
  } finally {
    setBusy(false);
  }
}

$('close-form').addEventListener('submit', (e) => {
  void saveCloseDate(e);
});
$('refresh').addEventListener('click', () => {
  void load();
});
$('move').addEventListener('submit', (e) => {
  void submit(e);
});
$('cancel').addEventListener('click', () => {
  $('move').hidden = true;
  target = undefined;
});
wireFollowUp({
  save: (request) => call('setNextStep', request),
  done: (result) => {
    if (result.ok) {
      render(result.deal);
      setStatus(result.message, 'ok');
    } else setStatus(result.message, 'error');
  },
  busy: setBusy,
});
void load();
initMyDeals(call as Parameters<typeof initMyDeals>[0], () => void load());
