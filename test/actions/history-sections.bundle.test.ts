/**
 * The summary's history sections (time in stage, stuck deals, bottleneck, set vs observed win
 * probability, forecast accuracy) and the Forecast Snapshots tab, through the built bundle, checked
 * against figures worked out here with plain loops over the fixture.
 */
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { HISTORY_HEADERS } from '../../fixtures/history';
import { midnightIn } from '../helpers/date-cells';
import { summarySection as section } from '../helpers/summary-tab';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';
import { runStatus } from '../helpers/large-pipeline';

// The emulator's clock: 2026-11-23 15:00 UTC, 10:00 in New York (the sheet's zone).
const ZONE = 'America/New_York';
const NAMES = [
  'Lead Generation',
  'Initial Contact',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'Closed Lost',
];
const SET = [0.1, 0.2, 0.3, 0.5, 0.75];
const at = (iso: string): Date => new Date(midnightIn(iso, ZONE).getTime() + 10 * 3_600_000);
const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

const DEALS = [
  {
    'Deal ID': 'S-1',
    Deal: 'One',
    Owner: 'Ann',
    Stage: 'Proposal',
    Value: 5000,
    'Expected Close': '2026-12-10',
    'Stage Entered': '2026-09-01',
  },
  {
    'Deal ID': 'S-2',
    Deal: 'Two',
    Owner: 'Ann',
    Stage: 'Proposal',
    Value: 1000,
    'Expected Close': '2026-11-30',
    'Stage Entered': '2026-11-20',
  },
  {
    'Deal ID': 'S-3',
    Deal: 'Three',
    Owner: 'Bob',
    Stage: 'Closed Won',
    Value: 4000,
    'Expected Close': '2026-10-15',
    'Stage Entered': '2026-10-15',
  },
  {
    'Deal ID': 'S-4',
    Deal: 'Four',
    Owner: 'Bob',
    Stage: 'Closed Lost',
    Value: 3000,
    'Expected Close': '2026-10-20',
    'Stage Entered': '2026-10-20',
    'Lost Reason': 'price',
  },
  {
    'Deal ID': 'S-5',
    Deal: 'Five',
    Owner: 'Cy',
    Stage: 'Qualification',
    Value: 2000,
    'Expected Close': '2027-01-15',
    'Stage Entered': '2026-11-01',
  },
];
/** Per deal, its moves: [day, stage]. */
const MOVES: Record<string, [string, string][]> = {
  'S-3': [
    ['2026-08-01', 'Qualification'],
    ['2026-08-21', 'Proposal'],
    ['2026-10-15', 'Closed Won'],
  ],
  'S-4': [
    ['2026-08-10', 'Qualification'],
    ['2026-09-09', 'Proposal'],
    ['2026-10-20', 'Closed Lost'],
  ],
  'S-1': [
    ['2026-08-20', 'Qualification'],
    ['2026-09-01', 'Proposal'],
  ],
  'S-2': [
    ['2026-11-10', 'Qualification'],
    ['2026-11-20', 'Proposal'],
  ],
  'S-5': [['2026-11-01', 'Qualification']],
};

function pipeline() {
  const emu = loadedEmulator({ timeZone: ZONE });
  writeTab(emu, 'Deals', [DEAL_HEADERS, ...DEALS.map(dealRow)]);
  const history: unknown[][] = [HISTORY_HEADERS];
  for (const [id, moves] of Object.entries(MOVES))
    moves.forEach(([iso, to], k) =>
      history.push([at(iso), id, id, k ? moves[k - 1]![1] : '', to, 'rep', 'sidebar', '']),
    );
  writeTab(emu, 'Stage History', history);
  emu.call('menuSetUpPipeline');
  return emu;
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  const r = p * (s.length - 1);
  const lo = Math.floor(r);
  return lo + 1 < s.length ? s[lo]! + (r - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
};

test('time in stage, stuck deals and the bottleneck', () => {
  const emu = pipeline();
  emu.call('menuRefreshSummary');
  expect(runStatus(emu)[4]).toBe('OK');
  const rows = readTab(emu, 'Pipeline Summary');
  // Independent: stays per stage from the moves; reach per deal; conversions.
  const stays: number[][] = NAMES.map(() => []);
  for (const moves of Object.values(MOVES))
    for (let k = 0; k + 1 < moves.length; k++)
      stays[NAMES.indexOf(moves[k]![1])]!.push(dayOf(moves[k + 1]![0]) - dayOf(moves[k]![0]));
  const reach = DEALS.map((d) => {
    let top = d.Stage === 'Closed Lost' ? -1 : NAMES.indexOf(d.Stage);
    for (const [, s] of MOVES[d['Deal ID']]!) if (s !== 'Closed Lost') top = Math.max(top, NAMES.indexOf(s));
    return top;
  });
  const reached = (s: number): number => reach.filter((r) => r >= s).length;
  const conversion = (s: number): number => reached(s + 1) / reached(s);
  const table = section(rows, /^Time in stage/);
  const stuckAt = (s: number): string[] =>
    DEALS.filter((d) => NAMES.indexOf(d.Stage) === s && stays[s]!.length > 0)
      .filter((d) => dayOf('2026-11-23') - dayOf(d['Stage Entered']) > percentile(stays[s]!, 0.75))
      .map((d) => d['Deal ID']);
  expect(table.slice(0, 5)).toEqual(
    [0, 1, 2, 3, 4].map((s) => [
      NAMES[s],
      stays[s]!.length,
      stays[s]!.length ? percentile(stays[s]!, 0.5) : '',
      stays[s]!.length ? percentile(stays[s]!, 0.75) : '',
      conversion(s),
      stuckAt(s).length,
      '',
    ]),
  );
  expect(table[2]?.slice(1, 4)).toEqual([4, 16, 22.5]);
  const worst = [0, 1, 2, 3, 4].reduce((a, b) => (conversion(b) < conversion(a) ? b : a));
  expect(table[5]?.slice(0, 3)).toEqual(['Bottleneck', NAMES[worst], conversion(worst)]);
  expect(table[5]?.[1]).toBe('Proposal');
  const stuck = section(rows, /^Stuck deals/);
  expect(stuck).toEqual([['S-1', 'One', 'Ann', 'Proposal', 83, 51.5, 31.5]]);
});

test('set vs observed win probability per open stage, with the closed deals behind it', () => {
  const emu = pipeline();
  emu.call('menuRefreshSummary');
  const rows = section(readTab(emu, 'Pipeline Summary'), /^Win probability by stage/);
  // Closed deals: S-3 won (reached every open stage), S-4 lost (history: up to Proposal).
  const closedAt = (s: number): number => (s <= 3 ? 2 : 1);
  expect(rows).toEqual(
    SET.map((p, s) => [NAMES[s], p, (1 + 10 * p) / (closedAt(s) + 10), closedAt(s), 1, 1 / closedAt(s), '']),
  );
});

test('the Forecast Snapshots tab: both methods per close month, once a day; the accuracy section from past snapshots', () => {
  const emu = pipeline();
  emu.call('menuRefreshSummary');
  emu.call('menuRefreshSummary');
  let tab = readTab(emu, 'Forecast Snapshots');
  expect(tab[0]).toEqual(['Date', 'Close month', 'Deals', 'Weighted (settings)', 'Weighted (observed)']);
  expect(tab).toHaveLength(6);
  const observed = (s: number): number => (1 + 10 * SET[s]!) / ((s <= 3 ? 2 : 1) + 10);
  const month = (d: unknown): string => {
    const x = d as Date;
    return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit' }).format(x);
  };
  expect(tab.slice(1).map((r) => [month(r[1]), r[2], r[3], r[4]])).toEqual([
    ['2026-11', 1, 500, 1000 * observed(3)],
    ['2026-12', 1, 2500, 5000 * observed(3)],
    ['2027-01', 1, 600, 2000 * observed(2)],
    ['2027-02', 0, 0, 0],
    ['2027-03', 0, 0, 0],
  ]);
  // Nothing old enough yet.
  expect(section(readTab(emu, 'Pipeline Summary'), /^Forecast accuracy/)[0]?.[0]).toMatch(
    /^No forecast snapshots old enough/,
  );
  // Snapshots from earlier days (as the daily job would have left them): October 2026 forecast 30 and 90 days ahead.
  const sheet = emu.counter.quiet(() => emu.book.getSheetByName('Forecast Snapshots')!);
  emu.counter.quiet(() =>
    sheet.getRange(7, 1, 2, 5).setValues([
      [midnightIn('2026-09-01', ZONE), midnightIn('2026-10-01', ZONE), 2, 3000, 4500],
      [midnightIn('2026-07-03', ZONE), midnightIn('2026-10-01', ZONE), 2, 6000, 5000],
    ]),
  );
  emu.clock.advance(DAY);
  emu.call('menuRefreshSummary');
  tab = readTab(emu, 'Forecast Snapshots');
  expect(tab).toHaveLength(8 + 5);
  const accuracy = section(readTab(emu, 'Pipeline Summary'), /^Forecast accuracy/);
  // Won in October: S-3 (entered Closed Won 15 Oct), 4000.
  expect(accuracy).toEqual([
    ['2026-10', 30, 4000, 3000, 4500, -1000, 500],
    ['2026-10', 90, 4000, 6000, 5000, 2000, 1000],
    ['Mean absolute error', 2, '', 1500, 750, 'Observed probabilities would have been closer', ''],
  ]);
});
