/**
 * Forecast categories and targets through the built bundle (issue 13 item 6): setup writes the
 * targets header only into blank cells; the summary's Targets and Forecast categories tables;
 * a rep's typed category survives sidebar moves and typed stage changes; LEADS_NEEDED.
 */
import { Emulator } from '../../emulator';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { move } from '../helpers/pipeline';
import { summarySection } from '../helpers/summary-tab';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

// The emulator's today: 23 Nov 2026 in the sheet's zone (America/New_York), in 2026-Q4.
const HEADERS = [...DEAL_HEADERS, 'Forecast Category'];
const CATEGORY = HEADERS.length - 1;
const STAGE = HEADERS.indexOf('Stage');
const row = (cells: Record<string, unknown>): unknown[] => [...dealRow(cells), cells['Forecast Category'] ?? ''];
const DEALS = [
  {
    'Deal ID': 'D-0001',
    Deal: 'Acme',
    Owner: 'Ann',
    Stage: 'Negotiation',
    Value: 20000,
    'Expected Close': '2026-12-10',
    'Stage Entered': '2026-11-01',
    'Forecast Category': 'Pipeline',
  },
  {
    'Deal ID': 'D-0002',
    Deal: 'Beta',
    Owner: 'Bob',
    Stage: 'Closed Won',
    Value: 30000,
    'Expected Close': '2026-10-01',
    'Stage Entered': '2026-10-05',
  },
  {
    'Deal ID': 'D-0003',
    Deal: 'Core',
    Owner: 'Bob',
    Stage: 'Closed Lost',
    Value: 5000,
    'Stage Entered': '2026-10-06',
    'Lost Reason': 'price',
  },
  {
    'Deal ID': 'D-0004',
    Deal: 'Dyna',
    Owner: 'Ann',
    Stage: 'Proposal',
    Value: 10000,
    'Expected Close': '2026-11-30',
    'Stage Entered': '2026-11-10',
  },
  {
    'Deal ID': 'D-0005',
    Deal: 'Echo',
    Owner: 'ann',
    Stage: 'Qualification',
    Value: 8000,
    'Expected Close': '2026-12-20',
    'Stage Entered': '2026-11-10',
    'Forecast Category': 'upside',
  },
  {
    'Deal ID': 'D-0006',
    Deal: 'Flux',
    Owner: 'Bob',
    Stage: 'Negotiation',
    Value: 4000,
    'Expected Close': '2027-01-15',
    'Stage Entered': '2026-11-10',
  },
];

function pipeline(): Emulator {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [HEADERS, ...DEALS.map(row)]);
  emu.call('menuSetUpPipeline');
  return emu;
}
const settings = (emu: Emulator) => emu.book.getSheetByName('Pipeline Settings')!;
const categories = (emu: Emulator): unknown[] =>
  readTab(emu, 'Deals')
    .slice(1)
    .map((r) => r[CATEGORY]);

describe('setup and the targets header', () => {
  test('setup writes Owner | Period | Target at M1:O1 of a new settings tab; a second run changes nothing', () => {
    const emu = pipeline();
    expect(readTab(emu, 'Pipeline Settings')[0]?.slice(12, 15)).toEqual(['Owner', 'Period', 'Target']);
    const before = JSON.stringify(readTab(emu, 'Pipeline Settings'));
    emu.call('menuSetUpPipeline');
    expect(JSON.stringify(readTab(emu, 'Pipeline Settings'))).toBe(before);
  });

  test('a header cell holding text of the user is left alone, and so are the blank ones beside it', () => {
    const emu = pipeline();
    emu.counter.quiet(() =>
      settings(emu)
        .getRange('M1:O1')
        .setValues([['', 'My notes', '']]),
    );
    emu.call('menuSetUpPipeline');
    expect(emu.counter.quiet(() => settings(emu).getRange('M1:O1').getValues())).toEqual([['', 'My notes', '']]);
  });

  test('setup does not add a Forecast Category column; a Deals tab without one works as before', () => {
    const emu = loadedEmulator();
    writeTab(emu, 'Deals', [DEAL_HEADERS, dealRow(DEALS[0] as Record<string, unknown>)]);
    emu.call('menuSetUpPipeline');
    expect(readTab(emu, 'Deals')[0]).not.toContain('Forecast Category');
  });
});

describe('the summary', () => {
  test('targets of this period, coverage against 1 / win rate, categories; bad rows named by cell', () => {
    const emu = pipeline();
    emu.counter.quiet(() =>
      settings(emu)
        .getRange('M2:O5')
        .setValues([
          ['Team', '2026-Q4', 100000],
          ['ANN', '2026-Q4', '$50,000'],
          ['Cy', 'soon', 10],
          ['Bob', '2026-Q3', 10],
        ]),
    );
    emu.call('menuRefreshSummary');
    const tab = readTab(emu, 'Pipeline Summary');
    // Worked by hand: won in Q4 is Beta's 30000 (entered Closed Won 5 Oct); win rate 1 / 2 closed = 50%, so
    // coverage needed 2x. Open in Q4: Acme 20000 (typed Pipeline), Dyna 10000 (Proposal: Best case), Echo 8000
    // ("upside" is no category: Qualification's Pipeline); Flux closes in January.
    expect(summarySection(tab, /^Targets this period$/)).toEqual([
      ['Team', '2026-Q4', 100000, 30000, 0.3, 70000, 38000 / 70000],
      ['ANN', '2026-Q4', 50000, 0, 0, 50000, 38000 / 50000],
      [
        'Targets table: \'Pipeline Settings\'!N4: Period "soon" is not a year (2026), a quarter (2026-Q4) or a month (2026-12)',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
      ['Coverage needed', 2, '1 / win rate 50.0%', '', '', '', ''],
    ]);
    expect(summarySection(tab, /^Forecast categories$/)).toEqual([
      ['Team', '2026-Q4', 0, 10000, 28000, 0, 'short: $102,000 more pipeline'], // 70000 x 2 - 38000
      ['ANN', '2026-Q4', 0, 10000, 28000, 0, 'short: $62,000 more pipeline'], // 50000 x 2 - 38000
    ]);
    expect(summarySection(tab, /^Data problems$/)).toContainEqual([
      'Deals',
      6,
      'Forecast Category',
      '"upside"',
      "not a forecast category (use Commit, Best case, Pipeline, Omitted, or leave it blank for the stage's default)",
      '',
      '',
    ]);
    // The deal with the bad category still counts: 4 open deals (Acme, Dyna, Echo, Flux).
    expect(tab.find((r) => r[0] === 'Open deals')?.[1]).toBe(4);
    emu.call('menuCheckSettings');
    expect(emu.ui.alerts.at(-1)?.prompt).toContain(`Please fix these targets:\n`);
    expect(emu.ui.alerts.at(-1)?.prompt).toContain(`'Pipeline Settings'!N4: Period "soon"`);
  });
});

describe("a rep's category is never overwritten", () => {
  test('a sidebar move and a typed stage change leave typed and blank categories as they were', () => {
    const emu = pipeline();
    const before = categories(emu);
    expect(before).toEqual(['Pipeline', '', '', '', 'upside', '']);
    // Backward (free) and forward (Expected Close is there) moves in the sidebar.
    expect(move(emu, { dealId: 'D-0001', row: 2, expectedStage: 'Negotiation', toStage: 'Proposal' }).ok).toBe(true);
    expect(move(emu, { dealId: 'D-0004', row: 5, expectedStage: 'Proposal', toStage: 'Negotiation' }).ok).toBe(true);
    expect(categories(emu)).toEqual(before);
    // A typed stage change back to Negotiation.
    emu.edit(emu.book.getSheetByName('Deals')!.getRange(2, STAGE + 1), [['Negotiation']], 'Proposal');
    expect(readTab(emu, 'Deals')[1]?.[STAGE]).toBe('Negotiation');
    expect(readTab(emu, 'Stage History').length).toBeGreaterThan(DEALS.length + 2);
    emu.call('menuRefreshSummary');
    expect(categories(emu)).toEqual(before);
  });
});

describe('LEADS_NEEDED', () => {
  const values = DEALS.map((d) => [d.Value]);
  const stages = DEALS.map((d) => [d.Stage]);
  test('ceil(target / (average won deal x win rate)), 1x1 ranges as Sheets passes them', () => {
    const emu = loadedEmulator();
    // One won deal of 30000, one lost: average 30000, win rate 1/2, 15000 a lead.
    expect(emu.callCustomFunction('LEADS_NEEDED', 100000, values, stages)).toBe(Math.ceil(100000 / 15000));
    expect(emu.callCustomFunction('LEADS_NEEDED', '$45,000', values, stages)).toBe(3);
    expect(emu.callCustomFunction('LEADS_NEEDED', -1, values, stages)).toBe(0);
  });

  test('errors name what is wrong', () => {
    const emu = loadedEmulator();
    expect(() => emu.callCustomFunction('LEADS_NEEDED', 'lots', values, stages)).toThrow(
      'LEADS_NEEDED: target "lots" is not an amount',
    );
    expect(() => emu.callCustomFunction('LEADS_NEEDED', 100, [[1]], [['Proposal']])).toThrow(
      'LEADS_NEEDED: no closed deals (won or lost), so there is no win rate to convert leads at',
    );
    expect(() => emu.callCustomFunction('LEADS_NEEDED', 100, [[1], [2]], [['Closed Lost'], ['Proposal']])).toThrow(
      'no won deals with a value',
    );
    expect(() => emu.callCustomFunction('LEADS_NEEDED', 100, [['tbd']], [['Closed Won']])).toThrow(
      'LEADS_NEEDED: row 1 of values: "tbd" is not a number',
    );
  });
});
