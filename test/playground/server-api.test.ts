/**
 * The playground's API in process, over the built dist/Code.js: which bundle functions a request
 * can reach (only declared entry points, per route), what a refused or unknown request gets, and
 * that none of them changes the saved workbook.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOARD_FUNCTIONS, declaredEntryPoints, SIDEBAR_FUNCTIONS } from '../../playground/entry-points';
import { createPlayground, Playground } from '../../playground/http/app';
import { PlaygroundSession } from '../../playground/session';

const root = join(__dirname, '..', '..');
let dir: string;
let dataFile: string;
let playground: Playground;
let port: number;
const refusals: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'playground-api-'));
  dataFile = join(dir, 'workbook.json');
  playground = createPlayground(root, new PlaygroundSession(dataFile, join(root, 'dist')), (line) =>
    refusals.push(line),
  );
  port = await playground.listen(0);
});
afterAll(async () => {
  await new Promise<void>((r) => playground.server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  type: string;
  body: string;
}
/** A raw request: any Host, any headers (Node sends what it is told, as a DNS-rebinding browser would). */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => {
        text += c.toString();
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}
const page = (): Record<string, string> => ({
  host: `localhost:${port}`,
  origin: `http://localhost:${port}`,
  'content-type': 'application/json',
  'x-playground-token': playground.token,
});
const post = (path: string, body: unknown, headers = page()): Promise<Reply> =>
  send('POST', path, headers, JSON.stringify(body));
const saved = (): string => readFileSync(dataFile, 'utf8');

test('the entry points read from dist/Code.js are exactly the functions src/main.ts exports', () => {
  const declared = declaredEntryPoints(readFileSync(join(root, 'dist', 'Code.js'), 'utf8'));
  // Read here from the source, independently of the stubs: every `export function NAME` of src/main.ts.
  const exported = [...readFileSync(join(root, 'src', 'main.ts'), 'utf8').matchAll(/^export function (\w+)/gm)].map(
    (m) => m[1],
  );
  expect([...declared].sort()).toEqual([...exported].sort());
  for (const fn of [...SIDEBAR_FUNCTIONS, ...BOARD_FUNCTIONS]) expect(declared.has(fn)).toBe(true);
});

test('the served page carries the token; a page served under another Host name does not', async () => {
  const ok = await send('GET', '/', { host: `127.0.0.1:${port}` });
  expect(ok.status).toBe(200);
  expect(ok.body).toContain(`<meta name="playground-token" content="${playground.token}">`);
  expect(ok.body).not.toBe('');
  const rebound = await send('GET', '/', { host: `rebind.example:${port}` });
  expect(rebound.status).toBe(403);
  expect(rebound.body).not.toContain(playground.token);
  expect(JSON.parse(rebound.body).error).toMatch(/Host "rebind.example:\d+" is not this playground/);
  expect((await send('GET', '/api/state', { host: `rebind.example:${port}` })).status).toBe(403);
});

test('with the token, /api/run still reaches only the sidebar API: eval, Function, internals, custom functions and menu items are "not found"', async () => {
  const before = saved();
  const marker = join(dir, 'pwned');
  const payload = `SpreadsheetApp.constructor.constructor('return process')().mainModule.require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  for (const fn of [
    'eval',
    'Function',
    'constructor',
    '__adopt',
    'SpreadsheetApp',
    'DealPipeline',
    'WIN_RATE',
    'menuSetUpPipeline',
    'onEdit',
    'onAutomationTick',
    'toString',
    'getSelectedDeal.call',
    'menuOpenBoard',
    'getBoard.apply',
  ]) {
    const r = await post('/api/run', { fn, args: [payload] });
    expect({ fn, status: r.status, body: JSON.parse(r.body) }).toEqual({
      fn,
      status: 400,
      body: { error: `Script function not found: ${fn}` },
    });
  }
  expect(existsSync(marker)).toBe(false);
  const selected = await post('/api/run', { fn: 'getSelectedDeal', args: [] });
  expect(selected.status).toBe(200);
  expect(JSON.parse(selected.body).result).toHaveProperty('ok');
  // The board's API too; a read-only call saves nothing and says so (the page need not refresh the grid).
  const board = await post('/api/run', { fn: 'getBoard', args: [] });
  expect(board.status).toBe(200);
  expect(JSON.parse(board.body)).toMatchObject({ result: { ok: true }, unchanged: true });
  const bad = await post('/api/run', { fn: 'selectDeal', args: [{ dealId: payload, row: -1 }] });
  expect(JSON.parse(bad.body).result).toEqual({ ok: false, message: expect.stringMatching(/row must be/) });
  expect(saved()).toBe(before);
});

test('/api/menu runs only the menu items the add-on built; /api/trigger only installed triggers', async () => {
  const before = saved();
  for (const fn of ['eval', 'getSelectedDeal', 'WIN_RATE', 'onOpen']) {
    const r = await post('/api/menu', { fn, answers: [] });
    expect({ fn, status: r.status, error: JSON.parse(r.body).error }).toEqual({
      fn,
      status: 400,
      error: `${fn} is not a menu item.`,
    });
  }
  expect((await post('/api/trigger', { id: 'eval' })).status).toBe(400);
  expect(saved()).toBe(before);
});

test('each change without the token, as text/plain, from another origin or without one is refused and changes nothing', async () => {
  const before = saved();
  const routes: [string, unknown][] = [
    ['/api/run', { fn: 'moveDeal', args: [{}] }],
    ['/api/reset', {}],
    ['/api/edit', { sheet: 'Deals', row: 2, col: 2, value: 'pwned' }],
    [
      '/api/import',
      { name: 'x.csv', formulas: false, content: Buffer.from('Deal,Stage\nA,Lead\n').toString('base64') },
    ],
    ['/api/menu', { fn: 'menuSetUpPipeline', answers: [] }],
    ['/api/advance', { hours: 24 }],
    ['/api/tab', { sheet: 'Forecast' }],
  ];
  const { 'x-playground-token': _t, ...tokenless } = page();
  const { origin: _o, ...originless } = page();
  const variants: [string, Record<string, string>, number][] = [
    ['no token', tokenless, 403],
    ['text/plain', { ...page(), 'content-type': 'text/plain' }, 415],
    ['foreign origin', { ...page(), origin: 'http://127.0.0.1:1' }, 403],
    ['no origin', originless, 403],
    ['rebound host', { ...page(), host: `evil.example:${port}`, origin: `http://evil.example:${port}` }, 403],
  ];
  for (const [path, body] of routes) {
    for (const [name, headers, status] of variants) {
      const r = await post(path, body, headers);
      expect({ path, name, status: r.status, json: r.type.startsWith('application/json') }).toEqual({
        path,
        name,
        status,
        json: true,
      });
    }
  }
  expect(saved()).toBe(before);
  expect(refusals.length).toBeGreaterThanOrEqual(routes.length * variants.length);
});

test('unknown routes and methods get a JSON 404/405; a malformed or oversized request a JSON 400/413; nothing changes', async () => {
  const before = saved();
  const cases: [Promise<Reply>, number][] = [
    [post('/api/eval', {}), 404],
    [send('GET', '/api/nothing', { host: `localhost:${port}` }), 404],
    [send('DELETE', '/api/reset', page()), 405],
    [send('OPTIONS', '/api/run', page()), 405],
    [send('POST', '/api/edit', page(), '{not json'), 400],
    [post('/api/edit', ['a']), 400],
    [post('/api/edit', { sheet: 'Deals', row: 0, col: 1, value: 'x' }), 400],
    [post('/api/edit', { sheet: 'Deals', row: 2.5, col: 1, value: 'x' }), 400],
    [post('/api/edit', { sheet: 'Deals', row: 99_999, col: 1, value: 'x' }), 400],
    [post('/api/edit', { sheet: 'Deals', row: 2, col: 1, value: { toString: 1 } }), 400],
    [post('/api/edit', { sheet: 'Nope', row: 2, col: 1, value: 'x' }), 400],
    [post('/api/advance', { hours: 10_000 }), 400],
    [post('/api/import', { name: 'x.csv', formulas: false, content: '!!not base64!!' }), 400],
    [post('/api/edit', { sheet: 'Deals', row: 2, col: 1, value: 'x'.repeat(300_000) }), 413],
  ];
  for (const [reply, status] of cases) {
    const r = await reply;
    expect({
      status: r.status,
      json: r.type.startsWith('application/json'),
      error: typeof JSON.parse(r.body).error,
    }).toEqual({ status, json: true, error: 'string' });
  }
  expect(saved()).toBe(before);
});

test('a legitimate edit with the token goes through (the checks do not stop the page)', async () => {
  const r = await post('/api/edit', { sheet: 'Forecast', row: 1, col: 5, value: 'Checked' });
  expect(r.status).toBe(200);
  const sheet = await send('GET', '/api/sheet?name=Forecast', { host: `localhost:${port}` });
  expect(JSON.parse(sheet.body).cells[0][4].t).toBe('Checked');
});
