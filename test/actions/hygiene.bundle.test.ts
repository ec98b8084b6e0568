/**
 * Issue 12 items 4-5 through dist/Code.js: Clean up pipeline (the move path, gates for Lost, one
 * batch write, history via cleanup, a row changed since the dialog loaded refused), snooze (Health,
 * the stale job, expiry), archive closed deals (verified before deleting, under faults, still
 * counted by the summary) and possible duplicates (summary and dialog).
 */
import { Emulator } from '../../emulator';
import { dealColumn as col, DEAL_HEADERS } from '../../fixtures/deals';
import { historyRows, pipelineWith } from '../helpers/pipeline';
import { summaryFigure, summarySection } from '../helpers/summary-tab';
import { readTab } from '../helpers/workbook';

const NOW = Date.UTC(2026, 10, 30, 17); // 2026-11-30, 12:00 in New York (the default spreadsheet zone)
/** Whole days from a yyyy-mm-dd day to 2026-11-30, by plain UTC arithmetic (independent of the add-on). */
const daysTo30Nov = (iso: string): number => (Date.UTC(2026, 10, 30) - Date.parse(`${iso}T00:00:00Z`)) / 86_400_000;

const deals = [
  {
    Deal: 'Acme renewal',
    Company: 'Acme',
    Owner: 'Ann',
    Stage: 'Qualification',
    Value: 5000,
    'Stage Entered': '2026-08-01',
    'Last Activity': '2026-09-01',
  },
  {
    Deal: 'Beta',
    Company: 'Beta Co',
    Owner: 'Bob',
    Stage: 'Lead Generation',
    Value: 100,
    'Stage Entered': '2026-11-20',
  },
  {
    Deal: 'Core',
    Company: 'Core',
    Owner: 'Cy',
    Stage: 'Qualification',
    Value: 900,
    'Stage Entered': '2026-06-01',
    'Next Step': 'Chase legal',
  },
  {
    Deal: 'ACME Renewal 2026',
    Company: 'Acme Inc.',
    Owner: 'Dee',
    Stage: 'Lead Generation',
    Value: 50,
    'Stage Entered': '2026-11-25',
  },
  {
    Deal: 'Echo',
    Company: 'Echo',
    Owner: 'Ann',
    Stage: 'Closed Won',
    Value: 3000,
    'Expected Close': '2026-01-10',
    Created: '2025-12-01',
    'Stage Entered': '2026-01-10',
  },
  {
    Deal: 'Flux',
    Company: 'Flux',
    Owner: 'Bob',
    Stage: 'Closed Lost',
    Value: 700,
    'Stage Entered': '2026-10-01',
    'Lost Reason': 'price',
  },
  { Deal: 'Gone', Company: 'Gone', Owner: '', Stage: 'Negotiation', Value: 10, 'Stage Entered': '2026-07-01' },
];

type Item = { dealId: string; row: number; name: string; days: number; limit: number; reason: string; stamp: string };
type List = { ok: true; lostStage: string; items: Item[]; duplicates: { company: string; deals: { row: number }[] }[] };
type Result = { ok: boolean; message: string; results: { dealId: string; moved: boolean; message: string }[] };

function setup(): ReturnType<typeof pipelineWith> {
  return pipelineWith(deals, { now: NOW });
}
const list = (emu: Emulator): List => emu.call('getCleanupList') as List;
const cleanUp = (emu: Emulator, items: Item[]): Result =>
  emu.call('cleanUpDeals', {
    deals: items.map((i) => ({ dealId: i.dealId, row: i.row, stamp: i.stamp, reason: i.reason })),
  }) as Result;
const setCell = (emu: Emulator, tab: string, a1: string, v: unknown): void =>
  emu.counter.quiet(() => {
    emu.book.getSheetByName(tab)!.getRange(a1).setValue(v);
  });
const cellOf = (header: string, row: number): string => `${String.fromCharCode(65 + col(header))}${row}`;

describe('Clean up pipeline', () => {
  test('lists open deals at or past their stage limit, longest over first; snoozed deals are not listed', () => {
    const { emu } = setup();
    emu.call('snoozeDeal', { dealId: 'D-0003', row: 4, until: '2026-12-10', reason: 'waiting on legal' });
    const l = list(emu);
    expect(l.ok).toBe(true);
    expect(l.lostStage).toBe('Closed Lost');
    // Independent: later of Stage Entered and Last Activity, limits from the default table (60, 45).
    const acme = daysTo30Nov('2026-09-01');
    const gone = daysTo30Nov('2026-07-01');
    expect(l.items.map((i) => [i.name, i.days, i.limit])).toEqual(
      [
        ['Gone', gone, 45],
        ['Acme renewal', acme, 60],
      ].sort((a, b) => (b[1] as number) - (b[2] as number) - ((a[1] as number) - (a[2] as number))),
    );
    expect(l.items.find((i) => i.name === 'Acme renewal')!.reason).toBe(`No progress in ${acme} days`);
  });

  test('moves the ticked deals to Closed Lost in one batch, logged via cleanup; a gate or a changed row refuses only that deal', () => {
    const { emu } = setup();
    // Closed Lost also needs an Owner: the Lost stage's gates apply (Gone has none).
    setCell(emu, 'Pipeline Settings', 'E8', 'Lost Reason, Owner');
    const l = list(emu);
    const before = historyRows(emu).length;
    const calls = emu.counter.get('Range.setValues');
    const r = cleanUp(emu, l.items);
    expect(r.results.find((x) => x.dealId === 'D-0007')).toMatchObject({ moved: false });
    expect(r.results.find((x) => x.dealId === 'D-0007')!.message).toMatch(/needs: Owner/);
    expect(r.results.find((x) => x.dealId === 'D-0001')).toMatchObject({ moved: true });
    const rows = readTab(emu, 'Deals');
    expect(rows[1]![col('Stage')]).toBe('Closed Lost');
    expect(rows[1]![col('Lost Reason')]).toBe(`No progress in ${daysTo30Nov('2026-09-01')} days`);
    expect(rows[7]![col('Stage')]).toBe('Negotiation');
    const logged = historyRows(emu).slice(before);
    expect(logged.map((h) => h[1]).sort()).toEqual(['D-0001', 'D-0003']); // Core (182 days) moved too; Gone refused
    expect(logged.find((h) => h[1] === 'D-0001')!.slice(1, 8)).toEqual([
      'D-0001',
      'Acme renewal',
      'Qualification',
      'Closed Lost',
      expect.any(String),
      'cleanup',
      `Lost reason: No progress in ${daysTo30Nov('2026-09-01')} days`,
    ]);
    expect(emu.counter.get('Range.setValues') - calls).toBeLessThanOrEqual(4);
  });

  test('many deals move with the same few writes as one', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      Deal: `Old ${i}`,
      Company: `Co ${i}`,
      Owner: 'Ann',
      Stage: 'Lead Generation',
      'Stage Entered': '2026-01-05',
    }));
    const { emu } = pipelineWith(many, { now: NOW });
    const l = list(emu);
    expect(l.items).toHaveLength(40);
    const calls = emu.counter.snapshot();
    const r = cleanUp(emu, l.items);
    expect(r.results.every((x) => x.moved)).toBe(true);
    const after = emu.counter.snapshot();
    // Stage, Stage Entered + Last Activity, Lost Reason, Health blocks plus one history append: never per deal.
    expect((after['Range.setValues'] ?? 0) - (calls['Range.setValues'] ?? 0)).toBeLessThanOrEqual(5);
    expect(historyRows(emu).filter((h) => h[6] === 'cleanup')).toHaveLength(40);
    expect(
      readTab(emu, 'Deals')
        .slice(1)
        .every((row) => row[col('Stage')] === 'Closed Lost'),
    ).toBe(true);
  });

  test('a row edited after the dialog loaded is refused and left as it is; the others move', () => {
    const { emu } = setup();
    const l = list(emu);
    setCell(emu, 'Deals', cellOf('Last Activity', 8), '2026-11-29'); // Gone was touched meanwhile
    const r = cleanUp(emu, l.items);
    expect(r.results.find((x) => x.dealId === 'D-0007')!.message).toMatch(/changed since the dialog loaded/);
    expect(r.results.find((x) => x.dealId === 'D-0001')!.moved).toBe(true);
    expect(readTab(emu, 'Deals')[7]![col('Stage')]).toBe('Negotiation');
  });

  test('bad requests are refused with a message and change nothing', () => {
    const { emu } = setup();
    const snap = JSON.stringify(readTab(emu, 'Deals'));
    for (const bad of [null, {}, { deals: [] }, { deals: [{ dealId: 'D-0001', row: 2, stamp: 'x', reason: '' }] }]) {
      const r = emu.call('cleanUpDeals', bad) as Result;
      expect(r.ok).toBe(false);
    }
    expect(JSON.stringify(readTab(emu, 'Deals'))).toBe(snap);
  });

  test('possible duplicates: same company (legal form ignored), similar names, both open, in the dialog and on the summary', () => {
    const { emu } = setup();
    const l = list(emu);
    expect(l.duplicates.map((g) => g.deals.map((d) => d.row))).toEqual([[2, 5]]);
    emu.call('menuRefreshSummary');
    const problems = summarySection(readTab(emu, 'Pipeline Summary'), /^Data problems$/);
    const dup = problems.find((r) => r[1] === 5);
    expect(dup).toBeDefined();
    expect(String(dup![4])).toMatch(/possibly the same deal as row 2/);
  });
});

describe('Snooze', () => {
  test('from the sidebar: adds the columns, Health says why, the stale job skips the deal until the day after', () => {
    const { emu } = setup();
    const r = emu.call('snoozeDeal', { dealId: 'D-0003', row: 4, until: '2026-12-10', reason: 'waiting on legal' }) as {
      ok: boolean;
      deal: { dealId: string; row: number; snoozedUntil: string; snoozeReason: string };
    };
    expect(r.ok).toBe(true);
    // The deal as saved comes back for the sidebar to show (it does not reload the selection).
    expect([r.deal.dealId, r.deal.row, r.deal.snoozedUntil, r.deal.snoozeReason]).toEqual([
      'D-0003',
      4,
      '2026-12-10',
      'waiting on legal',
    ]);
    const headers = readTab(emu, 'Deals')[0]!;
    expect(headers.slice(DEAL_HEADERS.length)).toEqual(['Snoozed Until', 'Snooze Reason']);
    // The new date column shows dates as setup's date columns do.
    const untilCell = emu.book.getSheetByName('Deals')!.getRange(4, DEAL_HEADERS.length + 1);
    expect(emu.counter.quiet(() => untilCell.getDisplayValue())).toBe('2026-12-10');
    emu.call('menuFlagStaleDeals');
    const health = (): string => String(readTab(emu, 'Deals')[3]![col('Health')]);
    expect(health()).toBe('Snoozed until 2026-12-10: waiting on legal');
    emu.clock.set(Date.UTC(2026, 11, 11, 17));
    emu.call('menuFlagStaleDeals');
    expect(health()).toMatch(/^Stale: \d+ days in Qualification/);
  });

  test('typed into the columns; a date in the past or not a date is refused by the server', () => {
    const { emu } = setup();
    expect(
      (emu.call('snoozeDeal', { dealId: 'D-0003', row: 4, until: '2026-11-01', reason: '' }) as { ok: boolean }).ok,
    ).toBe(false);
    expect(
      (emu.call('snoozeDeal', { dealId: 'D-0003', row: 4, until: '2026-02-30', reason: '' }) as { ok: boolean }).ok,
    ).toBe(false);
    emu.call('snoozeDeal', { dealId: 'D-0002', row: 3, until: '', reason: '' }); // adds the columns, clears nothing
    const width = readTab(emu, 'Deals')[0]!.length;
    setCell(emu, 'Deals', `${String.fromCharCode(64 + width - 1)}8`, '2026-12-01');
    setCell(emu, 'Deals', `${String.fromCharCode(64 + width)}8`, 'board meeting');
    emu.call('menuRefreshSummary');
    const stale = summarySection(readTab(emu, 'Pipeline Summary'), /^Stale deals/);
    expect(stale.some((r) => r[1] === 'Gone')).toBe(false);
    expect(stale.some((r) => r[1] === 'Core')).toBe(true);
  });
});

describe('Archive closed deals', () => {
  test('moves closed deals older than the setting to the Archive tab; the summary still counts them', () => {
    const { emu } = setup();
    emu.call('menuRefreshSummary');
    const winRate = summaryFigure(emu, 'Win rate');
    emu.call('menuArchiveClosedDeals');
    const archive = readTab(emu, 'Archive');
    expect(archive[0]).toEqual(readTab(emu, 'Deals')[0]);
    expect(archive.slice(1).map((r) => r[1])).toEqual(['Echo']); // Flux closed 60 days ago: stays
    expect(readTab(emu, 'Deals').some((r) => r[1] === 'Echo')).toBe(false);
    emu.call('menuRefreshSummary');
    expect(summaryFigure(emu, 'Win rate')).toBe(winRate);
    expect(winRate).toBe(0.5); // Echo won, Flux lost
  });

  test('a failed Archive write removes nothing from Deals and leaves no half row', () => {
    const { emu, faults } = setup();
    emu.call('menuArchiveClosedDeals'); // creates the tab with Echo
    setCell(emu, 'Deals', cellOf('Stage Entered', 6), '2025-01-01'); // Flux now due too
    faults.failWriteHalfway('Archive', 1);
    emu.call('menuArchiveClosedDeals');
    expect(readTab(emu, 'Deals').some((r) => r[1] === 'Flux')).toBe(true);
    expect(
      readTab(emu, 'Archive')
        .slice(1)
        .filter((r) => r.some((c) => c !== '')),
    ).toHaveLength(1);
  });

  test('a failed deletion leaves the deal on both tabs, counted once; the next run finishes without a second copy', () => {
    const many = Array.from({ length: 6 }, (_, i) => ({
      Deal: `Won ${i}`,
      Company: `W ${i}`,
      Owner: 'Ann',
      Stage: i % 2 ? 'Closed Won' : 'Lead Generation',
      Value: 1000,
      'Expected Close': '2025-05-01',
      'Stage Entered': '2025-05-01',
      Created: '2025-04-01',
    }));
    const { emu, faults } = pipelineWith(many, { now: NOW });
    emu.call('menuRefreshSummary');
    const won = summaryFigure(emu, 'Average deal size');
    faults.failDeleteRows('Deals', 2); // rows 7, 5, 3 are separate runs: the second deletion fails
    emu.call('menuArchiveClosedDeals');
    const ids = (tab: string): string[] =>
      readTab(emu, tab)
        .slice(1)
        .map((r) => String(r[0]))
        .filter(Boolean);
    for (const id of ['D-0001', 'D-0002', 'D-0003', 'D-0004', 'D-0005', 'D-0006'])
      expect(ids('Deals').includes(id) || ids('Archive').includes(id)).toBe(true);
    expect(ids('Archive')).toEqual(['D-0002', 'D-0004', 'D-0006']);
    expect(ids('Deals')).toEqual(['D-0001', 'D-0002', 'D-0003', 'D-0004', 'D-0005']);
    emu.call('menuRefreshSummary');
    expect(summaryFigure(emu, 'Average deal size')).toBe(won);
    expect(readTab(emu, 'Pipeline Summary')[1]![4]).toBe('OK');
    faults.clear();
    emu.call('menuArchiveClosedDeals');
    expect(ids('Archive')).toEqual(['D-0002', 'D-0004', 'D-0006']);
    expect(ids('Deals')).toEqual(['D-0001', 'D-0003', 'D-0005']);
  });

  test('a row inserted by another user before the deletion: the archived deal is found by its Deal ID', () => {
    const { emu, faults } = setup();
    faults.afterRead('Deals', 2, () =>
      faults.insertRow('Deals', 2, ['', 'Newcomer', 'New Co', 'Ann', 'Lead Generation']),
    );
    emu.call('menuArchiveClosedDeals');
    const names = readTab(emu, 'Deals')
      .slice(1)
      .map((r) => r[1]);
    expect(names).toEqual(['Newcomer', 'Acme renewal', 'Beta', 'Core', 'ACME Renewal 2026', 'Flux', 'Gone']);
    expect(
      readTab(emu, 'Archive')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual(['Echo']);
  });
});
