/**
 * The jobs at scale, through the built bundle: 1,000 stale deals, 10k and 50k deals, a summary
 * longer than the tab's 1,000 rows, and a write that fails half-way. Every run must end "OK", or
 * leave the previous summary in place with the failure on its last-run line.
 */
import type { CellMap } from '../../emulator/cell-map';
import { EmuRange } from '../../emulator/range';
import { DEAL_HEADERS } from '../../fixtures/deals';
import { DEFAULT_STAGES } from '../../fixtures/stages';
import { readTab } from '../helpers/workbook';
import { largeDeal, largePipeline, runStatus } from '../helpers/large-pipeline';
import { summarySection as section } from '../helpers/summary-tab';

const TODAY = Date.UTC(2026, 10, 23); // the emulator's default clock: 2026-11-23 15:00 UTC, 10:00 in New York
const STALE_AFTER: Record<string, number> = Object.fromEntries(
  DEFAULT_STAGES.filter((s) => s.staleAfter !== null).map((s) => [s.name, s.staleAfter as number]),
);

test('1,000 stale deals: the summary succeeds, lists the 200 most overdue and says how many more', () => {
  const n = 1000;
  const e = largePipeline(n, { allStale: true });
  e.call('menuRefreshSummary');
  expect(runStatus(e).slice(4, 5)).toEqual(['OK']);
  const stale = section(readTab(e, 'Pipeline Summary'), /^Stale deals/);
  expect(stale).toHaveLength(201);
  expect(stale[200]?.[0]).toBe('... and 800 more stale deals (see the Health column on Deals)');
  // Independent order: days over the limit, most first, then sheet row.
  const expected = Array.from({ length: n }, (_, i) => {
    const d = largeDeal(i, { allStale: true });
    const days = Math.round((TODAY - Date.parse(`${String(d['Stage Entered'])}T00:00:00Z`)) / 86_400_000);
    return { id: d['Deal ID'], over: days - (STALE_AFTER[d.Stage as string] as number), row: i + 2 };
  }).sort((a, b) => b.over - a.over || a.row - b.row);
  expect(stale.slice(0, 200).map((r) => [r[0], r[6]])).toEqual(expected.slice(0, 200).map((x) => [x.id, x.over]));
});

test('a summary longer than the tab (1,200 owners) grows the tab instead of failing', () => {
  const e = largePipeline(1200, { owners: 1200, historyPerDeal: 1 });
  e.call('menuRefreshSummary');
  expect(runStatus(e)[4]).toBe('OK');
  const rows = readTab(e, 'Pipeline Summary');
  expect(rows.length).toBeGreaterThan(1200);
  const owners = section(rows, /^By owner$/);
  expect(owners).toHaveLength(1200);
  expect(new Set(owners.map((r) => r[0])).size).toBe(1200);
  expect(rows.at(-2)?.[0]).toBe('Data problems');
});

test('a shorter summary after a longer one leaves no rows, notes or formats of the old one behind', () => {
  const e = largePipeline(1200, { owners: 1200, historyPerDeal: 1 });
  e.call('menuRefreshSummary');
  // Every deal but two removed (as a user deleting rows' contents), then refreshed.
  e.counter.quiet(() => e.book.getSheetByName('Deals')!.getRange(4, 1, 1198, DEAL_HEADERS.length).clearContent());
  e.call('menuRefreshSummary');
  expect(runStatus(e)[4]).toBe('OK');
  const sheet = e.book.getSheetByName('Pipeline Summary')!;
  const rows = readTab(e, 'Pipeline Summary');
  // Two deals: a short summary (fixed sections only), far below the first one's 1,200+ rows.
  expect(rows.length).toBeLessThan(150);
  const d = sheet._data();
  const lastRow = rows.length;
  const beyond = (m: CellMap<unknown>): number => [...m.keys()].filter((k) => Math.floor(k / 18_278) >= lastRow).length;
  expect([beyond(d.notes), beyond(d.formats), beyond(d.fontWeights)]).toEqual([0, 0, 0]);
});

test('a write that fails keeps the previous summary and shows the failure on the last-run line', () => {
  const e = largePipeline(50, { historyPerDeal: 1 });
  e.call('menuRefreshSummary');
  const before = readTab(e, 'Pipeline Summary').slice(2);
  e.clock.advance(3_600_000);
  e.counter.quiet(() => e.book.getSheetByName('Deals')!.getRange(2, 6).setValue(999_999));
  const original = EmuRange.prototype.setValues;
  // The summary's block write is refused (as a protected range is); the one-row status line is not.
  EmuRange.prototype.setValues = function (this: EmuRange, values: unknown[][]) {
    if (this.getSheet().getName() === 'Pipeline Summary' && this.getNumRows() > 1)
      throw new Error('You are trying to edit a protected cell or object.');
    return original.call(this, values);
  };
  try {
    e.call('menuRefreshSummary');
  } finally {
    EmuRange.prototype.setValues = original;
  }
  const status = runStatus(e);
  expect(status[4]).toBe('Failed');
  expect(status[5]).toMatch(/protected cell/);
  expect(readTab(e, 'Pipeline Summary').slice(2)).toEqual(before);
  expect(e.ui.alerts.at(-1)?.prompt).toMatch(/It did not work/);
});

describe.each([10_000, 50_000])('%i deals', (n) => {
  test('Flag stale deals, Refresh summary and the daily job all end OK', () => {
    const e = largePipeline(n);
    e.call('menuFlagStaleDeals');
    expect(e.ui.alerts.at(-1)?.prompt).not.toMatch(/did not work/);
    expect(runStatus(e)[4]).toBe('OK');
    e.call('menuRefreshSummary');
    expect(runStatus(e)[4]).toBe('OK');
    expect(e.ui.alerts.at(-1)?.prompt).not.toMatch(/did not work/);
    const rows = readTab(e, 'Pipeline Summary');
    expect(rows.find((r) => r[0] === 'Open deals')?.[1]).toBe(
      Array.from({ length: n }, (_, i) => largeDeal(i).Stage).filter((s) => !String(s).startsWith('Closed')).length,
    );
    e.call('menuTurnOnAutomation');
    e.clock.advance(20 * 3_600_000); // past 06:00 tomorrow: the hourly tick runs the daily job
    e.runDueTriggers();
    expect(runStatus(e).slice(1, 2)).toEqual(['Daily job']);
    expect(runStatus(e)[4]).toBe('OK');
  });
});

test('Refresh summary with a targets table: the same service calls at 1,000 and 50,000 deals, the targets figured', () => {
  const calls = [1000, 50_000].map((n) => {
    const e = largePipeline(n);
    // A team target and one per rep for 2026-Q4 (the emulator's today is 23 Nov 2026).
    const targets = [
      ['Team', '2026-Q4', 5_000_000],
      ...Array.from({ length: 12 }, (_, k) => [`Rep ${k}`, '2026-Q4', 400_000]),
    ];
    e.counter.quiet(() =>
      e.book.getSheetByName('Pipeline Settings')!.getRange(2, 13, targets.length, 3).setValues(e.adopt(targets)),
    );
    e.counter.reset();
    e.call('menuRefreshSummary');
    const total = e.counter.total();
    expect(runStatus(e)[4]).toBe('OK');
    const rows = section(readTab(e, 'Pipeline Summary'), /^Targets this period$/);
    expect(rows).toHaveLength(13 + 1); // the 13 targets, then Coverage needed
    // Independent: the team's won value in Q4 (no Stage Entered of a won deal falls outside 2026-11).
    const won = Array.from({ length: n }, (_, i) => largeDeal(i))
      .filter((d) => d.Stage === 'Closed Won' && /^2026-1[0-2]/.test(String(d['Stage Entered'])))
      .reduce((s, d) => s + (d.Value as number), 0);
    expect(rows[0]?.slice(0, 4)).toEqual(['Team', '2026-Q4', 5_000_000, won]);
    return total;
  });
  expect(calls[1]).toBe(calls[0]);
});

test('Refresh summary with the history sections and a forecast snapshot makes as many service calls at 50k deals as at 1k', () => {
  const run = (n: number): { calls: number; stuck: number; forecastRows: number } => {
    const e = largePipeline(n, { datedHistory: true });
    e.call('menuRefreshSummary');
    // The next day: today's snapshots are appended again (one write each), the summary rebuilt.
    e.clock.advance(86_400_000);
    e.counter.reset();
    e.call('menuRefreshSummary');
    expect(runStatus(e)[4]).toBe('OK');
    const calls = e.counter.total();
    const rows = readTab(e, 'Pipeline Summary');
    const time = section(rows, /^Time in stage/);
    // 4 dated moves a deal, Lead Generation -> ... -> Negotiation: deals entered and left Initial Contact,
    // Qualification and Proposal (never entered Lead Generation by a move; never left Negotiation).
    expect(time.slice(0, 5).map((r) => (r[1] as number) > 0)).toEqual([false, true, true, true, false]);
    return {
      calls,
      stuck: section(rows, /^Stuck deals/).length,
      forecastRows: readTab(e, 'Forecast Snapshots').length,
    };
  };
  const small = run(1000);
  const large = run(50_000);
  expect(large.calls).toBe(small.calls);
  // Two days of forecast snapshots, 5 close months each; the stuck list capped at 200 rows and a "more" line.
  expect([small.forecastRows, large.forecastRows]).toEqual([11, 11]);
  expect(large.stuck).toBeLessThanOrEqual(201);
});
