/**
 * The Pipeline board: a column per stage (Won and Lost collapsed), a card per deal, filter and search,
 * moves by drag and drop or by keyboard through the sidebar's server move, a click selects the row.
 * All sheet text is rendered with textContent, never as HTML.
 *
 * Keys (on a focused card): Up/Down the previous/next card, Home/End the first/last, Left/Right the
 * neighbouring column; Enter opens "Move to…" (Up/Down, Enter to move, Escape to close); Shift+Left/
 * Right moves the card one stage back/forward; Space selects the deal's row in the sheet.
 */
import type { BoardCard, BoardData, BoardStage } from '../src/shared/board-api';
import type { MoveDealRequest } from '../src/shared/sidebar-api';
import { BoardColumn, boardColumns, BoardFilter, cardKey, money, ownersOf } from './model';
import { call } from './server';
import { VirtualList } from './virtual-list';

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;

let stages: BoardStage[] = [];
let cards: BoardCard[] = [];
let columns: BoardColumn[] = [];
const lists: VirtualList<BoardCard>[] = [];
const collapsed = new Set<string>();
const filter: BoardFilter = { owner: '', text: '' };
let focusKey: string | undefined;
let selectedKey: string | undefined;
let busy = false;

function setStatus(text: string, kind: 'info' | 'error' | 'ok' = 'info'): void {
  const el = $('status');
  el.textContent = text;
  el.className = `status${kind === 'info' ? '' : ` ${kind}`}`;
}

function el(tag: string, text?: string, cls?: string): HTMLElement {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

const cardByKey = (key: string): BoardCard | undefined => cards.find((c) => cardKey(c) === key);
const stageIndex = (name: string): number => stages.findIndex((s) => s.name === name);

function makeCard(card: BoardCard): HTMLElement {
  const key = cardKey(card);
  const e = el('article', undefined, 'card');
  e.tabIndex = key === focusKey ? 0 : -1;
  e.draggable = true;
  e.setAttribute('role', 'listitem');
  e.setAttribute('aria-label', `${card.name || '(no name)'}, ${card.company}, ${money(card.value)}, ${card.owner}`);
  e.style.setProperty('--stage', stages[stageIndex(card.stage)]?.color ?? '#5f6368');
  if (key === selectedKey) e.classList.add('selected');
  e.append(el('div', card.name || '(no name)', 'name'));
  e.append(el('div', [card.company, card.owner].filter(Boolean).join(' · ') || '—', 'line'));
  const days = card.daysInStage === null ? 'no stage date' : `${card.daysInStage}d in stage`;
  e.append(el('div', `${money(card.value)} · ${days}`, 'line muted'));
  const badges = el('div', undefined, 'badges');
  for (const b of card.badges) badges.append(el('span', b.text, `badge ${b.kind.replace(/[^a-z0-9-]/gi, '')}`));
  e.append(badges);
  e.append(el('div', card.nextStep ? `Next: ${card.nextStep}` : 'No next step', 'line muted'));
  e.title = [card.name, card.nextStep].filter(Boolean).join('\n');
  e.addEventListener('click', () => void selectDeal(key));
  e.addEventListener('focus', () => setFocus(key, false));
  e.addEventListener('dragstart', (ev) => {
    ev.dataTransfer?.setData('text/plain', key);
    if (ev.dataTransfer) ev.dataTransfer.effectAllowed = 'move';
  });
  e.addEventListener('keydown', (ev) => onCardKey(ev, key));
  return e;
}

/** Builds the columns (once per load): header, drop target, virtual list. */
function buildColumns(): void {
  const board = $('board');
  board.replaceChildren();
  lists.length = 0;
  stages.forEach((stage, i) => {
    const col = el('section', undefined, 'column');
    col.dataset.stage = stage.name;
    col.style.setProperty('--stage', stage.color);
    col.setAttribute('aria-label', stage.name);
    const head = el('header', undefined, 'column-head');
    const h2 = el('h2');
    h2.append(el('span', stage.name), el('span', '', 'count'));
    head.append(h2, el('div', '', 'figures'));
    if (stage.outcome !== 'Open') {
      const toggle = el('button') as HTMLButtonElement;
      toggle.type = 'button';
      toggle.addEventListener('click', () => {
        if (collapsed.has(stage.name)) collapsed.delete(stage.name);
        else collapsed.add(stage.name);
        refreshColumn(i);
      });
      head.append(toggle);
    }
    const box = el('div', undefined, 'cards');
    box.setAttribute('role', 'list');
    col.append(head, box);
    col.addEventListener('dragover', (ev) => {
      ev.preventDefault();
      if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'move';
      col.classList.add('drop');
    });
    col.addEventListener('dragleave', (ev) => {
      if (!col.contains(ev.relatedTarget as Node | null)) col.classList.remove('drop');
    });
    col.addEventListener('drop', (ev) => {
      ev.preventDefault();
      col.classList.remove('drop');
      const key = ev.dataTransfer?.getData('text/plain') ?? '';
      const card = cardByKey(key);
      if (card) void requestMove(card, stage);
    });
    board.append(col);
    lists.push(new VirtualList<BoardCard>(box, cardKey, makeCard));
  });
}

/** A column's header figures and cards, after a load, a filter change or a move. */
function refreshColumn(i: number): void {
  const column = columns[i] as BoardColumn;
  const section = $('board').children[i] as HTMLElement;
  const closed = collapsed.has(column.stage.name);
  section.classList.toggle('collapsed', closed);
  (section.querySelector('.count') as HTMLElement).textContent = String(column.count);
  (section.querySelector('.figures') as HTMLElement).textContent =
    `${money(column.total)} · weighted ${money(column.weighted)}`;
  const toggle = section.querySelector('.column-head button');
  if (toggle) toggle.textContent = closed ? 'Show cards' : 'Hide cards';
  (lists[i] as VirtualList<BoardCard>).setItems(closed ? [] : column.cards);
}

function refreshAll(): void {
  columns = boardColumns(stages, cards, filter);
  if (focusKey === undefined || !columns.some((c) => c.cards.some((x) => cardKey(x) === focusKey))) {
    const first = columns.find((c) => !collapsed.has(c.stage.name) && c.cards.length > 0)?.cards[0];
    focusKey = first ? cardKey(first) : undefined;
  }
  columns.forEach((_, i) => refreshColumn(i));
}

function renderOwners(): void {
  const select = $<HTMLSelectElement>('owner');
  const keep = select.value;
  select.replaceChildren(el('option', 'Everyone'));
  (select.firstChild as HTMLOptionElement).value = '';
  for (const o of ownersOf(cards)) {
    const opt = el('option', o) as HTMLOptionElement;
    opt.value = o;
    select.append(opt);
  }
  select.value = ownersOf(cards).includes(keep) ? keep : '';
  filter.owner = select.value;
}

function renderProblems(data: Extract<BoardData, { ok: true }>): void {
  const list = $('problems');
  list.hidden = data.problemCount === 0;
  list.replaceChildren(...data.problems.map((p) => el('li', p)));
  if (data.problemCount > data.problems.length)
    list.append(el('li', `… and ${data.problemCount - data.problems.length} more rows that could not be read`));
}

async function load(): Promise<void> {
  setStatus('Loading the board…');
  const started = Date.now();
  try {
    const data = await call('getBoard');
    if (!data.ok) {
      setStatus(data.message, 'error');
      return;
    }
    stages = data.stages;
    cards = data.cards;
    if (collapsed.size === 0) for (const s of stages) if (s.outcome !== 'Open') collapsed.add(s.name);
    renderOwners();
    renderProblems(data);
    buildColumns();
    refreshAll();
    const open = cards.filter((c) => stages[stageIndex(c.stage)]?.outcome === 'Open').length;
    const skipped = data.problemCount > 0 ? `; ${data.problemCount} rows could not be read (listed above)` : '';
    setStatus(`${open} open deals, ${cards.length - open} closed, from ${data.tab}${skipped}.`);
    document.body.dataset.loadedMs = String(Date.now() - started);
  } catch (e) {
    setStatus(`Could not load the board: ${(e as Error).message}`, 'error');
  }
}

async function selectDeal(key: string): Promise<void> {
  const card = cardByKey(key);
  if (!card) return;
  selectedKey = key;
  for (const e of Array.from(document.querySelectorAll('.card.selected'))) e.classList.remove('selected');
  document.querySelector(`.card[data-key="${CSS.escape(key)}"]`)?.classList.add('selected');
  try {
    const r = await call('selectDeal', { dealId: card.dealId, row: card.row });
    setStatus(r.ok ? `Selected row ${r.row}: ${card.name || card.dealId}.` : r.message, r.ok ? 'info' : 'error');
  } catch (e) {
    setStatus(`Could not select the row: ${(e as Error).message}`, 'error');
  }
}

// ---- focus and keys ----

function focusedPosition(): { column: number; index: number } | undefined {
  if (focusKey === undefined) return undefined;
  for (let c = 0; c < lists.length; c++) {
    const index = (lists[c] as VirtualList<BoardCard>).indexOf(focusKey);
    if (index >= 0) return { column: c, index };
  }
  return undefined;
}

function setFocus(key: string, move = true): void {
  const previous = focusKey;
  focusKey = key;
  if (previous !== undefined && previous !== key) {
    const old = document.querySelector<HTMLElement>(`.card[data-key="${CSS.escape(previous)}"]`);
    if (old) old.tabIndex = -1;
  }
  if (!move) {
    const now = document.querySelector<HTMLElement>(`.card[data-key="${CSS.escape(key)}"]`);
    if (now) now.tabIndex = 0;
  }
}

function focusAt(column: number, index: number): void {
  const list = lists[column];
  if (!list || list.length === 0) return;
  const i = Math.max(0, Math.min(list.length - 1, index));
  const item = (columns[column] as BoardColumn).cards[i] as BoardCard;
  setFocus(cardKey(item));
  const e = list.reveal(i);
  if (e) {
    e.tabIndex = 0;
    e.focus();
  }
}

/** The nearest column left (-1) or right (+1) that shows cards. */
function nextColumn(from: number, step: number): number | undefined {
  for (let c = from + step; c >= 0 && c < lists.length; c += step)
    if ((lists[c] as VirtualList<BoardCard>).length > 0) return c;
  return undefined;
}

function onCardKey(ev: KeyboardEvent, key: string): void {
  const card = cardByKey(key);
  const at = focusedPosition();
  if (!card || !at) return;
  const stage = stageIndex(card.stage);
  const go = (f: () => void): void => {
    ev.preventDefault();
    f();
  };
  if (ev.shiftKey && (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight')) {
    const to = stages[stage + (ev.key === 'ArrowLeft' ? -1 : 1)];
    return go(() => {
      if (to) void requestMove(card, to);
    });
  }
  switch (ev.key) {
    case 'ArrowUp':
      return go(() => focusAt(at.column, at.index - 1));
    case 'ArrowDown':
      return go(() => focusAt(at.column, at.index + 1));
    case 'Home':
      return go(() => focusAt(at.column, 0));
    case 'End':
      return go(() => focusAt(at.column, Number.MAX_SAFE_INTEGER));
    case 'ArrowLeft':
    case 'ArrowRight': {
      const c = nextColumn(at.column, ev.key === 'ArrowLeft' ? -1 : 1);
      return go(() => {
        if (c !== undefined) focusAt(c, at.index);
      });
    }
    case 'Enter':
      return go(() => openMoveMenu(card, ev.target as HTMLElement));
    case ' ':
      return go(() => void selectDeal(key));
  }
}

/** "Move to…": a menu of stages by the card; Up/Down, Enter to move, Escape to close. */
function openMoveMenu(card: BoardCard, from: HTMLElement): void {
  const menu = $('menu');
  const rect = from.getBoundingClientRect();
  menu.replaceChildren(el('div', 'Move to…', 'menu-title'));
  const buttons = stages.map((s) => {
    const b = el('button', s.name) as HTMLButtonElement;
    b.type = 'button';
    b.setAttribute('role', 'menuitem');
    if (s.name === card.stage) {
      b.setAttribute('aria-current', 'true');
      b.textContent = `${s.name} (now)`;
    }
    b.addEventListener('click', () => {
      close();
      if (s.name !== card.stage) void requestMove(card, s);
    });
    return b;
  });
  menu.append(...buttons);
  menu.style.left = `${Math.min(rect.left, innerWidth - 200)}px`;
  menu.style.top = `${Math.min(rect.top + 24, innerHeight - 40 - 26 * stages.length)}px`;
  menu.hidden = false;
  const close = (): void => {
    menu.hidden = true;
    menu.onkeydown = null;
    from.focus();
  };
  menu.onkeydown = (ev) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const n = buttons.length;
      buttons[(i + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
    } else if (ev.key === 'Escape' || ev.key === 'Tab') {
      ev.preventDefault();
      close();
    }
  };
  (buttons[stageIndex(card.stage) + 1] ?? buttons[0])?.focus();
}

// ---- moves ----

interface MoveChoice {
  note: string;
  override: boolean;
  lostReason: string;
}

/** The move dialog: a Lost move's reason, or a refused gate's reason with an override and its note. */
function askMove(
  card: BoardCard,
  to: BoardStage,
  reason: string,
  missing: readonly string[],
): Promise<MoveChoice | null> {
  const dialog = $<HTMLDialogElement>('move');
  $('move-title').textContent = `Move ${card.name || card.dealId} to ${to.name}`;
  $('move-reason').textContent = reason;
  $('move-missing').replaceChildren(...missing.map((m) => el('li', m)));
  $('override-label').hidden = missing.length === 0;
  const override = $<HTMLInputElement>('override');
  override.checked = false;
  $('lost-label').hidden = to.outcome !== 'Lost';
  const note = $<HTMLTextAreaElement>('note');
  note.value = '';
  $('move-confirm').textContent = missing.length > 0 ? 'Move with override' : 'Move';
  return new Promise((resolve) => {
    const done = (v: MoveChoice | null): void => {
      $('move-form').onsubmit = null;
      $('move-cancel').onclick = null;
      dialog.onclose = null;
      if (dialog.open) dialog.close();
      resolve(v);
    };
    $('move-form').onsubmit = (ev) => {
      ev.preventDefault();
      done({ note: note.value, override: override.checked, lostReason: $<HTMLTextAreaElement>('lost-reason').value });
    };
    $('move-cancel').onclick = () => done(null);
    dialog.onclose = () => done(null);
    dialog.showModal();
    (missing.length > 0 ? override : to.outcome === 'Lost' ? $('lost-reason') : note).focus();
  });
}

/** A move by drag or key: straight to the server; a refused gate or a Lost move asks first, then sends again. */
async function requestMove(card: BoardCard, to: BoardStage): Promise<void> {
  if (busy || to.name === card.stage) return;
  let choice: MoveChoice | null = { note: '', override: false, lostReason: '' };
  if (to.outcome === 'Lost') {
    $<HTMLTextAreaElement>('lost-reason').value = '';
    choice = await askMove(card, to, '', []);
    if (!choice) return restoreFocus(card);
  }
  for (;;) {
    const result = await send(card, to, choice);
    if (!result) return;
    if (result.ok || result.missing.length === 0) return;
    choice = await askMove(card, to, result.message, result.missing);
    if (!choice) {
      setStatus(`Not moved: ${result.message}`, 'error');
      return restoreFocus(card);
    }
  }
}

async function send(
  card: BoardCard,
  to: BoardStage,
  choice: MoveChoice,
): Promise<{ ok: true } | { ok: false; missing: string[]; message: string } | undefined> {
  const request: MoveDealRequest = {
    dealId: card.dealId,
    row: card.row,
    expectedStage: card.stage,
    toStage: to.name,
    ...choice,
  };
  busy = true;
  document.body.setAttribute('aria-busy', 'true');
  setStatus(`Moving ${card.name || card.dealId} to ${to.name}…`);
  try {
    const result = await call('moveBoardDeal', request);
    if (!result.ok) {
      if (result.missing.length === 0) setStatus(`${result.message} (Reload shows the sheet as it is now.)`, 'error');
      else setStatus(result.message, 'error');
      return result;
    }
    const key = cardKey(card);
    // The server re-reads only the moved row: its priority and slipped badge (which need the whole
    // pipeline and Stage History) stay as loaded until the board reloads.
    const movedCard: BoardCard = {
      ...result.card,
      ...(result.card.priority === undefined && card.priority !== undefined ? { priority: card.priority } : {}),
      badges: [...result.card.badges, ...card.badges.filter((b) => b.kind === 'slipped')],
    };
    cards = cards.map((c) => (cardKey(c) === key ? movedCard : c));
    const moved = cardKey(movedCard);
    if (focusKey === key) focusKey = moved;
    if (selectedKey === key) selectedKey = moved;
    refreshAll();
    setStatus(result.message, 'ok');
    restoreFocus(movedCard);
    return { ok: true };
  } catch (e) {
    setStatus(`The move failed: ${(e as Error).message}`, 'error');
    return undefined;
  } finally {
    busy = false;
    document.body.removeAttribute('aria-busy');
  }
}

/** Focus back on the card (in whatever column it is now), when it is shown. */
function restoreFocus(card: BoardCard): void {
  const key = cardKey(card);
  const c = columns.findIndex((col) => !collapsed.has(col.stage.name) && col.cards.some((x) => cardKey(x) === key));
  if (c < 0) return;
  focusAt(c, (lists[c] as VirtualList<BoardCard>).indexOf(key));
}

// ---- wiring ----

$<HTMLSelectElement>('owner').addEventListener('change', (e) => {
  filter.owner = (e.target as HTMLSelectElement).value;
  refreshAll();
});
let searchTimer = 0;
$<HTMLInputElement>('search').addEventListener('input', (e) => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(() => {
    filter.text = (e.target as HTMLInputElement).value;
    refreshAll();
  }, 120);
});
$('reload').addEventListener('click', () => void load());
document.addEventListener('click', (e) => {
  if (!$('menu').hidden && !(e.target as HTMLElement).closest('#menu')) $('menu').hidden = true;
});
void load();
