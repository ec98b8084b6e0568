/**
 * The built playground server (build/playground/server.cjs) as a child process, for the browser
 * tests, and the requests a legitimate page makes: the token read from the served page, JSON POSTs.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

export const root = join(__dirname, '..', '..');

export interface PlaygroundServer {
  url: string;
  port: number;
  proc: ChildProcess;
  /** Everything the server wrote to stderr (its refusals) so far. */
  log(): string;
}

export function buildPlayground(): void {
  execFileSync(process.execPath, [join(root, 'scripts/build-playground.mjs')]);
}

/** Servers still running: stopped after the test file even when a test failed half-way (else jest never exits). */
const running = new Set<ChildProcess>();
afterAll(() => {
  for (const proc of running) proc.kill();
});

export function startServer(dataFile: string): Promise<PlaygroundServer> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [join(root, 'build/playground/server.cjs'), '--port', '0', '--data', dataFile],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    running.add(proc);
    proc.once('exit', () => running.delete(proc));
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}${err}`)), 60_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /http:\/\/localhost:(\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[0], port: Number(m[1]), proc, log: () => err });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => {
      err += c.toString();
    });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}${err}`)));
  });
}

export const stopServer = (s: PlaygroundServer): Promise<void> =>
  new Promise((r) => {
    if (s.proc.exitCode !== null || s.proc.signalCode !== null) {
      r();
      return;
    }
    s.proc.once('exit', () => r());
    s.proc.kill();
  });

/** The token the served page carries, read as the page reads it. */
export async function pageToken(s: PlaygroundServer): Promise<string> {
  const page = await (await fetch(s.url)).text();
  const m = /<meta name="playground-token" content="([0-9a-f]+)">/.exec(page);
  if (!m) throw new Error('the page carries no token');
  return m[1] as string;
}

/** A POST as the playground page sends it: same origin, JSON, with the token. */
export async function legitPost(
  s: PlaygroundServer,
  path: string,
  body: unknown,
  token: string,
): Promise<{ status: number; json: { error?: string; message?: string } & Record<string, unknown> }> {
  const r = await fetch(`${s.url}${path.replace(/^\//, '')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.url.replace(/\/$/, ''), 'x-playground-token': token },
    body: JSON.stringify(body),
  });
  return { status: r.status, json: (await r.json()) as { error?: string; message?: string } };
}

/** An import as the page sends it. */
export const legitImport = (
  s: PlaygroundServer,
  token: string,
  name: string,
  bytes: string | Buffer,
  formulas = false,
): ReturnType<typeof legitPost> =>
  legitPost(s, '/api/import', { name, formulas, content: Buffer.from(bytes).toString('base64') }, token);

export interface Cell {
  t: string;
  f?: string;
  v?: string;
  cb?: boolean;
}

/** A tab as the page reads it. */
export async function sheetCells(s: PlaygroundServer, name: string): Promise<Cell[][]> {
  const r = await fetch(`${s.url}api/sheet?name=${encodeURIComponent(name)}`);
  return ((await r.json()) as { cells: Cell[][] }).cells;
}

/** Every visible tab's cells and the workbook state, for "nothing changed" checks. */
export async function workbookSnapshot(s: PlaygroundServer): Promise<string> {
  const state = (await (await fetch(`${s.url}api/state`)).json()) as { sheets: string[] };
  const tabs = await Promise.all(state.sheets.map(async (name) => [name, await sheetCells(s, name)] as const));
  return JSON.stringify({ state, tabs });
}

/** Polls `read` until `ok` holds of its value (or `ms` pass), and returns the last value. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  let v = await read();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    v = await read();
  }
  return v;
}
