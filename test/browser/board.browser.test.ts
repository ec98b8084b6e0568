/**
 * The Pipeline board end to end (issue 14 items 1 and 3): the playground server running the real
 * dist/Code.js, the board opened from the add-on's menu in Debian Chromium. A card dragged through a
 * blocked gate is refused with the reason, then moved with an override and a note; a card moved by
 * keyboard; a click selects the row in the grid; 2,000 open deals load in one server call and only a
 * few screens of cards are in the DOM. Screenshots go to docs/ for the README.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launch } from '../helpers/browser';
import {
  buildPlayground,
  Cell,
  legitImport,
  pageToken,
  root,
  sheetCells,
  startServer,
  until,
} from './playground-server';

const docs = join(root, 'docs');
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  buildPlayground();
  dataDir = mkdtempSync(join(tmpdir(), 'board-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function openBoard(page: Page): Promise<FrameLocator> {
  await page.click('#extensions');
  await page.click('#extensions-menu .item:text-is("Open board")');
  await page.waitForSelector('#html-dialog:not([hidden])');
  const board = page.frameLocator('#html-dialog-frame');
  await board.locator('.column').first().waitFor();
  return board;
}

/** Types into the board's search box and waits for the filter to apply (it waits 120 ms for typing to stop). */
async function search(board: FrameLocator, text: string, cards: number): Promise<void> {
  await board.locator('#search').fill(text);
  expect(
    await until(
      () => board.locator('.card').count(),
      (n) => n === cards,
    ),
  ).toBe(cards);
}

const columnOf = (board: FrameLocator, stage: string) => board.locator(`.column[data-stage="${stage}"]`);

test('drag through a blocked gate: refused with the reason, moved with an override and a note; a keyboard move; a click selects the row', async () => {
  const server = await startServer(join(dataDir, 'demo.json'));
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.grid td[data-r="2"]');

  // A Qualification deal whose BANT boxes are not all ticked: its move to Proposal is gated.
  const deals = await sheetCells(server, 'Deals');
  const header = (deals[0] as Cell[]).map((c) => c.t);
  const col = (name: string): number => header.indexOf(name);
  const blocked = deals.findIndex(
    (r, i) =>
      i > 0 &&
      r[col('Stage')]?.t === 'Qualification' &&
      ['Budget', 'Authority', 'Need', 'Timeline'].some((k) => r[col(k)]?.cb === false),
  );
  expect(blocked).toBeGreaterThan(0);
  const dealId = (deals[blocked] as Cell[])[col('Deal ID')]?.t as string;
  const name = (deals[blocked] as Cell[])[col('Deal')]?.t as string;

  const board = await openBoard(page);
  await page.screenshot({ path: join(docs, 'playground-board.png') });
  // Won and Lost start collapsed: their headers show figures, no cards.
  expect(await columnOf(board, 'Closed Won').locator('.card').count()).toBe(0);
  expect(await columnOf(board, 'Closed Won').locator('.count').textContent()).toMatch(/^\d+$/);

  await search(board, dealId, 1);
  const card = board.locator('.card', { hasText: name });
  await card.dragTo(columnOf(board, 'Proposal').locator('.cards'));
  const dialog = board.locator('#move[open]');
  await dialog.waitFor();
  expect(await dialog.locator('#move-reason').textContent()).toMatch(/^Moving to Proposal needs: .*\(Proposal\)/);
  expect(await dialog.locator('#move-missing li').count()).toBeGreaterThan(0);
  await page.screenshot({ path: join(docs, 'playground-board-gate.png') });
  // The refusal changed nothing.
  expect((await sheetCells(server, 'Deals'))[blocked]?.[col('Stage')]?.t).toBe('Qualification');

  await dialog.locator('#override').check();
  await dialog.locator('#note').fill('Verbal yes from the CFO; paperwork next week');
  await dialog.locator('#move-confirm').click();
  await board.locator('.status.ok').waitFor();
  expect(await board.locator('#status').textContent()).toBe(`Moved (override, logged) ${name} to Proposal.`);
  await columnOf(board, 'Proposal').locator('.card', { hasText: name }).waitFor();
  expect(await columnOf(board, 'Qualification').locator('.card').count()).toBe(0);

  const after = await sheetCells(server, 'Deals');
  expect(after[blocked]?.[col('Stage')]?.t).toBe('Proposal');
  const history = await sheetCells(server, 'Stage History');
  const last = history.filter((r) => r[1]?.t === dealId).at(-1) as Cell[];
  expect(last.slice(3, 7).map((c) => c.t)).toEqual(['Qualification', 'Proposal', 'you@example.com', 'board']);
  expect(last[7]?.t).toMatch(/^OVERRIDE \(missing: .*\)\. Verbal yes from the CFO; paperwork next week$/);

  // A click selects the deal's row in the grid behind the board.
  await columnOf(board, 'Proposal').locator('.card', { hasText: name }).click();
  const selectedRow = String(blocked + 1);
  expect(
    await until(
      () => page.locator('.grid td.sel').getAttribute('data-r'),
      (r) => r === selectedRow,
    ),
  ).toBe(selectedRow);
  expect(await page.textContent('.tabs button[aria-selected="true"]')).toBe('Deals');

  // Keyboard: a Lead Generation deal (Initial Contact needs Owner and Company, which the demo fills).
  const lead = after.findIndex((r, i) => i > 0 && r[col('Stage')]?.t === 'Lead Generation');
  const leadId = (after[lead] as Cell[])[col('Deal ID')]?.t as string;
  const leadName = (after[lead] as Cell[])[col('Deal')]?.t as string;
  await search(board, leadId, 1);
  await board.locator('.card', { hasText: leadName }).focus();
  await page.keyboard.press('Enter'); // Move to…: the next stage has the focus
  await board.locator('#menu:not([hidden]) button:focus', { hasText: 'Initial Contact' }).waitFor();
  await page.keyboard.press('Enter');
  await board.locator('.status.ok').waitFor();
  expect(await board.locator('#status').textContent()).toBe(`Moved ${leadName} to Initial Contact.`);
  // The moved card keeps the focus, in its new column; Shift+Right moves it one stage more.
  await columnOf(board, 'Initial Contact').locator('.card:focus', { hasText: leadName }).waitFor();
  await page.keyboard.press('Shift+ArrowRight');
  const moved = /^Moved .* to Qualification\.$/;
  expect(
    await until(
      () => board.locator('#status').textContent(),
      (t) => moved.test(t ?? ''),
    ),
  ).toMatch(moved);
  const stages = (await sheetCells(server, 'Stage History')).filter((r) => r[1]?.t === leadId).map((r) => r[4]?.t);
  expect(stages.slice(-2)).toEqual(['Initial Contact', 'Qualification']);
  expect(errors).toEqual([]);
  await page.close();
});

test('2,000 open deals load in one server call; only the cards in view are in the DOM; sheet text stays text', async () => {
  const server = await startServer(join(dataDir, 'big.json'));
  const token = await pageToken(server);
  const stages = ['Lead Generation', 'Initial Contact', 'Qualification', 'Proposal', 'Negotiation'];
  const lines = ['Deal,Company,Owner,Stage,Amount,Stage Entered,Next Step'];
  let total = 0;
  for (let i = 0; i < 2000; i++) {
    const value = 1000 + i;
    total += value;
    const name = i === 7 ? '"<img src=x onerror=""window.__xss=1"">"' : `Deal ${i}`;
    lines.push(`${name},Co ${i % 50},Rep ${i % 6},${stages[i % 5]},${value},2026-11-01,Call back ${i}`);
  }
  const imported = await legitImport(server, token, 'big.csv', `${lines.join('\n')}\n`);
  expect(imported.json.message).toBe('Imported 2000 deals from big.csv.');

  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/run')) calls.push((JSON.parse(r.postData() ?? '{}') as { fn: string }).fn);
  });
  await page.goto(server.url);
  await page.waitForSelector('.grid td[data-r="2"]');
  const started = Date.now();
  const board = await openBoard(page);
  const loaded = /^2000 open deals, 0 closed/;
  expect(
    await until(
      () => board.locator('#status').textContent(),
      (t) => loaded.test(t ?? ''),
    ),
  ).toMatch(loaded);
  const shown = Date.now() - started;
  expect(calls).toEqual(['getBoard']);

  // Every deal counted in the headers (an independent sum over the rows written), few in the DOM.
  const counts = await board.locator('.column .count').allTextContents();
  expect(counts.slice(0, 5).map(Number)).toEqual([400, 400, 400, 400, 400]);
  const rendered = await board.locator('.card').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(150);
  const sums = await board.locator('.column .figures').allTextContents();
  const parsed = sums.map((s) => Number((/^\$([\d,]+)/.exec(s)?.[1] ?? '0').replace(/,/g, '')));
  expect(parsed.reduce((a, b) => a + b, 0)).toBe(total);

  // Scrolling a column renders the cards that come into view, and drops the others.
  const box = columnOf(board, 'Lead Generation').locator('.cards');
  await box.evaluate((e) => {
    e.scrollTop = e.scrollHeight;
  });
  const lastCard = columnOf(board, 'Lead Generation').locator('.card[data-index="399"]');
  await lastCard.waitFor();
  expect(await board.locator('.card').count()).toBeLessThan(150);

  // An owner filter and a search narrow the cards and the header figures.
  await board.locator('#owner').selectOption('Rep 1');
  let rep1 = 0;
  for (let i = 0; i < 2000; i++) if (i % 6 === 1 && i % 5 === 1) rep1++;
  const count = columnOf(board, 'Initial Contact').locator('.count');
  expect(
    await until(
      () => count.textContent(),
      (t) => t === String(rep1),
    ),
  ).toBe(String(rep1));
  await board.locator('#owner').selectOption('');
  await search(board, 'onerror', 1);
  expect(await board.locator('.card .name').textContent()).toBe('<img src=x onerror="window.__xss=1">');
  expect(await board.locator('img').count()).toBe(0);
  expect(await page.frame({ url: /\/dialog/ })?.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBe(
    undefined,
  );
  expect(calls.filter((c) => c === 'getBoard')).toHaveLength(1);
  const own = await board.locator('body').getAttribute('data-loaded-ms');
  console.log(
    `board: 2,000 open deals shown ${shown} ms after the menu click; the getBoard call and render ${own} ms (${rendered} cards in the DOM)`,
  );
  await page.close();
});
