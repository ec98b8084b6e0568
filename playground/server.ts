/**
 * npm start: the local playground. Serves the page, the real built sidebar, and a JSON API over one
 * PlaygroundSession. Listens on localhost only; PORT (or --port N) chooses the port, 0 picks a free one.
 */
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { EmuSheet } from '../emulator';
import type { StateView } from './api-types';
import { applyImport, exportXlsx, ImportError, MAX_IMPORT_BYTES, readImport } from './import-export';
import { PlaygroundSession } from './session';
import { sheetView } from './view';

/** The project folder: the nearest one up from here holding package.json (this file runs bundled from build/). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot(__dirname);
const arg = (name: string): string | undefined => { const i = process.argv.indexOf(`--${name}`); return i >= 0 ? process.argv[i + 1] : undefined; };
const port = Number(arg('port') ?? process.env.PORT ?? 8787);
const dataFile = resolve(arg('data') ?? process.env.PLAYGROUND_DATA ?? join(root, 'playground-data', 'workbook.json'));
const session = new PlaygroundSession(dataFile, join(root, 'dist'));
const emu = session.emu;

const STATIC: Record<string, [string, string]> = {
  '/': [join(root, 'playground', 'public', 'index.html'), 'text/html; charset=utf-8'],
  '/style.css': [join(root, 'playground', 'public', 'style.css'), 'text/css; charset=utf-8'],
  '/app.js': [join(root, 'build', 'playground', 'app.js'), 'text/javascript; charset=utf-8'],
  '/vendor/chart.js': [join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'), 'text/javascript; charset=utf-8'],
};

/** google.script.run in the sidebar, bridged to the bundle through /api/run. */
const SHIM = `<script>(function(){
  function runner(ok, fail){ return new Proxy({}, { get: function(_t, name){
    if (name === 'withSuccessHandler') return function(f){ return runner(f, fail); };
    if (name === 'withFailureHandler') return function(f){ return runner(ok, f); };
    if (name === 'withUserObject') return function(){ return runner(ok, fail); };
    return function(){ var args = Array.prototype.slice.call(arguments);
      fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fn: name, args: args }) })
        .then(function(r){ return r.json(); })
        .then(function(r){ if (parent !== window) parent.postMessage('pipeline-changed', '*'); if (r.error) { if (fail) fail(new Error(r.error)); } else if (ok) ok(r.result); })
        .catch(function(e){ if (fail) fail(e); });
    }; } }); }
  window.google = { script: { run: runner(), host: { close: function(){ parent.postMessage('pipeline-close-sidebar', '*'); } } } };
})();</script>`;

const send = (res: ServerResponse, status: number, body: string | Buffer, type = 'application/json; charset=utf-8'): void => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
};
const json = (res: ServerResponse, value: unknown, status = 200): void => send(res, status, JSON.stringify(value));

function body(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Past the limit the rest is read and dropped, so the sender still gets the answer.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? fail(new ImportError(`The upload is ${(size / 1024 / 1024).toFixed(1)} MB; the playground takes files up to ${Math.floor(limit / 1024 / 1024)} MB.`)) : ok(Buffer.concat(chunks))));
    req.on('error', fail);
  });
}

const sheetNamed = (name: unknown): EmuSheet => {
  const s = emu.counter.quiet(() => emu.book.getSheetByName(String(name)));
  if (!s) throw new ImportError(`There is no tab named ${JSON.stringify(name)}.`);
  return s;
};

function state(): StateView {
  return emu.counter.quiet(() => ({
    sheets: emu.book._sheets().filter((s) => !s.isSheetHidden()).map((s) => s.getName()),
    active: emu.book.getActiveSheet().getName(),
    menus: emu.ui.menus,
    now: new Date(emu.clock.now()).toISOString(),
    timeZone: emu.book.getSpreadsheetTimeZone(),
    triggers: emu.triggers.triggers.map((t) => ({ id: t.id, handler: t.handler, type: t.eventType, everyHours: t.everyMs ? t.everyMs / 3_600_000 : null, nextRun: t.nextRun ? new Date(t.nextRun).toISOString() : null })),
    sidebar: emu.ui.sidebar ? emu.ui.sidebar.getTitle() || 'Sidebar' : null,
  }));
}

async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const path = url.pathname;
  const file = STATIC[path];
  if (req.method === 'GET' && file) return send(res, 200, readFileSync(file[0]), file[1]);
  if (req.method === 'GET' && path === '/sidebar') {
    const html = emu.ui.sidebar?.getContent();
    if (!html) return send(res, 404, 'No sidebar is open.', 'text/plain; charset=utf-8');
    return send(res, 200, html.replace(/<head>/i, `<head>${SHIM}`), 'text/html; charset=utf-8');
  }
  if (req.method === 'GET' && path === '/api/state') return json(res, state());
  if (req.method === 'GET' && path === '/api/sheet') return json(res, sheetView(emu, sheetNamed(url.searchParams.get('name')), session.computed));
  if (req.method === 'GET' && path === '/api/export.xlsx') {
    return send(res, 200, await exportXlsx(emu), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
  if (req.method !== 'POST') return send(res, 404, 'Not found', 'text/plain; charset=utf-8');

  if (path === '/api/import') {
    const name = url.searchParams.get('name') ?? '';
    const bytes = await body(req, MAX_IMPORT_BYTES + 1);
    const grid = await readImport(emu, name, bytes);
    const result = session.act(() => applyImport(emu, grid));
    return json(res, { ...result, message: `Imported ${grid.length - 1} deals from ${name}.` });
  }
  const input = JSON.parse((await body(req, 1024 * 1024)).toString('utf8') || '{}') as Record<string, unknown>;
  switch (path) {
    case '/api/select': {
      const sheet = sheetNamed(input.sheet);
      emu.counter.quiet(() => { sheet.activate(); sheet.getRange(Number(input.row), Number(input.col)).activate(); });
      return json(res, { ok: true });
    }
    case '/api/tab': {
      const sheet = sheetNamed(input.sheet);
      emu.counter.quiet(() => sheet.activate());
      return json(res, { ok: true });
    }
    case '/api/edit': {
      const sheet = sheetNamed(input.sheet);
      const row = Number(input.row);
      const col = Number(input.col);
      const range = emu.counter.quiet(() => sheet.getRange(row, col));
      const old = emu.counter.quiet(() => range.getValue());
      const value = typeof input.value === 'boolean' ? input.value : String(input.value ?? '');
      return json(res, session.act(() => emu.edit(range, [[value]], old === '' ? undefined : old)));
    }
    case '/api/menu': {
      const fn = String(input.fn ?? '');
      const allowed = emu.ui.menus.flatMap((m) => m.items).some((i) => i !== 'separator' && i.functionName === fn);
      if (!allowed) return json(res, { error: `${fn} is not a menu item.` }, 400);
      return json(res, session.act(() => emu.call(fn), Array.isArray(input.answers) ? (input.answers as { button: string; text?: string }[]) : []));
    }
    case '/api/run': {
      const fn = String(input.fn ?? '');
      if (!/^[A-Za-z_$][\w$]*$/.test(fn) || typeof emu.global(fn) !== 'function') return json(res, { error: `Script function not found: ${fn}` });
      let result: unknown;
      const r = session.act(() => { result = emu.call(fn, ...(Array.isArray(input.args) ? input.args : [])); });
      // Like google.script.run: results travel as JSON (a Date inside would arrive as null in Sheets).
      return json(res, r.error ? { error: r.error } : { result: result === undefined ? null : JSON.parse(JSON.stringify(result)) });
    }
    case '/api/trigger': {
      const t = emu.triggers.triggers.find((x) => x.id === String(input.id));
      if (!t) return json(res, { error: 'No such trigger.' }, 400);
      return json(res, session.act(() => emu.runTrigger(t)));
    }
    case '/api/advance': {
      const hours = Math.max(1, Math.min(24 * 31, Number(input.hours ?? 24)));
      return json(res, { ran: session.advance(hours) });
    }
    case '/api/close-sidebar':
      emu.ui.sidebar = undefined;
      return json(res, { ok: true });
    case '/api/reset':
      session.reset();
      return json(res, { ok: true });
    default:
      return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}

const server = createServer((req, res) => {
  route(req, res).catch((e: unknown) => {
    if (e instanceof ImportError) json(res, { error: e.message }, 400);
    else json(res, { error: `Playground error: ${(e as Error).message}` }, 500);
  });
});
server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`Deal Pipeline playground: http://localhost:${actual}/  (workbook saved in ${dataFile})`);
});
