/**
 * Every section of the Pipeline Summary past the headline figures, through the built bundle,
 * checked against an independent computation written here with plain loops over the fixture rows
 * (not the add-on's core functions): stale list order, by-stage weighted value and average days in
 * stage, the funnel from Stage History, the forecast with its Overdue row, owners with win rates,
 * the trend window. Hostile text typed into cells (leading apostrophe) must come out as text.
 */
import { Emulator } from '../../emulator';
import { dayNumber as day } from '../../fixtures/calendar-days';
import { DEAL_HEADERS, dealColumn, dealRow } from '../../fixtures/deals';
import { HISTORY_HEADERS } from '../../fixtures/history';
import { DEFAULT_STAGES as STAGES, defaultStage as stageOf } from '../../fixtures/stages';
import { summarySection as section } from '../helpers/summary-tab';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

// The emulator's clock: 2026-11-23 15:00 UTC, a Monday morning in New York (the sheet's zone).
const TODAY = '2026-11-23';
const ZONE = 'America/New_York';
const EVIL_DEAL = '=IMPORTXML("http://evil.example","//a")';
const EVIL_OWNER = '=HYPERLINK("http://evil.example","click")';

const indexOf = (name: string): number => STAGES.findIndex((s) => s.name === name);

interface Fixture {
  id: string;
  deal: string;
  owner: string;
  stage: string;
  value: number | '';
  prob: string | number | '';
  close: string;
  created: string;
  entered: string;
  activity: string;
  lost?: string;
}
const F = (
  id: string,
  deal: string,
  owner: string,
  stage: string,
  value: number | '',
  prob: string | number | '',
  close: string,
  created: string,
  entered: string,
  activity: string,
  lost = '',
): Fixture => ({ id, deal, owner, stage, value, prob, close, created, entered, activity, lost });

const DEALS: Fixture[] = [
  F('F-01', 'Alpha', 'Ann', 'Lead Generation', 1000, '', '2026-10-15', '2026-09-01', '2026-10-01', '2026-10-20'),
  F('F-02', 'Bravo', 'Ann', 'Qualification', 5000, '40%', '2026-12-05', '2026-08-01', '2026-11-15', ''),
  F('F-03', 'Charlie', 'Bob', 'Proposal', 8000, '', '2027-01-20', '2026-07-01', '2026-10-25', '2026-11-01'),
  F('F-04', 'Delta', 'Bob', 'Negotiation', 12000, 90, '2026-11-30', '2026-06-01', '2026-11-10', ''),
  F('F-05', 'Echo', 'Cy', 'Closed Won', 7000, '', '2026-09-30', '2026-05-01', '2026-09-28', ''),
  F('F-06', 'Foxtrot', 'Cy', 'Closed Lost', 3000, '', '2026-08-15', '2026-04-01', '2026-08-10', '', 'price'),
  F('F-07', 'Golf', 'Ann', 'Closed Won', 4000, '', '2026-11-02', '2026-03-01', '2026-11-01', ''),
  F('F-08', 'Hotel', 'Dee', 'Initial Contact', 2500, '', '', '2026-11-01', '', ''),
  F('F-09', 'India', 'Dee', 'Initial Contact', '', '', '2027-03-10', '', '', ''),
  F('F-10', 'Juliet', '', 'Proposal', 6000, '', '2026-09-01', '2026-08-01', '2026-11-20', ''),
  F('F-11', 'Kilo', 'Bob', 'Closed Lost', 9000, '', '2026-10-01', '2026-05-01', '2026-10-05', '', 'timing'),
  F('F-12', 'Lima', 'Eve', 'Negotiation', 15000, '', '2027-04-15', '2026-09-01', '2026-11-22', ''),
  F('F-13', 'Mike', 'Eve', 'Lead Generation', 500, '', '2027-06-01', '2026-10-01', '2026-11-03', ''),
  F('F-14', EVIL_DEAL, EVIL_OWNER, 'Lead Generation', 10, '', '', '2026-01-01', '', '2026-01-02'),
];
/** Moves logged before setup (setup logs an "import" row for every other deal). */
const HISTORY: [string, string, string][] = [
  ['F-03', '', 'Lead Generation'],
  ['F-03', 'Lead Generation', 'Qualification'],
  ['F-03', 'Qualification', 'Proposal'],
  ['F-08', '', 'Lead Generation'],
  ['F-08', 'Lead Generation', 'Negotiation'],
  ['F-08', 'Negotiation', 'Initial Contact'],
  ['F-11', '', 'Qualification'],
  ['F-11', 'Qualification', 'Proposal'],
  ['F-11', 'Proposal', 'Closed Lost'],
];

const today = day(TODAY);
const val = (d: Fixture): number => (d.value === '' ? 0 : d.value);
/** The probability a deal weighs with (DOMAIN.md): Won 100%, Lost 0%, else its own when given, else its stage's. */
function weight(d: Fixture): number {
  const s = stageOf(d.stage);
  if (s.outcome !== 'Open') return s.probability;
  if (d.prob === '') return s.probability;
  const n = typeof d.prob === 'number' ? d.prob : Number(String(d.prob).replace('%', ''));
  return n > 1 ? n / 100 : n;
}
const isoOf = (v: unknown): unknown =>
  v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
    ? new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        v as Date,
      )
    : v;

function build(): Emulator {
  const emu = loadedEmulator();
  const cells = (d: Fixture): Record<string, unknown> => ({
    'Deal ID': d.id,
    Deal: d.deal.startsWith('=') ? '' : d.deal,
    Owner: d.owner.startsWith('=') ? '' : d.owner,
    Company: 'C',
    Stage: d.stage,
    Value: d.value,
    Probability: d.prob,
    'Expected Close': d.close,
    Created: d.created,
    'Stage Entered': d.entered,
    'Last Activity': d.activity,
    'Lost Reason': d.lost,
  });
  writeTab(emu, 'Deals', [DEAL_HEADERS, ...DEALS.map((d) => dealRow(cells(d)))]);
  // Hostile text typed as a user types it: the leading apostrophe keeps it text, so "=..." reaches the add-on.
  emu.counter.quiet(() => {
    const sheet = emu.book.getSheetByName('Deals')!;
    const row = DEALS.findIndex((d) => d.deal === EVIL_DEAL) + 2;
    sheet.getRange(row, dealColumn('Deal') + 1).setValue(`'${EVIL_DEAL}`);
    sheet.getRange(row, dealColumn('Owner') + 1).setValue(`'${EVIL_OWNER}`);
  });
  writeTab(emu, 'Stage History', [
    HISTORY_HEADERS,
    ...HISTORY.map(([id, from, to]) => ['2026-06-01', id, 'x', from, to, 'rep', 'edit', '']),
  ]);
  emu.call('menuSetUpPipeline');
  return emu;
}

const close = (a: unknown[][], b: unknown[][]): void => {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      const e = (b[i] as unknown[])[j];
      if (typeof e === 'number') expect(v).toBeCloseTo(e, 9);
      else expect(v).toEqual(e);
    }),
  );
};

let emu: Emulator;
let summary: unknown[][];
beforeAll(() => {
  emu = build();
  emu.call('menuRefreshSummary');
  summary = readTab(emu, 'Pipeline Summary');
});

test('stale deals: open deals over their stage limit, most days over first, ties by sheet row', () => {
  const expected = DEALS.map((d, i) => ({ d, row: i + 2 }))
    .filter(({ d }) => stageOf(d.stage).outcome === 'Open' && stageOf(d.stage).staleAfter !== null)
    .map(({ d, row }) => {
      const dates = [d.activity, d.entered].filter((x) => x !== '').map(day);
      const touch = dates.length > 0 ? Math.max(...dates) : d.created === '' ? NaN : day(d.created);
      return { d, row, days: today - touch, limit: stageOf(d.stage).staleAfter as number };
    })
    .filter((x) => !Number.isNaN(x.days) && x.days > x.limit)
    .sort((a, b) => b.days - b.limit - (a.days - a.limit) || a.row - b.row)
    .map(({ d, days, limit }) => [d.id, d.deal, d.owner, d.stage, days, limit, days - limit]);
  expect(expected.map((r) => r[0])).toEqual(['F-14', 'F-01', 'F-08', 'F-03', 'F-04', 'F-13']); // the fixture's intent, incl. a tie (F-04, F-13)
  expect(section(summary, /^Stale deals/)).toEqual(expected);
});

test('by stage: deals, value, weighted value, average days in stage, and the funnel from Stage History', () => {
  const history = readTab(emu, 'Stage History').slice(1);
  const reachOf = (d: Fixture): number => {
    const mine = history.filter((h) => h[1] === d.id);
    const current = stageOf(d.stage).outcome === 'Lost' ? -1 : indexOf(d.stage);
    if (mine.length === 0) return current;
    let top = -1;
    for (const h of mine)
      for (const name of [h[3], h[4]] as string[]) {
        const k = indexOf(name);
        if (k >= 0 && STAGES[k]?.outcome !== 'Lost' && k > top) top = k;
      }
    return Math.max(top, current);
  };
  const funnelStages = STAGES.filter((s) => s.outcome !== 'Lost').length;
  const reached = STAGES.map((_, k) => DEALS.filter((d) => reachOf(d) >= k).length);
  const expected = STAGES.map((s, k) => {
    const mine = DEALS.filter((d) => d.stage === s.name);
    let value = 0,
      weighted = 0,
      days = 0,
      dated = 0;
    for (const d of mine) {
      value += val(d);
      weighted += val(d) * weight(d);
      if (d.entered !== '') {
        days += Math.max(0, today - day(d.entered));
        dated++;
      }
    }
    const inFunnel = k < funnelStages;
    const conv =
      !inFunnel || k === funnelStages - 1 || reached[k] === 0
        ? ''
        : (reached[k + 1] as number) / (reached[k] as number);
    return [s.name, mine.length, value, weighted, dated ? days / dated : '', inFunnel ? reached[k] : '', conv];
  });
  // The fixture's intent: F-08 reached Negotiation by its history though it sits in Initial Contact; F-11 (lost) reached Proposal.
  expect(reachOf(DEALS[7] as Fixture)).toBe(4);
  expect(reachOf(DEALS[10] as Fixture)).toBe(3);
  close(section(summary, /^By stage$/), expected);
});

test('forecast by month: an Overdue row for open deals past their close month, six months from this one, then undated deals', () => {
  const months = ['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04'];
  const row = (label: string, ds: Fixture[]): unknown[] => {
    let pipeline = 0,
      weighted = 0,
      won = 0;
    for (const d of ds) {
      if (stageOf(d.stage).outcome === 'Won') won += val(d);
      else pipeline += val(d);
      weighted += val(d) * weight(d);
    }
    return [label, ds.length, pipeline, weighted, won, '', ''];
  };
  const live = DEALS.filter((d) => stageOf(d.stage).outcome !== 'Lost');
  const overdue = live.filter(
    (d) => stageOf(d.stage).outcome === 'Open' && d.close !== '' && d.close.slice(0, 7) < (months[0] as string),
  );
  const undated = live.filter((d) => d.close === '');
  const expected = [
    ...(overdue.length ? [row('Overdue', overdue)] : []),
    ...months.map((m) =>
      row(
        m,
        live.filter((d) => d.close.slice(0, 7) === m),
      ),
    ),
    ...(undated.length ? [row('No close date', undated)] : []),
  ];
  expect(overdue.map((d) => d.id)).toEqual(['F-01', 'F-10']);
  close(section(summary, /^Forecast by month/), expected);
});

test('by owner: open deals, pipeline, weighted, won value and win rate, largest weighted first', () => {
  const names = [...new Set(DEALS.map((d) => d.owner || '(no owner)'))];
  const expected = names
    .map((name) => {
      const mine = DEALS.filter((d) => (d.owner || '(no owner)') === name);
      let open = 0,
        pipeline = 0,
        weighted = 0,
        wonValue = 0,
        won = 0,
        lost = 0;
      for (const d of mine) {
        const o = stageOf(d.stage).outcome;
        if (o === 'Open') {
          open++;
          pipeline += val(d);
        }
        if (o === 'Won') {
          won++;
          wonValue += val(d);
        }
        if (o === 'Lost') lost++;
        weighted += val(d) * weight(d);
      }
      return [name, open, pipeline, weighted, wonValue, won + lost ? won / (won + lost) : '', ''];
    })
    .sort((a, b) => (b[3] as number) - (a[3] as number) || String(a[0]).localeCompare(String(b[0])));
  expect(expected.find((r) => r[0] === 'Bob')?.[5]).toBe(0); // one lost, none won
  expect(expected.find((r) => r[0] === 'Cy')?.[5]).toBe(0.5);
  close(section(summary, /^By owner$/), expected);
});

test('trend: open stages only, days within the last 90 (today included), oldest first', () => {
  const e = build();
  e.call('menuRefreshSummary');
  // Older snapshots on the add-on's own tab: one just outside the window, one just inside, a closed stage, a future day.
  const extra: [string, string, number, number, number][] = [
    ['2026-08-25', 'Proposal', 5, 100, 50],
    ['2026-08-26', 'Proposal', 2, 40, 20],
    ['2026-08-26', 'Lead Generation', 1, 10, 1],
    ['2026-11-13', 'Negotiation', 3, 300, 225],
    ['2026-11-13', 'Closed Won', 9, 900, 900],
    ['2026-11-30', 'Proposal', 7, 70, 35],
  ];
  e.counter.quiet(() => {
    const snaps = e.book.getSheetByName('Pipeline Snapshots')!;
    snaps.getRange(snaps.getLastRow() + 1, 1, extra.length, 5).setValues(extra);
  });
  e.call('menuRefreshSummary');
  const openToday = DEALS.filter((d) => stageOf(d.stage).outcome === 'Open');
  const rows = new Map<string, [number, number, number]>();
  rows.set(TODAY, [
    openToday.length,
    openToday.reduce((a, d) => a + val(d), 0),
    openToday.reduce((a, d) => a + val(d) * weight(d), 0),
  ]);
  for (const [iso, stage, n, v, w] of extra) {
    const age = today - day(iso);
    if (age < 0 || age >= 90 || stageOf(stage).outcome !== 'Open') continue;
    const r = rows.get(iso) ?? [0, 0, 0];
    rows.set(iso, [r[0] + n, r[1] + v, r[2] + w]);
  }
  const expected = [...rows.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([iso, [n, v, w]]) => [iso, n, v, w, '', '', '']);
  expect(expected.map((r) => r[0])).toEqual(['2026-08-26', '2026-11-13', TODAY]);
  const got = section(readTab(e, 'Pipeline Summary'), /^Pipeline trend/).map((r) => r.map(isoOf));
  close(got, expected);
});

test('data problems: the deal with no date to judge staleness by is listed with its row', () => {
  const problems = section(summary, /^Data problems$/);
  expect(problems).toEqual([
    [
      'Deals',
      DEALS.findIndex((d) => d.id === 'F-09') + 2,
      'Last Activity',
      'blank',
      expect.stringMatching(/staleness cannot be judged/),
      '',
      '',
    ],
  ]);
});

test('hostile text typed into cells comes out as text, in the summary and on the last-run line', () => {
  const sheet = emu.book.getSheetByName('Pipeline Summary')!;
  expect(
    emu.counter
      .quiet(() => sheet.getDataRange().getFormulas())
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  expect(section(summary, /^Stale deals/)[0]?.slice(1, 3)).toEqual([EVIL_DEAL, EVIL_OWNER]);
  expect(section(summary, /^By owner$/).map((r) => r[0])).toContain(EVIL_OWNER);
  // A failing run whose message carries hostile text typed into Pipeline Settings: the message is shown as text.
  const e = build();
  e.call('menuRefreshSummary');
  e.counter.quiet(() => e.book.getSheetByName('Pipeline Settings')!.getRange('B3').setValue(`'${EVIL_DEAL}`));
  e.call('menuRefreshSummary');
  const status = readTab(e, 'Pipeline Summary')[1] as unknown[];
  expect(status[4]).toBe('Failed');
  expect(String(status[5])).toContain('is "=IMPORTXML(');
  const tab = e.book.getSheetByName('Pipeline Summary')!;
  expect(
    e.counter
      .quiet(() => tab.getDataRange().getFormulas())
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  const history = e.counter
    .quiet(() => e.book.getSheetByName('Stage History')!.getDataRange().getFormulas())
    .flat()
    .filter((f) => f !== '');
  expect(history).toEqual([]);
});
