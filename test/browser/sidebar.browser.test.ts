/**
 * The built dist/Sidebar.html in Debian Chromium, its google.script.run bridged to dist/Code.js
 * running in the emulator: the rep's whole path from an unmet deal to a logged move.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Emulator } from '../../emulator';
import { launch } from '../helpers/browser';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { loadedEmulator, readTab, select, writeTab } from '../helpers/workbook';

const artifacts = join(__dirname, '..', '..', 'test-artifacts');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the sidebar the way the menu does, with google.script.run calling into the emulator. */
async function openSidebar(emu: Emulator): Promise<Page> {
  emu.call('menuMoveDeal');
  const html = emu.ui.sidebar?.getContent() as string;
  const page = await browser.newPage({ viewport: { width: 300, height: 760 } });
  await page.exposeFunction('__gas', (name: string, args: unknown[]) =>
    JSON.stringify(emu.call(name, ...args) ?? null),
  );
  await page.addInitScript(() => {
    const w = window as unknown as { __gas(name: string, args: unknown[]): Promise<string>; google: unknown };
    const runner = (ok?: (v: unknown) => void, fail?: (e: Error) => void): unknown =>
      new Proxy(
        {},
        {
          get(_t, prop: string) {
            if (prop === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
            if (prop === 'withFailureHandler') return (f: (e: Error) => void) => runner(ok, f);
            return (...args: unknown[]) => {
              w.__gas(prop, args).then(
                (r) => ok?.(JSON.parse(r)),
                (e: Error) => fail?.(e),
              );
            };
          },
        },
      );
    w.google = { script: { run: runner() } };
  });
  // Init scripts run on navigation, so serve the file from an intercepted address (no network).
  await page.route('http://sidebar.invalid/', (route) => route.fulfill({ body: html, contentType: 'text/html' }));
  await page.goto('http://sidebar.invalid/');
  return page;
}

test('open on a deal, see unmet BANT, tick them in the sheet, refresh, move, find the history row', async () => {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [
    DEAL_HEADERS,
    dealRow({
      Deal: 'Acme renewal',
      Company: 'Acme',
      Owner: 'Ann',
      Stage: 'Qualification',
      Value: 48000,
      'Stage Entered': '2026-11-10',
    }),
    dealRow({
      Deal: '<img src=x onerror=alert(1)>',
      Company: '<b>bold</b>',
      Owner: 'Eve',
      Stage: 'Lead Generation',
      Value: 1,
    }),
  ]);
  emu.call('menuSetUpPipeline');
  select(emu, 'Deals', 2);
  const page = await openSidebar(emu);
  await page.waitForSelector('#deal:not([hidden])');
  expect(await page.textContent('#deal-name')).toBe('Acme renewal');
  expect(await page.textContent('#deal-days')).toBe('13');
  const proposal = page.locator('#stages li', { hasText: 'Proposal' }).first();
  expect(await proposal.locator('.unmet').allTextContents()).toEqual([
    'Budget (Proposal)',
    'Authority (Proposal)',
    'Need (Proposal)',
    'Timeline (Proposal)',
  ]);
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, 'sidebar-unmet.png'), fullPage: true });

  // Blocked without an override: the reasons are shown, nothing is written.
  await proposal.locator('button').click();
  // Proposal requires a next step and the deal has none: the form asks for it.
  expect(await page.isVisible('#move-fu-step')).toBe(true);
  await page.fill('#move-fu-step', 'Send proposal');
  await page.click('#confirm');
  await page.waitForSelector('.status.error');
  expect(await page.textContent('#status')).toMatch(/needs: Budget \(Proposal\)/);

  emu.counter.quiet(() =>
    emu.book
      .getSheetByName('Deals')!
      .getRange('L2:P2')
      .setValues([[true, true, true, true, 'Send proposal']]),
  );
  await page.click('#refresh');
  await page.waitForFunction(() => document.querySelectorAll('#stages li .unmet').length < 6);
  const ready = page.locator('#stages li', { hasText: 'Proposal' }).first();
  expect(await ready.locator('.unmet').count()).toBe(0);
  // With the keyboard only: Enter on the stage opens the form with the note focused, Tab reaches Move.
  await ready.locator('button').focus();
  await page.keyboard.press('Enter');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('note');
  // Every requirement is met and Proposal is not a Lost stage: neither the override nor the lost reason shows.
  expect(await page.isVisible('#override-label')).toBe(false);
  expect(await page.isVisible('#lost-label')).toBe(false);
  await page.keyboard.type('Budget confirmed on call');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('confirm');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.status.ok');
  expect(await page.textContent('#deal-stage')).toBe('Proposal');
  await page.screenshot({ path: join(artifacts, 'sidebar-moved.png'), fullPage: true });
  const history = readTab(emu, 'Stage History');
  expect(history.at(-1)?.slice(1)).toEqual([
    'D-0001',
    'Acme renewal',
    'Qualification',
    'Proposal',
    'rep@example.com',
    'sidebar',
    'Budget confirmed on call',
    '',
  ]);

  // The Expected Close field: a date picked and saved is written and logged as a field change.
  expect(await page.inputValue('#close-date')).toBe('');
  await page.fill('#close-date', '2027-01-15');
  await page.click('#close-save');
  await page.waitForFunction(() => /Expected Close of/.test(document.getElementById('status')?.textContent ?? ''));
  expect(await page.inputValue('#close-date')).toBe('2027-01-15');
  const field = readTab(emu, 'Stage History').at(-1);
  expect([field?.[1], field?.[6], field?.[8], (field?.[4] as Date).toISOString()]).toEqual([
    'D-0001',
    'sidebar',
    'Expected Close',
    emu.dateCell('2027-01-15').toISOString(),
  ]);

  // The XSS deal stays text.
  let alerted = false;
  page.on('dialog', (d) => {
    alerted = true;
    void d.dismiss();
  });
  select(emu, 'Deals', 3);
  await page.click('#refresh');
  await page.waitForFunction(() => document.getElementById('deal-name')?.textContent?.includes('<img'));
  expect(await page.textContent('#deal-name')).toBe('<img src=x onerror=alert(1)>');
  expect(await page.textContent('#deal-company')).toBe('<b>bold</b>');
  expect(await page.locator('#deal img, #deal b').count()).toBe(0);
  expect(alerted).toBe(false);

  // Not a deal: a clear message.
  select(emu, 'Deals', 1);
  await page.click('#refresh');
  await page.waitForSelector('.status.error');
  expect(await page.textContent('#status')).toMatch(/header row/);
  await page.close();
});
