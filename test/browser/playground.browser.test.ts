/**
 * End to end: the playground server (the real dist/Code.js in the emulator, HyperFormula formulas)
 * in Debian Chromium. A rep moves a deal through the sidebar, a manager runs the daily job and reads
 * the summary, someone types one of our formulas. Screenshots go to docs/ for the README.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch } from '../helpers/browser';
import {
  buildPlayground,
  Cell,
  legitImport,
  pageToken,
  root,
  sheetCells as sheet,
  startServer,
  stopServer as stop,
} from './playground-server';

const docs = join(root, 'docs');
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  buildPlayground();
  dataDir = mkdtempSync(join(tmpdir(), 'playground-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const menu = async (page: Page, caption: string): Promise<void> => {
  await page.click('#extensions');
  await page.click(`#extensions-menu .item:text-is("${caption}")`);
};
const closeDialog = async (page: Page): Promise<string> => {
  await page.waitForSelector('#dialog:not([hidden])');
  const text = (await page.textContent('#dialog-text')) ?? '';
  await page.click('#dialog-ok');
  return text;
};

test('move a deal in the sidebar, run the daily job, read the summary, type a formula; the workbook survives a restart', async () => {
  const dataFile = join(dataDir, 'workbook.json');
  let server = await startServer(dataFile);
  const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.grid td[data-r="2"]');
  await page.screenshot({ path: join(docs, 'playground-grid.png') });

  // A Qualification deal whose BANT boxes are not all ticked.
  const deals = await sheet(server, 'Deals');
  const header = (deals[0] as Cell[]).map((c) => c.t);
  const col = (name: string): number => header.indexOf(name);

  // The Stage cells carry their stage's color and a readable text color (#14), from the add-on's conditional-format rules.
  const rgb = (hex: string): string => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  const STAGE_COLORS: Record<string, [string, string]> = {
    'Lead Generation': ['#56b4e9', '#000000'],
    'Initial Contact': ['#0072b2', '#ffffff'],
    Qualification: ['#cc79a7', '#000000'],
    Proposal: ['#e69f00', '#000000'],
    Negotiation: ['#f0e442', '#000000'],
    'Closed Won': ['#009e73', '#000000'],
    'Closed Lost': ['#d55e00', '#000000'],
  };
  const stageCells = await page.$$eval(`.grid td[data-c="${col('Stage') + 1}"]`, (tds) =>
    tds
      .filter((td) => Number((td as HTMLElement).dataset.r) >= 2 && td.textContent !== '')
      .slice(0, 60)
      .map((td) => [td.textContent ?? '', getComputedStyle(td).backgroundColor, getComputedStyle(td).color]),
  );
  expect(stageCells.length).toBeGreaterThan(20);
  for (const [stage, bg, fg] of stageCells) {
    const want = STAGE_COLORS[stage as string];
    expect(want).toBeDefined();
    expect([stage, bg, fg]).toEqual([stage, rgb((want as [string, string])[0]), rgb((want as [string, string])[1])]);
  }
  const rowIndex = deals.findIndex(
    (r, i) =>
      i > 0 &&
      r[col('Stage')]?.t === 'Qualification' &&
      ['Budget', 'Authority', 'Need', 'Timeline'].some((k) => r[col(k)]?.cb === false),
  );
  expect(rowIndex).toBeGreaterThan(0);
  const row = rowIndex + 1;
  const dealId = (deals[rowIndex] as Cell[])[col('Deal ID')]?.t as string;
  await page.click(`.grid td[data-r="${row}"][data-c="2"]`);

  await menu(page, 'Move deal...');
  const side = page.frameLocator('#sidebar-frame');
  await side.locator('#deal:not([hidden])').waitFor();
  expect(await side.locator('#deal-id').textContent()).toBe(dealId);
  const proposal = side.locator('#stages li', { hasText: 'Proposal' }).first();
  expect(await proposal.locator('.unmet').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(docs, 'playground-sidebar.png') });

  // Tick the BANT boxes in the grid (each goes through onEdit), then refresh the sidebar.
  for (const k of ['Budget', 'Authority', 'Need', 'Timeline']) {
    const box = page.locator(`.grid td[data-r="${row}"][data-c="${col(k) + 1}"] input[type="checkbox"]`);
    if (!(await box.isChecked())) {
      await box.check();
      await page.waitForFunction(
        ([r, c]) =>
          (document.querySelector(`.grid td[data-r="${r}"][data-c="${c}"] input`) as HTMLInputElement | null)
            ?.checked === true,
        [row, col(k) + 1],
      );
    }
  }
  await side.locator('#refresh').click();
  await side.locator('#stages li', { hasText: 'Proposal' }).first().locator('.tag.ready').waitFor();
  await side.locator('#stages li', { hasText: 'Proposal' }).first().locator('button').click();
  await side.locator('#note').fill('BANT confirmed in discovery call');
  await side.locator('#confirm').click();
  await side.locator('.status.ok').waitFor();
  expect(await side.locator('#deal-stage').textContent()).toBe('Proposal');

  await page.click('.tabs button:text-is("Stage History")');
  await page.waitForSelector('.tabs button[aria-selected="true"]:text-is("Stage History")');
  const history = await sheet(server, 'Stage History');
  const last = history.filter((r) => r[1]?.t === dealId).at(-1) as Cell[];
  expect(last.slice(3, 8).map((c) => c.t)).toEqual([
    'Qualification',
    'Proposal',
    'you@example.com',
    'sidebar',
    'BANT confirmed in discovery call',
  ]);

  // The daily job: turn automation on, then move the clock a day (hourly ticks run it at 06:00).
  await menu(page, 'Turn on daily automation');
  expect(await closeDialog(page)).toMatch(/Daily automation is on/);
  await page.click('#advance');
  await page.waitForSelector('#toast:not([hidden])');
  expect(await page.textContent('#toast')).toMatch(/24 trigger runs/);

  await page.click('.tabs button:text-is("Pipeline Summary")');
  await page.waitForSelector('.chart[data-title="Pipeline funnel (deals reached)"] canvas');
  const summary = await sheet(server, 'Pipeline Summary');
  expect(summary[1]?.slice(1, 2).map((c) => c.t)).toEqual(['Daily job']);
  expect(summary.find((r) => r[0]?.t === 'Weighted forecast')?.[1]?.t).toMatch(/^\$\d{1,3}(,\d{3})+$/);
  expect(await page.locator('.grid td:text-is("Weighted forecast")').count()).toBe(1);
  await page.screenshot({ path: join(docs, 'playground-summary.png') });

  // A formula typed into a cell, evaluated by HyperFormula calling the bundle.
  await page.click('.tabs button:text-is("Forecast")');
  await page.waitForSelector('.tabs button[aria-selected="true"]:text-is("Forecast")');
  await page.click('.grid td[data-r="2"][data-c="4"]');
  await page.keyboard.type('=WEIGHTED_FORECAST(Deals!F2:F20, Deals!E2:E20)');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() =>
    /^\d/.test(document.querySelector('.grid td[data-r="2"][data-c="4"]')?.textContent ?? ''),
  );
  const typed = Number(await page.textContent('.grid td[data-r="2"][data-c="4"]'));
  expect(typed).toBeGreaterThan(0);
  await page.click('.grid td[data-r="3"][data-c="4"]');
  await page.keyboard.type('=WIN_RATE(Deals!B2:B5)');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.grid td.err[data-r="3"][data-c="4"]');
  expect(await page.getAttribute('.grid td[data-r="3"][data-c="4"]', 'title')).toMatch(
    /^WIN_RATE: row 1 of stages: ".*" is not a known stage/,
  );
  expect(errors).toEqual([]);
  await page.close();

  // Stop and start again: the workbook is reloaded from the file, the move and the formula included.
  await stop(server);
  server = await startServer(dataFile);
  const again = await sheet(server, 'Deals');
  expect(again[rowIndex]?.[col('Stage')]?.t).toBe('Proposal');
  expect((await sheet(server, 'Forecast'))[1]?.[3]?.t).toBe(String(typed));
  await stop(server);
});

test('bad imports get a clear message and change nothing; a good CSV replaces the deals', async () => {
  const dataFile = join(dataDir, 'import.json');
  const server = await startServer(dataFile);
  const before = readFileSync(dataFile, 'utf8');
  const token = await pageToken(server);
  const post = (name: string, body: string | Buffer): ReturnType<typeof legitImport> =>
    legitImport(server, token, name, body);
  const wrong = await post('people.csv', 'Name,Email\nAnn,ann@example.com\n');
  expect(wrong.status).toBe(400);
  expect(wrong.json.error).toMatch(/must name the columns, with at least "Stage"/);
  const unreadable = await post('deals.csv', 'Deal,Stage,Value\nAcme,Proposal,tbd\nBeta,Pitching,100\n');
  expect(unreadable.json.error).toMatch(/Nothing was imported: 2 cells could not be read/);
  expect(unreadable.json.error).toMatch(/row 2, Value: "tbd" is not a number/);
  const huge = await post('big.csv', Buffer.alloc(6 * 1024 * 1024, 'a'));
  expect(huge.status).toBe(413);
  expect(huge.json.error).toMatch(/over 5 MB|up to 5 MB/);
  const notAWorkbook = await post('deals.xlsx', 'not a zip');
  expect(notAWorkbook.json.error).toMatch(/not a readable XLSX/);
  expect(readFileSync(dataFile, 'utf8')).toBe(before);

  const good = await post(
    'mine.csv',
    'Deal,Company,Owner,Stage,Amount,Close Date\n"Acme, renewal",Acme,Ann,Proposal,"$12,500",2027-01-15\nBeta pilot,Beta,Bob,Closed Won,3000,2026-10-01\n',
  );
  expect(good.status).toBe(200);
  expect(good.json.message).toBe('Imported 2 deals from mine.csv.');
  const deals = await sheet(server, 'Deals');
  expect(deals[1]?.slice(0, 5).map((c) => c.t)).toEqual(['Acme, renewal', 'Acme', 'Ann', 'Proposal', '$12,500']);
  expect(deals[0]?.map((c) => c.t)).toContain('Deal ID');

  const xlsx = await fetch(`${server.url}api/export.xlsx`);
  expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
  const bytes = Buffer.from(await xlsx.arrayBuffer());
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  // The exported workbook imports again: its first sheet is the deals tab.
  const again = await post('exported.xlsx', bytes);
  expect(again.status).toBe(200);
  expect(again.json.message).toBe('Imported 2 deals from exported.xlsx.');
  expect((await sheet(server, 'Deals'))[1]?.slice(0, 5).map((c) => c.t)).toEqual([
    'Acme, renewal',
    'Acme',
    'Ann',
    'Proposal',
    '$12,500',
  ]);
  await stop(server);
});
