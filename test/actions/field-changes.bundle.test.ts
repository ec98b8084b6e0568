/**
 * Issue 13 items 1 and 3 on the built bundle: every change of Expected Close (typed, pasted, sidebar)
 * and of Value (typed, pasted) is logged in Stage History with its Field; slipped deals in Health and
 * on the summary; the weekly review on the summary and as PIPELINE_CHANGES, reconciling on random data.
 */
import { Emulator } from '../../emulator';
import { dealColumn as col, namedDeal } from '../../fixtures/deals';
import { expectedReview, randomTimeline } from '../../fixtures/timelines';
import { historyRows, pipelineWith } from '../helpers/pipeline';
import { largePipeline, runStatus } from '../helpers/large-pipeline';
import { readTab } from '../helpers/workbook';

const deal = (name: string, extra: Record<string, unknown> = {}): Record<string, unknown> =>
  namedDeal(name, {
    Stage: 'Qualification',
    'Stage Entered': '2026-11-20',
    'Expected Close': '2026-12-01',
    // Qualification requires a next step (default stages): given, so Health speaks of the close date only.
    'Next Step': 'Call back',
    ...extra,
  });
const dealsSheet = (emu: Emulator) => emu.book.getSheetByName('Deals')!;
const iso = (v: unknown): unknown =>
  Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : v;
const health = (emu: Emulator, row: number): unknown => readTab(emu, 'Deals')[row - 1]?.[col('Health')];
/** Serial of a yyyy-mm-dd day, as Sheets gives a date cell's oldValue. */
const serial = (isoDay: string): string =>
  String(Date.UTC(+isoDay.slice(0, 4), +isoDay.slice(5, 7) - 1, +isoDay.slice(8)) / 86_400_000 + 25_569);
const typeClose = (emu: Emulator, row: number, to: string, old: string): unknown =>
  emu.edit(dealsSheet(emu).getRange(row, col('Expected Close') + 1), [[emu.dateCell(to)]], serial(old));
const fieldRows = (emu: Emulator) => historyRows(emu).filter((h) => h[8] !== '');

describe('typed changes of Expected Close and Value are logged with their Field', () => {
  test('a typed close date: From/To as dates, via edit; two pushes put "Close date pushed 2 times" in Health', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    expect(readTab(emu, 'Stage History')[0]?.[8]).toBe('Field');
    typeClose(emu, 2, '2026-12-15', '2026-12-01');
    const [h] = fieldRows(emu);
    expect([h?.[1], iso(h?.[3]), iso(h?.[4]), h?.[6], h?.[8]]).toEqual([
      'D-0001',
      emu.dateCell('2026-12-01').toISOString(),
      emu.dateCell('2026-12-15').toISOString(),
      'edit',
      'Expected Close',
    ]);
    expect(health(emu, 2)).toBe('');
    typeClose(emu, 2, '2027-01-10', '2026-12-15');
    expect(health(emu, 2)).toBe('Close date pushed 2 times (+40 days)');
    // A later edit of another column keeps it without reading the history; the daily job recomputes it.
    emu.edit(dealsSheet(emu).getRange(2, col('Next Step') + 1), [['call']]);
    expect(health(emu, 2)).toBe('Close date pushed 2 times (+40 days)');
    emu.call('menuFlagStaleDeals');
    expect(health(emu, 2)).toBe('Close date pushed 2 times (+40 days)');
    // The stage moves are still what the functions and jobs read: no field row counts as a move.
    expect(historyRows(emu).filter((r) => r[8] === '')).toHaveLength(1);
  });

  test('a 2,000-row paste into Value: one history write, rows whose value did not change are not logged', () => {
    const n = 2000;
    const { emu } = pipelineWith(Array.from({ length: n }, (_, i) => deal(`Deal ${i}`, { Value: 100 })));
    const range = () => dealsSheet(emu).getRange(2, col('Value') + 1, n, 1);
    // No earlier record: the first paste records each value, saying the old one is unknown.
    emu.edit(
      range(),
      Array.from({ length: n }, () => [100]),
    );
    expect(fieldRows(emu)).toHaveLength(n);
    expect(fieldRows(emu)[0]?.[7]).toBe('previous value unknown (multi-cell paste)');
    emu.counter.reset();
    emu.edit(
      range(),
      Array.from({ length: n }, (_, i) => [i % 2 === 0 ? 250 : 100]),
    );
    expect(emu.counter.get('Range.setValues')).toBeLessThanOrEqual(3);
    const logged = fieldRows(emu).slice(n);
    expect(logged).toHaveLength(n / 2);
    expect(logged.every((h) => h[3] === 100 && h[4] === 250 && h[8] === 'Value')).toBe(true);
  });

  test('text pasted into Value that looks like a formula is logged as that text, never as a formula', () => {
    const { emu } = pipelineWith([deal('Acme'), deal('Beta')]);
    const evil = '=HYPERLINK("http://x.example","y")';
    emu.edit(dealsSheet(emu).getRange(2, col('Value') + 1), [[`'${evil}`]], '100');
    expect(readTab(emu, 'Deals')[1]?.[col('Value')]).toBe(evil); // it reached the add-on as text
    const history = emu.book.getSheetByName('Stage History')!;
    const last = history.getLastRow();
    expect(emu.counter.quiet(() => history.getRange(last, 1, 1, 9).getFormulas())[0]?.every((f) => f === '')).toBe(
      true,
    );
    expect(historyRows(emu).at(-1)?.slice(3, 5)).toEqual([100, evil]);
    expect(historyRows(emu).at(-1)?.[8]).toBe('Value');
  });

  test('an edit while another run holds the lock is queued and logged later with its field and time', () => {
    const { emu, faults } = pipelineWith([deal('Acme')]);
    const typedAt = emu.clock.now();
    faults.holdLock(60_000);
    typeClose(emu, 2, '2027-02-01', '2026-12-01');
    expect(fieldRows(emu)).toHaveLength(0);
    emu.clock.advance(2 * 60_000);
    emu.call('menuFlagStaleDeals');
    const [h] = fieldRows(emu);
    expect((h?.[0] as Date).getTime()).toBe(typedAt);
    expect([iso(h?.[3]), iso(h?.[4]), h?.[8]]).toEqual([
      emu.dateCell('2026-12-01').toISOString(),
      emu.dateCell('2027-02-01').toISOString(),
      'Expected Close',
    ]);
    expect(health(emu, 2)).toBe('Close date pushed once (+62 days)');
  });
});

describe('the sidebar close date field', () => {
  const set = (emu: Emulator, o: Record<string, unknown>) =>
    emu.call('setExpectedClose', {
      dealId: 'D-0001',
      row: 2,
      was: '2026-12-01',
      expectedClose: '2027-01-15',
      ...o,
    }) as {
      ok: boolean;
      message: string;
      deal?: { expectedClose: string };
    };

  test('sets the date, logs it via sidebar, and shows the deal again', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    const r = set(emu, {});
    expect(r.ok).toBe(true);
    expect(r.deal?.expectedClose).toBe('2027-01-15');
    expect(iso(readTab(emu, 'Deals')[1]?.[col('Expected Close')])).toBe(emu.dateCell('2027-01-15').toISOString());
    expect(fieldRows(emu).map((h) => [h[6], h[8], iso(h[4])])).toEqual([
      ['sidebar', 'Expected Close', emu.dateCell('2027-01-15').toISOString()],
    ]);
    expect(health(emu, 2)).toBe('Close date pushed once (+45 days)');
  });

  test('refuses a stale view, a bad date and a bad row, and writes nothing', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    const before = JSON.stringify(readTab(emu, 'Deals'));
    expect(set(emu, { was: '2026-11-30' }).message).toMatch(/changed to "2026-12-01" since the sidebar read it/);
    expect(set(emu, { expectedClose: '2027-02-30' }).message).toMatch(/is not a date/);
    expect(set(emu, { expectedClose: '=1+1' }).message).toMatch(/is not a date/);
    expect(set(emu, { row: 'x' }).message).toMatch(/row must be/);
    expect(set(emu, { dealId: 'D-9' }).message).toMatch(/no longer on the Deals tab/);
    expect(JSON.stringify(readTab(emu, 'Deals'))).toBe(before);
    expect(fieldRows(emu)).toHaveLength(0);
  });
});

describe('the summary: what changed, its waterfall, slipped deals', () => {
  test('sections, the chart and the slipped list after typed changes', () => {
    const { emu } = pipelineWith([deal('Acme', { Value: 1000 }), deal('Beta', { Value: 500 })]);
    typeClose(emu, 2, '2026-12-20', '2026-12-01');
    typeClose(emu, 2, '2027-01-20', '2026-12-20');
    emu.edit(dealsSheet(emu).getRange(3, col('Value') + 1), [[800]], '500');
    emu.call('menuRefreshSummary');
    const tab = readTab(emu, 'Pipeline Summary');
    const at = tab.findIndex((r) => String(r[0]).startsWith('What changed ('));
    expect(at).toBeGreaterThan(0);
    const rows = tab.slice(at + 1, at + 12).map((r) => [r[0], r[1], Object.is(r[2], -0) ? 0 : r[2]]);
    // Set up today with Created blank: setup's import rows say the deals were there already, so they open the week.
    expect(rows.slice(0, 7)).toEqual([
      ['Open pipeline at start', 2, 1500],
      ['New deals', 0, 0],
      ['Value increased', 1, 300],
      ['Value decreased', 0, 0],
      ['Won', 0, 0],
      ['Lost', 0, 0],
      ['Open pipeline at end', 2, 1800],
    ]);
    expect(rows[9]).toEqual(['Close date pushed out', 1, 1000]);
    const slipped = tab.findIndex((r) => r[0] === 'Slipped deals (close date pushed)');
    expect(tab[slipped + 1]?.slice(0, 3)).toEqual(['Open deals slipped', 1, 1000]);
    expect(tab[slipped + 3]?.slice(0, 7)).toEqual(['D-0001', 'Acme', 'Ann', 'Qualification', 2, 50, 1000]);
    const chart = emu.book
      .getSheetByName('Pipeline Summary')!
      .getCharts()
      .find((c) => c.getOptions().get('title') === 'What changed (waterfall)');
    expect(chart?.getOptions().get('isStacked')).toBe(true);
  });
});

test('PIPELINE_CHANGES through the built bundle equals the review computed from the true states, and reconciles', () => {
  const loaded = pipelineWith([]).emu;
  const zoneStart = (day: number): number =>
    loaded.dateCell(new Date(day * 86_400_000).toISOString().slice(0, 10)).getTime();
  const t = randomTimeline(11, 250, 60, zoneStart, 20_600);
  const now = t.deals.map((d) => d.states[d.states.length - 1]!);
  const dayCell = (day: number) => new Date(zoneStart(day));
  const ids = t.deals.map((d) => [d.id]);
  const stages = now.map((s) => [s.stage]);
  const values = now.map((s) => [s.value]);
  const closes = now.map((s) => [dayCell(s.close)]);
  const created = t.deals.map((d) => [d.createdKnown ? dayCell(d.created) : '']);
  for (const [from, to] of [
    [t.firstDay + 10, t.firstDay + 16],
    [t.firstDay + 30, t.lastDay],
  ] as const) {
    const got = loaded.callCustomFunction(
      'PIPELINE_CHANGES',
      dayCell(from),
      dayCell(to),
      t.history,
      ids,
      stages,
      values,
      closes,
      created,
    ) as (string | number)[][];
    const want = expectedReview(t, from, to);
    const order = Object.values(want);
    expect(got.slice(1).map((r) => [r[1], Math.round(Math.abs(r[2] as number) * 100)])).toEqual(order);
    const money = got.slice(1, 8).map((r) => Math.round((r[2] as number) * 100));
    expect(money.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(money[6]);
  }
});

test('the summary job (with the review and slipped deals) makes the same service calls at 1k and 10k deals', () => {
  const calls = (n: number): number => {
    const e = largePipeline(n);
    e.counter.reset();
    e.call('menuRefreshSummary');
    expect(runStatus(e)[4]).toBe('OK');
    return e.counter.total();
  };
  expect(calls(10_000)).toBe(calls(1_000));
});

test('setup adds the Field header to a history tab made with eight columns, once', () => {
  const e = largePipeline(5);
  expect(readTab(e, 'Stage History')[0]).toEqual([
    'Timestamp',
    'Deal ID',
    'Deal',
    'From',
    'To',
    'Changed by',
    'Via',
    'Note',
    'Field',
  ]);
  const before = JSON.stringify(readTab(e, 'Stage History'));
  e.call('menuSetUpPipeline');
  expect(JSON.stringify(readTab(e, 'Stage History'))).toBe(before);
});
