/**
 * The Clean up pipeline dialog: deals with no progress (ticked ones move to Lost with their reason)
 * and possible duplicates. All sheet text is rendered with textContent, never as HTML.
 */
import type { CleanupItem, CleanupList, CleanupRequest, CleanupResult, CleanupServer } from '../src/shared/cleanup-api';

type Runner = {
  withSuccessHandler(f: (v: unknown) => void): Runner;
  withFailureHandler(f: (e: Error) => void): Runner;
} & { [K in keyof CleanupServer]: (...args: Parameters<CleanupServer[K]>) => void };

declare const google: { script: { run: Runner; host: { close(): void } } };

function call<K extends keyof CleanupServer>(
  name: K,
  ...args: Parameters<CleanupServer[K]>
): Promise<ReturnType<CleanupServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((v) => resolve(v as ReturnType<CleanupServer[K]>))
      .withFailureHandler(reject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function setStatus(text: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  const s = $('status');
  s.textContent = text;
  s.className = `status${kind === 'info' ? '' : ` ${kind}`}`;
  s.hidden = text === '';
}

let items: { item: CleanupItem; tick: HTMLInputElement; reason: HTMLInputElement }[] = [];

function render(list: Extract<CleanupList, { ok: true }>): void {
  $('lost-stage').textContent = list.lostStage;
  const body = $('rows');
  body.replaceChildren();
  items = list.items.map((item) => {
    const tr = el('tr');
    const tick = el('input') as HTMLInputElement;
    tick.type = 'checkbox';
    tick.setAttribute('aria-label', `Close ${item.name || item.dealId} as lost`);
    tick.dataset.dealId = item.dealId;
    const reason = el('input') as HTMLInputElement;
    reason.type = 'text';
    reason.maxLength = 2000;
    reason.value = item.reason;
    reason.setAttribute('aria-label', `Lost reason for ${item.name || item.dealId}`);
    const cells = [
      el('td'),
      el('td', `${item.name || '(no name)'} (${item.dealId}, row ${item.row})`),
      el('td', item.company),
      el('td', item.owner),
      el('td', item.stage),
      el('td', `${item.days} (limit ${item.limit}, since ${item.lastProgress})`, 'num'),
      el('td'),
    ];
    (cells[0] as HTMLElement).append(tick);
    (cells[6] as HTMLElement).append(reason);
    tr.append(...cells);
    body.append(tr);
    return { item, tick, reason };
  });
  $('stalled').hidden = false;
  $('note').textContent = list.note;
  $('note').hidden = list.note === '';
  ($('apply') as HTMLButtonElement).disabled = items.length === 0;
  const dups = $('dup-list');
  dups.replaceChildren(
    ...list.duplicates.map((g) => {
      const li = el('li', `${g.company}: `);
      li.append(
        el(
          'span',
          g.deals.map((d) => `${d.name || '(no name)'} (${d.dealId || 'no ID'}, row ${d.row}, ${d.stage})`).join('; '),
        ),
      );
      return li;
    }),
  );
  $('dups').hidden = list.duplicates.length === 0;
  setStatus(
    items.length === 0
      ? 'No open deal is past its stage\'s "Clean up after (days)".'
      : `${items.length} deal${items.length === 1 ? '' : 's'} with no progress.`,
  );
}

async function load(): Promise<void> {
  try {
    const list = await call('getCleanupList');
    if (list.ok) render(list);
    else setStatus(list.message, 'error');
  } catch (e) {
    setStatus(`Could not load the list: ${(e as Error).message}`, 'error');
  }
}

async function apply(): Promise<void> {
  const chosen = items.filter((x) => x.tick.checked);
  if (chosen.length === 0) return setStatus('Tick the deals to close first.', 'error');
  const request: CleanupRequest = {
    deals: chosen.map(({ item, reason }) => ({
      dealId: item.dealId,
      row: item.row,
      stamp: item.stamp,
      reason: reason.value,
    })),
  };
  const button = $('apply') as HTMLButtonElement;
  button.disabled = true;
  setStatus(`Moving ${chosen.length} deal${chosen.length === 1 ? '' : 's'}…`);
  try {
    const result: CleanupResult = await call('cleanUpDeals', request);
    $('results').replaceChildren(
      ...result.results.map((r) => el('li', `${r.name || r.dealId}: ${r.message}`, r.moved ? 'moved' : 'refused')),
    );
    setStatus(result.message, result.ok ? 'ok' : 'error');
    if (result.results.some((r) => r.moved)) {
      const results = $('results').cloneNode(true);
      await load();
      $('results').replaceWith(results);
      // The reloaded list would say how many deals are left: the report of this cleanup stays on top.
      setStatus(result.message, result.ok ? 'ok' : 'error');
    }
  } catch (e) {
    setStatus(`The cleanup failed: ${(e as Error).message}`, 'error');
  } finally {
    button.disabled = items.length === 0;
  }
}

$('all').addEventListener('change', () => {
  for (const x of items) x.tick.checked = ($('all') as HTMLInputElement).checked;
});
$('apply').addEventListener('click', () => void apply());
$('close').addEventListener('click', () => google.script.host.close());
void load();
