/**
 * Issues 12-13 end to end, as a new user meets them in the playground (the real dist/Code.js in the
 * emulator, Debian Chromium): the sidebar's My deals list, the next-step editor, the move that asks for
 * a next step and the Expected Close field; the daily digest in the Outbox; the summary's new
 * sections and charts. Every expectation is computed here from the cells the page shows (plain
 * loops over the documented rules), never by the add-on's own functions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { launch } from '../helpers/browser';
import {
  buildPlayground,
  Cell,
  PlaygroundServer,
  root,
  sheetCells,
  startServer,
  stopServer,
  until,
} from './playground-server';

const docs = join(root, 'docs');
let dataDir: string;
let browser: Browser;

beforeAll(async () => {
  buildPlayground();
  dataDir = mkdtempSync(join(tmpdir(), 'work-pipeline-'));
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const ME = 'you@example.com';
const DAY = 86_400_000;

const menu = async (page: Page, caption: string): Promise<void> => {
  await page.click('#extensions');
  await page.click(`#extensions-menu .item:text-is("${caption}")`);
};
const closeDialog = async (page: Page): Promise<string> => {
  await page.waitForSelector('#dialog:not([hidden])');
  const text = (await page.textContent('#dialog-text')) ?? '';
  await page.click('#dialog-ok');
  await page.waitForSelector('#dialog', { state: 'hidden' });
  return text;
};

interface State {
  now: string;
  timeZone: string;
  selection: { row: number; col: number } | null;
  outbox: { to: string; subject: string; body: string }[];
}
const state = async (s: PlaygroundServer): Promise<State> => (await (await fetch(`${s.url}api/state`)).json()) as State;

/** Today in the spreadsheet's zone as whole days since 1970-01-01. */
async function today(s: PlaygroundServer): Promise<number> {
  const st = await state(s);
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: st.timeZone }).format(new Date(st.now));
  return Date.parse(`${iso}T00:00:00Z`) / DAY;
}
const dayOf = (iso: string | undefined): number =>
  iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY : NaN;
const isoOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Types a value into a grid cell as a user does (click it, type in the formula bar, Enter) and waits for the grid to show it. */
async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  await page.click(`.grid td[data-r="${row}"][data-c="${col}"]`);
  await page.waitForSelector(`.grid td.sel[data-r="${row}"][data-c="${col}"]`);
  await page.fill('#formula', text);
  await page.press('#formula', 'Enter');
  await page
    .waitForFunction(
      ([r, c, t]) => document.querySelector(`.grid td[data-r="${r}"][data-c="${c}"]`)?.textContent === t,
      [row, col, text] as const,
      { timeout: 5000 },
    )
    .catch(async (e) => {
      await page.screenshot({ path: '/tmp/pg2/fail.png' });
      throw new Error(`${row},${col}: ${await page.textContent(`.grid td[data-r="${row}"][data-c="${col}"]`)} ${e}`);
    });
}

interface Deal {
  row: number;
  id: string;
  name: string;
  owner: string;
  stage: string;
  value: number;
  probability: number;
  close: number;
  lastActivity: number;
  entered: number;
  created: number;
  nextStep: string;
  nextStepDue: number;
  health: string;
}
interface StageRow {
  name: string;
  probability: number;
  outcome: string;
  staleAfter: number;
}

async function readDeals(s: PlaygroundServer): Promise<{ deals: Deal[]; col: (name: string) => number }> {
  const cells = await sheetCells(s, 'Deals');
  const header = (cells[0] as Cell[]).map((c) => c.t);
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`no ${name} column`);
    return i;
  };
  const raw = (r: Cell[], name: string): string => r[col(name)]?.v ?? r[col(name)]?.t ?? '';
  const deals = cells.slice(1).flatMap((r, i): Deal[] =>
    raw(r, 'Stage') === ''
      ? []
      : [
          {
            row: i + 2,
            id: raw(r, 'Deal ID'),
            name: raw(r, 'Deal'),
            owner: raw(r, 'Owner'),
            stage: raw(r, 'Stage'),
            value: Number(raw(r, 'Value')),
            probability: raw(r, 'Probability') === '' ? NaN : Number(raw(r, 'Probability')),
            close: dayOf(raw(r, 'Expected Close')),
            lastActivity: dayOf(raw(r, 'Last Activity')),
            entered: dayOf(raw(r, 'Stage Entered')),
            created: dayOf(raw(r, 'Created')),
            nextStep: raw(r, 'Next Step'),
            nextStepDue: dayOf(raw(r, 'Next Step Due')),
            health: r[col('Health')]?.t ?? '',
          },
        ],
  );
  return { deals, col };
}

async function readStages(s: PlaygroundServer): Promise<StageRow[]> {
  const cells = await sheetCells(s, 'Pipeline Settings');
  return cells
    .slice(1)
    .filter((r) => (r[0]?.t ?? '') !== '')
    .map((r) => ({
      name: r[0]?.t ?? '',
      probability: Number((r[1]?.t ?? '').replace('%', '')) / 100,
      outcome: r[2]?.t ?? '',
      staleAfter: (r[3]?.t ?? '') === '' ? NaN : Number(r[3]?.t),
    }));
}

/** The README's priority score with the default weights (30/25/20/10/15, horizon 30), a plain loop. */
function expectedPriorities(
  deals: Deal[],
  stages: StageRow[],
  day: number,
): Map<string, { score: number; weighted: number; row: number; phrases: string[] }> {
  const open = stages.filter((s) => s.outcome === 'Open');
  const stageOf = new Map(stages.map((s) => [s.name, s]));
  const openDeals = deals.filter((d) => stageOf.get(d.stage)?.outcome === 'Open');
  const weighted = (d: Deal): number =>
    d.value * (Number.isNaN(d.probability) ? (stageOf.get(d.stage)?.probability ?? 0) : d.probability);
  let largest = 0;
  for (const d of openDeals) if (weighted(d) > largest) largest = weighted(d);
  const money = (n: number): string =>
    n >= 1000 ? `$${Math.round((n / 1000) * 10) / 10}k`.replace(/\.0k$/, 'k') : `$${n}`;
  const out = new Map<string, { score: number; weighted: number; row: number; phrases: string[] }>();
  for (const d of openDeals) {
    const st = stageOf.get(d.stage) as StageRow;
    const value = 30 * (largest > 0 && weighted(d) > 0 ? weighted(d) / largest : 0);
    const closeIn = d.close - day;
    const close = Number.isNaN(closeIn) || closeIn >= 30 ? 0 : 25 * (closeIn <= 0 ? 1 : 1 - closeIn / 30);
    const stage = (20 * (open.findIndex((s) => s.name === d.stage) + 1)) / open.length;
    const touches = [d.lastActivity, d.entered].filter((x) => !Number.isNaN(x));
    const touch = touches.length ? Math.max(...touches) : d.created;
    const since = day - touch;
    const staleDays = !Number.isNaN(st.staleAfter) && since > st.staleAfter ? since : 0;
    const stale =
      staleDays > 0 ? 10 * (st.staleAfter > 0 ? Math.min(1, (since - st.staleAfter) / st.staleAfter) : 1) : 0;
    const overdue = d.nextStepDue < day ? day - d.nextStepDue : 0;
    const followUp = 15 * Math.min(1, overdue / 7);
    const phrases: { p: number; t: string }[] = [{ p: Math.max(value, stage), t: `${money(d.value)} in ${d.stage}` }];
    if (close > 0)
      phrases.push({
        p: close,
        t:
          closeIn > 0
            ? `closes in ${closeIn} day${closeIn === 1 ? '' : 's'}`
            : closeIn === 0
              ? 'closes today'
              : `close date passed ${-closeIn} day${closeIn === -1 ? '' : 's'} ago`,
      });
    if (stale > 0) phrases.push({ p: stale, t: `no activity for ${staleDays} days` });
    if (followUp > 0) phrases.push({ p: followUp, t: `follow-up overdue ${overdue} day${overdue === 1 ? '' : 's'}` });
    phrases.sort((a, b) => b.p - a.p);
    out.set(d.id, {
      score: Math.round((value + close + stage + stale + followUp) * 10) / 10,
      weighted: weighted(d),
      row: d.row,
      phrases: phrases.map((x) => x.t),
    });
  }
  return out;
}

/** Deal IDs in the expected My deals order. */
function expectedOrder(ids: string[], p: ReturnType<typeof expectedPriorities>): string[] {
  return [...ids].sort((a, b) => {
    const x = p.get(a)!;
    const y = p.get(b)!;
    return y.score - x.score || y.weighted - x.weighted || x.row - y.row;
  });
}

async function myDealsShown(side: FrameLocator): Promise<{ name: string; score: number; why: string }[]> {
  const items = side.locator('#my-list li button');
  const n = await items.count();
  const out: { name: string; score: number; why: string }[] = [];
  for (let i = 0; i < n; i++) {
    const b = items.nth(i);
    out.push({
      name: (await b.locator('.my-head span').first().textContent()) ?? '',
      score: Number(await b.locator('.my-head .tag').textContent()),
      why: (await b.locator('.my-why').textContent()) ?? '',
    });
  }
  return out;
}

test('My deals by priority, picking an owner, a click selects the row; next step and Expected Close edited from the sidebar', async () => {
  const server = await startServer(join(dataDir, 'sidebar.json'));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  await page.waitForSelector('.grid td[data-r="2"]');

  // Make four open deals of different stages mine, by typing my e-mail into their Owner cells.
  const initial = await readDeals(server);
  const col = initial.col;
  let deals = initial.deals;
  const stages = await readStages(server);
  const openNames = stages.filter((s) => s.outcome === 'Open').map((s) => s.name);
  const picks: Deal[] = [];
  for (const stage of ['Negotiation', 'Proposal', 'Initial Contact', 'Lead Generation']) {
    const d = deals.find((x) => x.stage === stage && !picks.includes(x) && x.row < 40);
    expect(d).toBeDefined();
    picks.push(d as Deal);
  }
  for (const d of picks) await typeInto(page, d.row, col('Owner') + 1, ME);
  ({ deals } = await readDeals(server));
  const day = await today(server);
  const prio = expectedPriorities(deals, stages, day);
  const mine = deals.filter((d) => d.owner === ME && openNames.includes(d.stage)).map((d) => d.id);
  expect(mine.sort()).toEqual(picks.map((d) => d.id).sort());
  const byId = new Map(deals.map((d) => [d.id, d]));

  // Open the sidebar on a deal not mine and unfold My deals: my four deals, highest score first, with the reasons.
  const other = deals.find((d) => d.owner !== ME) as Deal;
  await page.click(`.grid td[data-r="${other.row}"][data-c="2"]`);
  await menu(page, 'Move deal...');
  const side = page.frameLocator('#sidebar-frame');
  await side.locator('#deal:not([hidden])').waitFor();
  expect(await side.locator('#deal-id').textContent()).toBe(other.id);
  await side.locator('#my-deals summary').click();
  await side.locator('#my-list li').first().waitFor();
  const want = expectedOrder(mine, prio).map((id) => ({
    name: byId.get(id)?.name,
    score: prio.get(id)?.score,
    why: (prio.get(id)?.phrases ?? []).join(', ').replace(/^./, (c) => c.toUpperCase()),
  }));
  expect(await myDealsShown(side)).toEqual(want);
  expect(await side.locator('#my-owner option:checked').textContent()).toBe(`Me (${ME})`);

  // Another owner: their top 10 of all their open deals, in the same order rule.
  await side.locator('#my-owner').selectOption('Ana Ruiz');
  await until(
    () => side.locator('#my-status').textContent(),
    (t) => /Ana Ruiz's deals/.test(t ?? ''),
  );
  const ana = deals.filter((d) => d.owner === 'Ana Ruiz' && openNames.includes(d.stage)).map((d) => d.id);
  const anaTop = expectedOrder(ana, prio).slice(0, 10);
  expect((await myDealsShown(side)).map((x) => [x.name, x.score])).toEqual(
    anaTop.map((id) => [byId.get(id)?.name, prio.get(id)?.score]),
  );
  expect(await side.locator('#my-status').textContent()).toBe(`Top 10 of ${ana.length}, Ana Ruiz's deals.`);

  // Back to me; a click on my Lead Generation deal selects its row in the grid and shows it above.
  await side.locator('#my-owner').selectOption('*me');
  await until(
    () => side.locator('#my-list li').count(),
    (n) => n === 4,
  );
  const lead = picks[3] as Deal;
  await side
    .locator('#my-list li button', { hasText: prio.get(lead.id)?.phrases[0] ?? '' })
    .first()
    .click();
  await until(
    () => side.locator('#deal-id').textContent(),
    (t) => t === lead.id,
  );
  expect((await state(server)).selection?.row).toBe(lead.row);
  await page.waitForSelector(`.grid td.sel[data-r="${lead.row}"]`);
  await page.screenshot({ path: join(docs, 'playground-my-deals.png') });

  // The next-step editor, after a Refresh (as a user does): a step due 3 days ago is overdue in Health.
  await side.locator('#refresh').click();
  await until(
    () => side.locator('#deal-id').textContent(),
    (t) => t === lead.id,
  );
  await side.locator('#fu-edit').click();
  await side.locator('#fu-step-input').fill('Call the CFO');
  await side.locator('#fu-due-input').fill(isoOf(day - 3));
  await side.locator('#fu-save').click();
  await side.locator('.status.ok').waitFor();
  const saved = await side.locator('#status').textContent();
  expect(await side.locator('#fu-step').textContent()).toBe('Call the CFO');
  expect(await side.locator('#fu-due').textContent()).toBe(isoOf(day - 3));
  ({ deals } = await readDeals(server));
  let now = deals.find((d) => d.id === lead.id) as Deal;
  expect([now.nextStep, now.nextStepDue]).toEqual(['Call the CFO', day - 3]);
  expect(now.health).toContain('Follow-up overdue: 3 days ("Call the CFO")');
  // Nothing else went wrong after the save (a second submit would be refused as "changed").
  await page.waitForTimeout(500);
  expect(await side.locator('#status').textContent()).toBe(saved);

  // Clear the step: Lead Generation needs none, so Health says nothing of it; a move to Initial Contact asks for one.
  await side.locator('#fu-edit').click();
  await side.locator('#fu-step-input').fill('');
  await side.locator('#fu-due-input').fill('');
  await side.locator('#fu-save').click();
  await until(
    () => side.locator('#fu-step').textContent(),
    (t) => t === '—',
  );
  ({ deals } = await readDeals(server));
  now = deals.find((d) => d.id === lead.id) as Deal;
  expect([now.nextStep, now.health]).toEqual(['', now.health.replace(/Follow-up overdue[^;]*/, '')]);
  expect(now.health).not.toMatch(/No next step|Follow-up/);
  const contact = side.locator('#stages li', { hasText: 'Initial Contact' }).first();
  await contact.locator('button').click();
  expect(await side.locator('#move-fu').isVisible()).toBe(true);
  await side.locator('#move-fu-step').fill('Intro call');
  await side.locator('#move-fu-due').fill(isoOf(day + 2));
  if (await side.locator('#override-label').isVisible()) await side.locator('#override').check();
  await side.locator('#note').fill('Met at the fair');
  await side.locator('#confirm').click();
  await side.locator('.status.ok').waitFor();
  expect(await side.locator('#deal-stage').textContent()).toBe('Initial Contact');
  ({ deals } = await readDeals(server));
  now = deals.find((d) => d.id === lead.id) as Deal;
  expect([now.stage, now.nextStep, now.nextStepDue]).toEqual(['Initial Contact', 'Intro call', day + 2]);
  expect(now.health).not.toMatch(/No next step|Follow-up/);

  // Expected Close pushed twice from the sidebar: two history rows with Field "Expected Close", then Health says so.
  const hadClose = !Number.isNaN(now.close);
  const first = hadClose ? now.close : day + 20;
  for (const next of [first + 10, first + 25]) {
    await side.locator('#close-date').fill(isoOf(next));
    await side.locator('#close-save').click();
    await until(
      () => side.locator('#status').textContent(),
      (t) => (t ?? '').includes(isoOf(next)),
    );
  }
  const history = await sheetCells(server, 'Stage History');
  const hHeader = (history[0] as Cell[]).map((c) => c.t);
  const fieldRows = history.filter((r) => r[1]?.t === lead.id && r[hHeader.indexOf('Field')]?.t === 'Expected Close');
  expect(fieldRows.map((r) => [r[3]?.v ?? r[3]?.t, r[4]?.v ?? r[4]?.t, r[6]?.t])).toEqual([
    [hadClose ? isoOf(first) : '', isoOf(first + 10), 'sidebar'],
    [isoOf(first + 10), isoOf(first + 25), 'sidebar'],
  ]);
  ({ deals } = await readDeals(server));
  now = deals.find((d) => d.id === lead.id) as Deal;
  expect(now.close).toBe(first + 25);
  expect(now.health).toContain(hadClose ? 'Close date pushed 2 times (+25 days)' : 'Close date pushed once (+15 days)');
  expect(errors).toEqual([]);
  await page.close();
  await stopServer(server);
});

test('the daily digest in the Outbox lists my deals as text; the summary shows the new sections and charts', async () => {
  const server = await startServer(join(dataDir, 'digest.json'));
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  await page.goto(server.url);
  await page.waitForSelector('.grid td[data-r="2"]');

  // Five open deals become mine; the first is renamed to an HTML payload.
  const initial = await readDeals(server);
  const col = initial.col;
  let deals = initial.deals;
  const stages = await readStages(server);
  const openNames = stages.filter((s) => s.outcome === 'Open').map((s) => s.name);
  // The renamed one has an overdue follow-up, so the digest must list it.
  const day0 = await today(server);
  const overdue = deals.find((d) => openNames.includes(d.stage) && d.nextStepDue < day0) as Deal;
  const picks = [overdue, ...deals.filter((d) => openNames.includes(d.stage) && d !== overdue).slice(0, 4)];
  const XSS = '<img src=x onerror=alert(1)>';
  await typeInto(page, (picks[0] as Deal).row, col('Deal') + 1, XSS);
  for (const d of picks) await typeInto(page, d.row, col('Owner') + 1, ME);

  await menu(page, 'Email me a daily digest');
  expect(await closeDialog(page)).toMatch(/daily digest is on for you@example\.com/);
  await menu(page, 'Turn on daily automation');
  expect(await closeDialog(page)).toMatch(/Daily automation is on/);

  // What the digest must list, by the README's rules, on the day the run happens (tomorrow, 06:00).
  ({ deals } = await readDeals(server));
  const runDay = (await today(server)) + 1;
  const staleAfter = new Map(stages.map((s) => [s.name, s.staleAfter]));
  const expected = new Set<string>();
  for (const d of deals) {
    if (d.owner !== ME || !openNames.includes(d.stage)) continue;
    const touches = [d.lastActivity, d.entered].filter((x) => !Number.isNaN(x));
    const touch = touches.length ? Math.max(...touches) : d.created;
    const limit = staleAfter.get(d.stage) as number;
    if (d.nextStepDue <= runDay || runDay - touch > limit || (d.close >= runDay && d.close <= runDay + 6))
      expected.add(d.id);
  }
  expect(expected.size).toBeGreaterThan(0);

  await page.click('#advance');
  await page.waitForSelector('#toast:not([hidden])');
  // The hourly ticks ran the daily job this evening (automation had not run today) and at 06:00 tomorrow:
  // one digest each day, to me only; the newest (tomorrow's) is listed first.
  const outbox = (await state(server)).outbox as unknown as { to: string; at: string }[];
  expect(outbox.map((m) => m.to)).toEqual([ME, ME]);
  const dayOfMail = (m: { at: string } | undefined): string => (m?.at ?? '').slice(0, 10);
  expect(new Set(outbox.map(dayOfMail)).size).toBe(2);
  await page.click('#triggers');
  const items = page.locator('#triggers-menu .item', { hasText: `to ${ME}` });
  expect(await items.count()).toBe(2);
  await items.first().click();
  await page.waitForSelector('#dialog:not([hidden])');
  const mail = (await page.textContent('#dialog-text')) ?? '';
  expect(new Set(mail.match(/\[D-\d{4}\]/g)?.map((x) => x.slice(1, -1)))).toEqual(expected);
  expect(expected.has(overdue.id)).toBe(true);
  expect(mail).toContain(`- ${XSS} (`);
  expect(await page.locator('#dialog img').count()).toBe(0);
  await page.click('#dialog-ok');
  expect(alerted).toBe(false);

  // The summary after Refresh summary: the new sections with content, figures that add up, the charts drawn.
  await menu(page, 'Refresh summary now');
  await closeDialog(page);
  await page.click('.tabs button:text-is("Pipeline Summary")');
  await page.waitForSelector('.tabs button[aria-selected="true"]:text-is("Pipeline Summary")');
  const summary = await sheetCells(server, 'Pipeline Summary');
  const text = summary.map((r) => r.map((c) => c.t));
  const at = (title: RegExp): number => text.findIndex((r) => title.test(r[0] ?? ''));
  /** The rows under a section's title, up to the next blank row. */
  const section = (title: RegExp): string[][] => {
    const start = at(title);
    expect([String(title), start]).not.toEqual([String(title), -1]);
    const rows: string[][] = [];
    for (let i = start + 1; i < text.length && (text[i] as string[]).some((t) => t !== ''); i++)
      rows.push(text[i] as string[]);
    return rows;
  };
  const money = (t: string | undefined): number => Number((t ?? '').replace(/[$,]/g, ''));
  expect(section(/^Work these first/).length).toBeGreaterThanOrEqual(5);
  expect(section(/^Targets this period/).length).toBeGreaterThan(0);
  const categories = section(/^Forecast categories/);
  expect(categories.some((r) => money(r[2]) + money(r[3]) + money(r[4]) > 0)).toBe(true);
  // What changed: start + new + increased - decreased - won - lost = end, from the cells.
  const changes = section(/^What changed/);
  const v = (label: string): number => money(changes.find((r) => r[0] === label)?.[2]);
  expect(v('Value increased')).toBeGreaterThan(0);
  expect(
    v('Open pipeline at start') + v('New deals') + v('Value increased') - v('Value decreased') + v('Won') + v('Lost'),
  ).toBe(v('Open pipeline at end'));
  expect(Number(changes.find((r) => r[0] === 'Close date pushed out')?.[1])).toBeGreaterThan(0);
  // Slipped deals: the demo's pushed close dates, each with its pushes and days.
  const slipped = section(/^Slipped deals/);
  expect(Number(slipped[0]?.[1])).toBeGreaterThan(0);
  expect(slipped.filter((r) => /^D-\d{4}$/.test(r[0] ?? '')).length).toBe(Number(slipped[0]?.[1]));
  expect(section(/^Time in stage/).length).toBeGreaterThanOrEqual(openNames.length);
  expect(text[at(/^Time in stage/) + openNames.length + 1]?.[0]).toBe('Bottleneck');
  expect(section(/^Stuck deals/).length).toBeGreaterThan(0);
  const win = section(/^Win probability by stage/);
  expect(win.map((r) => r[0])).toEqual(openNames);
  expect(section(/^Forecast accuracy/).length).toBeGreaterThan(1);

  // Charts: the waterfall and the funnel, the funnel's bars in the stages' colours from the settings tab.
  const charts = (
    (await (await fetch(`${server.url}api/sheet?name=${encodeURIComponent('Pipeline Summary')}`)).json()) as {
      charts: { title: string; labels: string[]; series: { name: string }[]; colors?: string[]; stacked: boolean }[];
    }
  ).charts;
  const waterfall = charts.find((c) => c.stacked);
  expect(waterfall?.labels).toContain('Value increased');
  await page.waitForSelector(`.chart[data-title="${waterfall?.title}"] canvas`);
  const funnel = charts.find((c) => c.title === 'Pipeline funnel (deals reached)');
  const settings = await sheetCells(server, 'Pipeline Settings');
  const colorOf = new Map(settings.slice(1).map((r) => [r[0]?.t, (r[7]?.t ?? '').toLowerCase()]));
  // One series (bar) per stage reached, each in its stage's Color cell.
  expect(funnel?.series.map((x) => x.name)).toEqual([...openNames, 'Closed Won']);
  expect(funnel?.colors?.map((c) => c.toLowerCase())).toEqual(funnel?.series.map((x) => colorOf.get(x.name)));
  await page.waitForSelector('.chart[data-title="Pipeline funnel (deals reached)"] canvas');
  expect(errors).toEqual([]);
  await page.close();
  await stopServer(server);
});
