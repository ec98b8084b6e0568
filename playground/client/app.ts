/**
 * The playground page: a grid over the emulated spreadsheet, the add-on menu, the real sidebar in a
 * panel, dialogs, triggers and the clock. All sheet text is rendered with textContent.
 */
import { TOKEN_HEADER, TOKEN_META } from '../api-types';
import type {
  ActionResult,
  CellView,
  ChartView,
  PostPath,
  PostRoutes,
  PromptAnswer,
  SheetView,
  StateView,
} from '../api-types';
import { MAX_IMPORT_BYTES } from '../import/limits';

declare const Chart: new (canvas: HTMLCanvasElement, config: unknown) => { destroy(): void };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
/** This server run's token, from the served page: every change carries it. */
const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content ?? '';
let state: StateView;
let view: SheetView | undefined;
let selected = { row: 1, col: 1 };
let charts: { destroy(): void }[] = [];
/** The server's selection at the last refresh: when the add-on moves it (the board selects a row), the grid follows. */
let serverSelection = '';

async function send<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const data = (await res.json()) as T & { error?: string };
  if (!res.ok && data.error) throw new Error(data.error);
  return data;
}
/** A POST route, typed by the shared API module. */
const post = <P extends PostPath>(path: P, body: PostRoutes[P]['request']): Promise<PostRoutes[P]['response']> =>
  send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(body),
  });

/** A file's bytes as base64, for the JSON import request. */
function base64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

function letters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function toast(text: string): void {
  const t = $('toast');
  t.textContent = text;
  t.hidden = false;
  setTimeout(() => {
    t.hidden = true;
  }, 3500);
}

/** A modal dialog; resolves with the typed text (prompt) or '' (alert), or null on Cancel. */
function dialog(title: string, text: string, ask = false): Promise<string | null> {
  return new Promise((resolve) => {
    $('dialog-title').textContent = title || 'Deal Pipeline';
    $('dialog-text').textContent = text;
    const input = $<HTMLInputElement>('dialog-input');
    input.hidden = !ask;
    input.value = '';
    $('dialog-cancel').hidden = !ask;
    $('dialog').hidden = false;
    (ask ? input : $('dialog-ok')).focus();
    const done = (v: string | null): void => {
      $('dialog').hidden = true;
      $('dialog-ok').onclick = null;
      $('dialog-cancel').onclick = null;
      input.onkeydown = null;
      resolve(v);
    };
    $('dialog-ok').onclick = () => done(ask ? input.value : '');
    $('dialog-cancel').onclick = () => done(null);
    input.onkeydown = (e) => {
      if (e.key === 'Enter') done(input.value);
      if (e.key === 'Escape') done(null);
    };
  });
}

async function handle(result: ActionResult, rerun?: (answers: PromptAnswer[]) => Promise<ActionResult>): Promise<void> {
  if (result.prompt && rerun) {
    const answer = await dialog(result.prompt.title, result.prompt.prompt, true);
    return handle(await rerun([{ button: answer === null ? 'CANCEL' : 'OK', text: answer ?? '' }]));
  }
  if (result.error) await dialog('Error', result.error);
  for (const a of result.alerts ?? []) await dialog(a.title, a.prompt);
  if (result.message) toast(result.message);
  await refresh(result.sidebarOpened === true, result.dialogOpened === true);
}

function renderMenus(): void {
  const menu = $('extensions-menu');
  menu.replaceChildren();
  for (const m of state.menus) {
    const title = document.createElement('div');
    title.className = 'title';
    title.textContent = m.title;
    menu.append(title);
    for (const item of m.items) {
      if (item === 'separator') {
        menu.append(document.createElement('hr'));
        continue;
      }
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'item';
      b.setAttribute('role', 'menuitem');
      b.textContent = item.caption;
      b.onclick = async () => {
        closeMenus();
        const run = (answers: PromptAnswer[] = []): Promise<ActionResult> =>
          post('/api/menu', { fn: item.functionName, answers });
        await handle(await run(), run);
      };
      menu.append(b);
    }
  }
}

function renderTriggers(): void {
  const menu = $('triggers-menu');
  menu.replaceChildren();
  const title = document.createElement('div');
  title.className = 'title';
  title.textContent = state.triggers.length
    ? 'Installed triggers'
    : 'No triggers installed (turn on daily automation from the menu)';
  menu.append(title);
  for (const t of state.triggers) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'item';
    b.textContent = `Run now: ${t.handler} (${t.type}${t.everyHours ? `, every ${t.everyHours} h` : ''})`;
    b.onclick = async () => {
      closeMenus();
      await handle(await post('/api/trigger', { id: t.id }));
    };
    menu.append(b);
  }
  // The Outbox: mail the add-on sent (the daily digest), read from the emulator's MailApp.
  const outbox = document.createElement('div');
  outbox.className = 'title';
  outbox.textContent = state.outbox.length ? 'Outbox (mail sent by the add-on)' : 'Outbox: no mail sent yet';
  menu.append(outbox);
  for (const m of state.outbox) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'item';
    b.textContent = `${m.at.slice(0, 16).replace('T', ' ')} to ${m.to}: ${m.subject}`;
    b.onclick = async () => {
      closeMenus();
      await dialog(`Mail to ${m.to} (from ${m.from})`, `${m.subject}\n\n${m.body}`);
    };
    menu.append(b);
  }
}

function renderTabs(): void {
  const tabs = $('tabs');
  tabs.replaceChildren(
    ...state.sheets.map((name) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(name === state.active));
      b.textContent = name;
      b.onclick = async () => {
        await post('/api/tab', { sheet: name });
        selected = { row: 1, col: 1 };
        await refresh();
        $('grid-wrap').scrollTo(0, 0);
      };
      return b;
    }),
  );
}

function cellAt(row: number, col: number): CellView | undefined {
  return view?.cells[row - 1]?.[col - 1];
}

function showSelection(): void {
  document.querySelectorAll('.grid td.sel').forEach((td) => td.classList.remove('sel'));
  document.querySelector(`.grid td[data-r="${selected.row}"][data-c="${selected.col}"]`)?.classList.add('sel');
  $('cell-name').textContent = `${letters(selected.col)}${selected.row}`;
  const c = cellAt(selected.row, selected.col);
  $<HTMLInputElement>('formula').value = c?.f ?? c?.v ?? '';
}

async function select(row: number, col: number): Promise<void> {
  selected = { row, col };
  showSelection();
  if (view) await post('/api/select', { sheet: view.name, row, col });
}

async function commit(row: number, col: number, value: string | boolean): Promise<void> {
  if (!view) return;
  await handle(await post('/api/edit', { sheet: view.name, row, col, value }));
}

function edit(td: HTMLTableCellElement, row: number, col: number, initial?: string): void {
  const c = cellAt(row, col);
  if (!c || c.cb !== undefined || td.classList.contains('editing')) return;
  td.classList.add('editing');
  const field = c.dd && initial === undefined ? document.createElement('select') : document.createElement('input');
  if (field instanceof HTMLSelectElement) {
    for (const option of ['', ...(c.dd ?? [])]) {
      const o = document.createElement('option');
      o.value = o.textContent = option;
      field.append(o);
    }
    field.value = c.v ?? '';
    field.onchange = () => {
      void commit(row, col, field.value);
    };
  } else field.value = initial ?? c.f ?? c.v ?? '';
  td.replaceChildren(field);
  field.focus();
  field.onkeydown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void commit(row, col, field.value).then(() => select(row + 1, col));
    }
    if (e.key === 'Escape') void refresh();
  };
  field.onblur = () => {
    if (td.classList.contains('editing')) void refresh();
  };
}

function renderGrid(): void {
  if (!view) return;
  const table = $('grid');
  const head = document.createElement('thead');
  const hr = document.createElement('tr');
  const corner = document.createElement('th');
  corner.className = 'rowhead corner';
  hr.append(corner);
  for (let c = 1; c <= view.columns; c++) {
    const th = document.createElement('th');
    th.textContent = letters(c);
    hr.append(th);
  }
  head.append(hr);
  const body = document.createElement('tbody');
  view.cells.forEach((cells, i) => {
    const row = i + 1;
    const tr = document.createElement('tr');
    if (row <= view!.frozenRows) tr.className = 'frozen';
    const th = document.createElement('th');
    th.className = 'rowhead';
    th.textContent = String(row);
    tr.append(th);
    cells.forEach((c, j) => {
      const col = j + 1;
      const td = document.createElement('td');
      td.dataset.r = String(row);
      td.dataset.c = String(col);
      const cls = [
        c.num ? 'num' : '',
        c.b ? 'bold' : '',
        c.spill ? 'spill' : '',
        c.err ? 'err' : '',
        c.n ? 'note' : '',
        c.dd ? 'dd' : '',
      ].filter(Boolean);
      td.className = cls.join(' ');
      if (c.bg && c.bg !== '#ffffff') td.style.background = c.bg;
      if (c.fc) td.style.color = c.fc;
      if (c.n || c.err) td.title = c.err ?? c.n ?? '';
      if (c.cb !== undefined) {
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.checked = c.cb;
        box.setAttribute('aria-label', `${letters(col)}${row}`);
        box.onchange = () => {
          void commit(row, col, box.checked);
        };
        td.append(box);
      } else td.textContent = c.t;
      td.onclick = () => {
        void select(row, col);
      };
      td.ondblclick = () => edit(td, row, col);
      tr.append(td);
    });
    body.append(tr);
  });
  table.replaceChildren(head, body);
  showSelection();
}

function renderCharts(list: ChartView[]): void {
  for (const c of charts) c.destroy();
  charts = [];
  const box = $('charts');
  box.replaceChildren();
  const colors = ['#1a73e8', '#34a853', '#fbbc04', '#ea4335'];
  for (const spec of list) {
    const wrap = document.createElement('div');
    wrap.className = 'chart';
    wrap.dataset.title = spec.title;
    const canvas = document.createElement('canvas');
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', spec.title);
    wrap.append(canvas);
    box.append(wrap);
    charts.push(
      new Chart(canvas, {
        type: spec.type === 'LINE' ? 'line' : 'bar',
        data: {
          labels: spec.labels,
          // A stacked chart is a waterfall: its first series (the base) is drawn invisible, as in Sheets.
          datasets: spec.series.map((s, i) => ({
            label: s.name,
            data: s.data,
            backgroundColor: spec.stacked && i === 0 ? 'transparent' : (spec.colors?.[i] ?? colors[i % colors.length]),
            borderColor: spec.stacked && i === 0 ? 'transparent' : (spec.colors?.[i] ?? colors[i % colors.length]),
          })),
        },
        options: {
          scales: spec.stacked ? { x: { stacked: true }, y: { stacked: true } } : {},
          indexAxis: spec.type === 'BAR' ? 'y' : 'x',
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            title: { display: true, text: spec.title },
            legend: {
              display: spec.series.length > 1,
              position: spec.colors ? 'right' : 'top',
              // A waterfall's invisible base has no legend entry.
              labels: { filter: (item: { datasetIndex?: number }) => !(spec.stacked && item.datasetIndex === 0) },
            },
          },
        },
      }),
    );
  }
}

async function refresh(reloadSidebar = false, reloadDialog = false): Promise<void> {
  state = await send<StateView>('/api/state');
  $('clock').textContent =
    `${new Date(state.now).toLocaleString('en-US', { timeZone: state.timeZone, dateStyle: 'medium', timeStyle: 'short' })} (${state.timeZone})`;
  renderMenus();
  renderTriggers();
  renderTabs();
  // The panels first: a sidebar or dialog starts loading while the grid is fetched and drawn.
  const side = $('sidebar');
  side.hidden = state.sidebar === null;
  $('sidebar-title').textContent = state.sidebar ?? '';
  const frame = $<HTMLIFrameElement>('sidebar-frame');
  if (state.sidebar !== null && (reloadSidebar || !frame.src)) frame.src = `/sidebar?open=${Date.now()}`;
  const dialogBox = $('html-dialog');
  dialogBox.hidden = state.dialog === null;
  const dialogFrame = $<HTMLIFrameElement>('html-dialog-frame');
  if (state.dialog !== null) {
    $('html-dialog-title').textContent = state.dialog.title;
    const box = dialogBox.firstElementChild as HTMLElement;
    box.style.width = `${state.dialog.width}px`;
    box.style.height = `${state.dialog.height + 36}px`;
    if (reloadDialog || !dialogFrame.src) dialogFrame.src = `/dialog?open=${Date.now()}`;
  } else dialogFrame.removeAttribute('src');
  view = await send<SheetView>(`/api/sheet?name=${encodeURIComponent(state.active)}`);
  const moved = JSON.stringify([state.active, state.selection]);
  const follow = serverSelection !== '' && moved !== serverSelection && state.selection !== null;
  serverSelection = moved;
  if (follow && state.selection) selected = { row: state.selection.row, col: state.selection.col };
  renderGrid();
  if (follow) document.querySelector('.grid td.sel')?.scrollIntoView({ block: 'center' });
  renderCharts(view.charts);
}

function closeMenus(): void {
  for (const id of ['extensions', 'file', 'triggers']) {
    $(`${id}-menu`).hidden = true;
    $(id).setAttribute('aria-expanded', 'false');
  }
}

for (const id of ['extensions', 'file', 'triggers']) {
  $(id).onclick = (e) => {
    e.stopPropagation();
    const open = $(`${id}-menu`).hidden;
    closeMenus();
    $(`${id}-menu`).hidden = !open;
    $(id).setAttribute('aria-expanded', String(open));
  };
}
document.addEventListener('click', (e) => {
  if (!(e.target as HTMLElement).closest('.dropdown')) closeMenus();
});
$('advance').onclick = async () => {
  const r = await post('/api/advance', { hours: 24 });
  toast(`Moved the clock forward a day; ${r.ran} trigger run${r.ran === 1 ? '' : 's'}.`);
  await refresh();
};
$('reset').onclick = async () => {
  closeMenus();
  await post('/api/reset', {});
  await refresh();
  toast('Back to the demo workbook.');
};
$('sidebar-close').onclick = async () => {
  await post('/api/close-sidebar', {});
  $<HTMLIFrameElement>('sidebar-frame').removeAttribute('src');
  await refresh();
};
$('html-dialog-close').onclick = async () => {
  await post('/api/close-dialog', {});
  await refresh();
};
$<HTMLInputElement>('import').onchange = async (e) => {
  closeMenus();
  const input = e.target as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  if (!file) return;
  if (file.size > MAX_IMPORT_BYTES) {
    await dialog(
      'Import',
      `Nothing was imported: ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the playground imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
    return;
  }
  const formulas = $<HTMLInputElement>('import-formulas').checked;
  const res = await fetch('/api/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({
      name: file.name,
      formulas,
      content: await base64(file),
    } satisfies PostRoutes['/api/import']['request']),
  });
  const data = (await res.json()) as ActionResult & { error?: string };
  if (!res.ok) {
    await dialog('Import', data.error ?? 'The import failed.');
    return;
  }
  await handle(data);
};
$<HTMLInputElement>('formula').onkeydown = (e) => {
  if (e.key === 'Enter') void commit(selected.row, selected.col, (e.target as HTMLInputElement).value);
};
$('grid-wrap').onkeydown = (e) => {
  if (
    $('dialog').hidden === false ||
    (e.target as HTMLElement).tagName === 'INPUT' ||
    (e.target as HTMLElement).tagName === 'SELECT'
  )
    return;
  const moves: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
    Tab: [0, 1],
  };
  const m = moves[e.key];
  if (m) {
    e.preventDefault();
    void select(Math.max(1, selected.row + m[0]), Math.max(1, selected.col + m[1]));
    return;
  }
  const td = document.querySelector<HTMLTableCellElement>(
    `.grid td[data-r="${selected.row}"][data-c="${selected.col}"]`,
  );
  if (!td) return;
  if (e.key === 'Enter' || e.key === 'F2') {
    e.preventDefault();
    edit(td, selected.row, selected.col);
  } else if (e.key === 'Delete' || e.key === 'Backspace') {
    e.preventDefault();
    void commit(selected.row, selected.col, '');
  } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    edit(td, selected.row, selected.col, e.key);
  }
};
window.addEventListener('message', (e) => {
  // Only the sidebar or dialog frame this page opened, from this origin, may ask for a refresh or a close.
  if (e.origin !== location.origin) return;
  const fromSidebar = e.source === $<HTMLIFrameElement>('sidebar-frame').contentWindow;
  const fromDialog = e.source === $<HTMLIFrameElement>('html-dialog-frame').contentWindow;
  if (!fromSidebar && !fromDialog) return;
  if (e.data === 'pipeline-changed') void refresh();
  if (e.data === 'pipeline-close-sidebar') $(fromSidebar ? 'sidebar-close' : 'html-dialog-close').click();
});
void refresh();
