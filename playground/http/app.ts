/**
 * The playground's HTTP server: pages and files, the JSON API, and the checks in front of both.
 * Every request passes the guard (request-guard.ts) before anything is read or run; refusals are
 * answered in JSON and logged to stderr, and change nothing.
 */
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PostPath, PostRoutes, TOKEN_HEADER, TOKEN_META } from '../api-types';
import { exportXlsx } from '../export-xlsx';
import { ImportError, MAX_IMPORT_BYTES } from '../import/limits';
import type { PlaygroundSession } from '../session';
import { apiRoutes } from './api-routes';
import { BodyTooLarge, MAX_JSON_BODY_BYTES, readBody } from './body';
import { BadRequest, jsonObject, parseRequest } from './parse-requests';
import { refusal, RequestKind } from './request-guard';

/** An import travels as base64 inside JSON: 4 bytes per 3, plus room for the name. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 4096;

/** google.script.run in the sidebar and dialogs, bridged to the bundle through /api/run with this run's token. */
const shim = (token: string): string => `<script>(function(){
  function runner(ok, fail){ return new Proxy({}, { get: function(_t, name){
    if (name === 'withSuccessHandler') return function(f){ return runner(f, fail); };
    if (name === 'withFailureHandler') return function(f){ return runner(ok, f); };
    if (name === 'withUserObject') return function(){ return runner(ok, fail); };
    return function(){ var args = Array.prototype.slice.call(arguments);
      fetch('/api/run', { method: 'POST', headers: { 'content-type': 'application/json', '${TOKEN_HEADER}': ${JSON.stringify(token)} }, body: JSON.stringify({ fn: name, args: args }) })
        .then(function(r){ return r.json(); })
        .then(function(r){ if (parent !== window && !r.unchanged) parent.postMessage('pipeline-changed', location.origin); if (r.error) { if (fail) fail(new Error(r.error)); } else if (ok) ok(r.result); })
        .catch(function(e){ if (fail) fail(e); });
    }; } }); }
  window.google = { script: { run: runner(), host: { close: function(){ parent.postMessage('pipeline-close-sidebar', location.origin); } } } };
})();</script>`;

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': "frame-ancestors 'self'",
  'referrer-policy': 'no-referrer',
};

export interface Playground {
  server: Server;
  /** This run's token: in the served page, required on every change. */
  token: string;
  /** Listens on 127.0.0.1 only; resolves with the port (0 picks a free one). */
  listen(port: number): Promise<number>;
}

/** What a refused body may still send (read and dropped) before the connection is cut, and for how long. */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;
const DISCARD_MS = 5_000;

/** Reads and drops the rest of a refused request body; cuts the connection past the cap or the time. */
function discardRest(req: IncomingMessage): void {
  let dropped = 0;
  const timer = setTimeout(() => req.destroy(), DISCARD_MS);
  const stop = (): void => clearTimeout(timer);
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > DISCARD_LIMIT_BYTES) {
      stop();
      req.destroy();
    }
  });
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}

export function createPlayground(
  root: string,
  session: PlaygroundSession,
  log: (line: string) => void = (l) => console.error(l),
): Playground {
  const token = randomBytes(32).toString('hex');
  const api = apiRoutes(session);
  const files: Record<string, [string, string]> = {
    '/style.css': [join(root, 'playground', 'public', 'style.css'), 'text/css; charset=utf-8'],
    '/app.js': [join(root, 'build', 'playground', 'app.js'), 'text/javascript; charset=utf-8'],
    '/vendor/chart.js': [
      join(dirname(require.resolve('chart.js')), 'chart.umd.min.js'),
      'text/javascript; charset=utf-8',
    ],
  };
  let port = 0;

  const send = (
    res: ServerResponse,
    status: number,
    body: string | Buffer,
    type: string,
    extra: Record<string, string> = {},
  ): void => {
    res.writeHead(status, { 'content-type': type, ...HEADERS, ...extra });
    res.end(body);
  };
  const json = (res: ServerResponse, value: unknown, status = 200, extra: Record<string, string> = {}): void =>
    send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', extra);
  const html = (res: ServerResponse, page: string): void => send(res, 200, page, 'text/html; charset=utf-8');

  async function get(path: string, url: URL, res: ServerResponse): Promise<void> {
    if (path === '/') {
      const page = readFileSync(join(root, 'playground', 'public', 'index.html'), 'utf8');
      return html(res, page.replace(/<head>/i, `<head><meta name="${TOKEN_META}" content="${token}">`));
    }
    if (path === '/dialog') {
      const content = session.emu.ui.dialogs.at(-1)?.html.getContent();
      if (!content) return json(res, { error: 'No dialog is open.' }, 404);
      return html(res, content.replace(/<head>/i, `<head>${shim(token)}`));
    }
    if (path === '/sidebar') {
      const content = session.emu.ui.sidebar?.getContent();
      if (!content) return json(res, { error: 'No sidebar is open.' }, 404);
      return html(res, content.replace(/<head>/i, `<head>${shim(token)}`));
    }
    if (path === '/dialog') {
      const content = session.emu.ui.dialogs[session.emu.ui.dialogs.length - 1]?.html.getContent();
      if (!content) return json(res, { error: 'No dialog is open.' }, 404);
      return html(res, content.replace(/<head>/i, `<head>${shim(token)}`));
    }
    const file = files[path];
    if (file) return send(res, 200, readFileSync(file[0]), file[1]);
    if (path === '/api/state') return json(res, api.state());
    if (path === '/api/sheet') return json(res, api.sheet(url.searchParams.get('name')));
    if (path === '/api/export.xlsx') {
      return send(
        res,
        200,
        await exportXlsx(session.emu),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
    }
    return json(res, { error: `Not found: GET ${path}` }, 404);
  }

  async function post(path: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!Object.hasOwn(parseRequest, path)) return json(res, { error: `Not found: POST ${path}` }, 404);
    const route = path as PostPath;
    const body =
      route === '/api/import'
        ? await readBody(
            req,
            MAX_IMPORT_BODY_BYTES,
            `Nothing was imported: the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB; the playground imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
          )
        : await readBody(req, MAX_JSON_BODY_BYTES);
    return json(res, dispatch(route, jsonObject(body)));
  }
  function dispatch<P extends PostPath>(route: P, body: Record<string, unknown>): PostRoutes[P]['response'] {
    return api.post[route](parseRequest[route](body));
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? '';
    const kind: RequestKind = method === 'POST' ? 'change' : path.startsWith('/api/') ? 'read' : 'page';
    const refused =
      method === 'GET' || method === 'POST'
        ? refusal(req, kind, port, token)
        : { status: 405, error: `Method ${method} is not allowed.` };
    if (refused) {
      log(
        `playground: refused ${method} ${path} (Host ${req.headers.host ?? '-'}, Origin ${req.headers.origin ?? '-'}): ${refused.error}`,
      );
      return json(res, { error: refused.error }, refused.status, { connection: 'close' });
    }
    return method === 'GET' ? get(path, url, res) : post(path, req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof BodyTooLarge) {
        log(`playground: refused ${req.method} ${req.url}: ${e.message}`);
        // Answer, then let the sender finish: the rest of the body is read and dropped, never held, so
        // the client can read the 413 instead of a reset; a sender past the discard cap is cut off.
        res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', ...HEADERS });
        res.end(JSON.stringify({ error: e.message }));
        discardRest(req);
      } else if (e instanceof ImportError || e instanceof BadRequest) json(res, { error: e.message }, 400);
      else json(res, { error: `Playground error: ${(e as Error).message}` }, 500);
    });
  });
  return {
    server,
    token,
    listen: (wanted) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(wanted, '127.0.0.1', () => {
          const address = server.address();
          port = typeof address === 'object' && address ? address.port : wanted;
          resolve(port);
        });
      }),
  };
}
