/**
 * The checks in front of every playground request (Host, Origin, Sec-Fetch-Site, method,
 * Content-Type, token) and the stream-counted body reader.
 */
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BodyTooLarge, readBody } from '../../playground/http/body';
import { refusal, RequestKind } from '../../playground/http/request-guard';

const PORT = 8787;
const TOKEN = 'a'.repeat(64);
const check = (kind: RequestKind, headers: Record<string, string>, method = kind === 'change' ? 'POST' : 'GET') =>
  refusal({ method, headers }, kind, PORT, TOKEN);
const good = {
  host: `localhost:${PORT}`,
  origin: `http://localhost:${PORT}`,
  'content-type': 'application/json',
  'x-playground-token': TOKEN,
  'sec-fetch-site': 'same-origin',
};

test('a change from the playground page passes, from any of its three host names', () => {
  for (const h of ['localhost', '127.0.0.1', '[::1]']) {
    expect(check('change', { ...good, host: `${h}:${PORT}`, origin: `http://${h}:${PORT}` })).toBeUndefined();
  }
  expect(check('change', { ...good, 'content-type': 'application/json; charset=utf-8' })).toBeUndefined();
});

test('Host must name this server: another name (DNS rebinding), another port, or none is refused, even for the page', () => {
  for (const host of ['evil.example:8787', 'localhost:9999', 'localhost', '127.0.0.1.evil.example:8787', '']) {
    for (const kind of ['page', 'read', 'change'] as const) {
      expect({ host, kind, status: check(kind, { ...good, host })?.status }).toEqual({ host, kind, status: 403 });
    }
  }
});

test('an Origin other than the playground (another port, another name, "null") is refused', () => {
  for (const origin of ['http://localhost:9999', 'http://evil.example', 'null', `https://localhost:${PORT}`]) {
    expect(check('change', { ...good, origin })?.status).toBe(403);
    expect(check('read', { host: good.host, origin })?.status).toBe(403);
  }
});

test('no Origin is allowed only for GETs', () => {
  const { origin: _origin, ...noOrigin } = good;
  expect(check('page', { host: good.host })).toBeUndefined();
  expect(check('read', { host: good.host })).toBeUndefined();
  expect(check('change', noOrigin)?.error).toMatch(/no Origin/);
});

test('another site (even another port of localhost) may not read the API; it may open the page', () => {
  for (const site of ['cross-site', 'same-site']) {
    expect(check('read', { host: good.host, 'sec-fetch-site': site })?.status).toBe(403);
    expect(check('change', { ...good, 'sec-fetch-site': site })?.status).toBe(403);
    expect(check('page', { host: good.host, 'sec-fetch-site': site })).toBeUndefined();
  }
  expect(check('read', { host: good.host, 'sec-fetch-site': 'none' })).toBeUndefined();
});

test('a change must be application/json (a no-cors text/plain or form POST is refused)', () => {
  for (const type of [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonp',
  ]) {
    expect(check('change', { ...good, 'content-type': type })?.status).toBe(415);
  }
  const { 'content-type': _type, ...untyped } = good;
  expect(check('change', untyped)?.status).toBe(415);
});

test("a change must carry this run's token", () => {
  expect(check('change', { ...good, 'x-playground-token': 'b'.repeat(64) })?.status).toBe(403);
  expect(check('change', { ...good, 'x-playground-token': TOKEN.slice(1) })?.status).toBe(403);
  const { 'x-playground-token': _token, ...tokenless } = good;
  expect(check('change', tokenless)?.error).toMatch(/token/);
  expect(check('change', good, 'PUT')?.status).toBe(405);
});

describe('readBody', () => {
  let server: Server;
  let port: number;
  const seen: { bytes: number; outcome: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let bytes = 0;
      req.on('data', (c: Buffer) => {
        bytes += c.length;
      });
      readBody(req, 1000).then(
        (b) => {
          seen.push({ bytes: b.length, outcome: 'read' });
          res.end('ok');
        },
        (e: unknown) => {
          seen.push({ bytes, outcome: e instanceof BodyTooLarge ? 'too large' : String(e) });
          res.writeHead(413, { connection: 'close' });
          res.end('too large', () => req.destroy());
        },
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** Sends `chunks` (chunked), returns the status. */
  const send = (chunks: Buffer[]): Promise<number> =>
    new Promise((resolve) => {
      const req = request({ port, method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      const next = (i: number): void => {
        if (i >= chunks.length) {
          req.end();
          return;
        }
        req.write(chunks[i] as Buffer, () => setTimeout(() => next(i + 1), 5));
      };
      next(0);
    });

  test('a body within the limit is read whole', async () => {
    expect(await send([Buffer.alloc(600), Buffer.alloc(400)])).toBe(200);
    expect(seen.at(-1)).toEqual({ bytes: 1000, outcome: 'read' });
  });

  test('a declared Content-Length over the limit is refused at once, without waiting for the body', async () => {
    // 10 of the 5,000 declared bytes are sent, the rest never: only a server that does not read on can answer.
    const status = await new Promise<number>((resolve) => {
      const req = request({ port, method: 'POST', headers: { 'content-length': 5000 } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', () => resolve(-1));
      req.write(Buffer.alloc(10));
    });
    expect(status).toBe(413);
    expect(seen.at(-1)?.outcome).toBe('too large');
  });

  test('a chunked stream is cut off once it passes the limit, not read to its end', async () => {
    const status = await send(Array.from({ length: 200 }, () => Buffer.alloc(300)));
    const last = seen.at(-1)!;
    expect(last.outcome).toBe('too large');
    expect(last.bytes).toBeGreaterThan(1000);
    expect(last.bytes).toBeLessThan(200 * 300);
    expect([413, -1]).toContain(status);
  });
});
