/**
 * Follow-ups (#12) through the built bundle: Health's follow-up words from every path (typed edit,
 * job, sidebar), the sidebar's next-step editor (validated, found by Deal ID, refused when the row
 * changed since shown, text never written as a formula) and a move that asks for a next step.
 */
import { dealColumn, namedDeal } from '../../fixtures/deals';
import { move, pipelineWith } from '../helpers/pipeline';
import { readTab, select } from '../helpers/workbook';

const HEALTH = dealColumn('Health');
const STEP = dealColumn('Next Step');
const DUE = dealColumn('Next Step Due');
type Result = { ok: boolean; message: string; deal?: { followUp: { nextStep: string; due: string; status: string } } };

const health = (emu: ReturnType<typeof pipelineWith>['emu'], row: number): unknown =>
  readTab(emu, 'Deals')[row - 1]?.[HEALTH];

/** 2026-11-23 is today (the emulator's clock, New York); Proposal requires a next step, Lead Generation does not. */
function setup(zone = 'America/New_York') {
  return pipelineWith(
    [
      namedDeal('Acme', {
        Stage: 'Proposal',
        'Next Step': 'Send proposal',
        'Next Step Due': '2026-11-20',
        'Last Activity': '2026-11-22',
      }),
      namedDeal('Beta', { Stage: 'Proposal', 'Last Activity': '2026-11-22' }),
      namedDeal('Core', { Stage: 'Lead Generation', 'Last Activity': '2026-11-22' }),
    ],
    { timeZone: zone },
  );
}

// The emulator's clock is 2026-11-23 15:00 UTC: 10:00 on the 23rd in New York, 00:00 on the 24th in Tokyo.
describe.each([
  ['America/New_York', 3],
  ['Asia/Tokyo', 4],
])('spreadsheet in %s', (zone, days) => {
  test('the job writes Follow-up overdue and No next step; Lead Generation needs none', () => {
    const { emu } = setup(zone);
    emu.call('menuFlagStaleDeals');
    const bant = 'Missing: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal)';
    expect(health(emu, 2)).toBe(`Follow-up overdue: ${days} days ("Send proposal"); ${bant}`);
    expect(health(emu, 3)).toBe(`No next step; ${bant}`);
    expect(health(emu, 4)).toBe('');
  });
});

test('typing a Next Step or a Next Step Due refreshes Health at once', () => {
  const { emu } = setup();
  const deals = emu.book.getSheetByName('Deals')!;
  emu.edit(deals.getRange(3, STEP + 1), [['Call the CFO']], '');
  expect(health(emu, 3)).not.toMatch(/No next step/);
  emu.edit(deals.getRange(3, DUE + 1), [['2026-11-13']], '');
  expect(health(emu, 3)).toMatch(/^Follow-up overdue: 10 days \("Call the CFO"\)/);
  emu.edit(deals.getRange(2, DUE + 1), [['2026-11-30']], '2026-11-20');
  expect(health(emu, 2)).not.toMatch(/Follow-up/);
});

test('the sidebar shows the follow-up and saves a new one, written as text and as a date, Health with it', () => {
  const { emu } = setup();
  select(emu, 'Deals', 2);
  const shown = emu.call('getSelectedDeal') as Result;
  expect(shown.deal?.followUp).toEqual({
    nextStep: 'Send proposal',
    due: '2026-11-20',
    status: 'Follow-up overdue: 3 days ("Send proposal")',
  });
  const r = emu.call('setNextStep', {
    dealId: 'D-0001',
    row: 2,
    shownNextStep: 'Send proposal',
    shownDue: '2026-11-20',
    nextStep: '=IMPORTXML("http://x","//a")',
    due: '2026-11-25',
  }) as Result;
  expect(r.ok).toBe(true);
  const row = readTab(emu, 'Deals')[1] as unknown[];
  expect(row[STEP]).toBe('=IMPORTXML("http://x","//a")');
  expect(
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(2, STEP + 1)
        .getFormula(),
    ),
  ).toBe('');
  expect((row[DUE] as Date).getTime()).toBe(emu.dateCell('2026-11-25').getTime());
  expect(row[HEALTH]).not.toMatch(/Follow-up/);
  expect(r.deal?.followUp.due).toBe('2026-11-25');
  for (const text of ['+1', '-x', '@me'])
    expect(
      (
        emu.call('setNextStep', {
          dealId: 'D-0001',
          row: 2,
          shownNextStep: readTab(emu, 'Deals')[1]?.[STEP],
          shownDue: '2026-11-25',
          nextStep: text,
          due: '2026-11-25',
        }) as Result
      ).ok && readTab(emu, 'Deals')[1]?.[STEP],
    ).toBe(text);
});

test('a next step changed since the sidebar showed it is not overwritten; the deal is found by ID after a sort', () => {
  const { emu, faults } = setup();
  emu.counter.quiet(() =>
    emu.book
      .getSheetByName('Deals')!
      .getRange(2, STEP + 1)
      .setValue('Call Monday'),
  );
  const stale = emu.call('setNextStep', {
    dealId: 'D-0001',
    row: 2,
    shownNextStep: 'Send proposal',
    shownDue: '2026-11-20',
    nextStep: 'Mine',
    due: '',
  }) as Result;
  expect(stale.ok).toBe(false);
  expect(stale.message).toMatch(/changed to "Call Monday".*Refresh/);
  expect(readTab(emu, 'Deals')[1]?.[STEP]).toBe('Call Monday');
  faults.sortRows('Deals', 2, true); // by name, descending: Acme moves to the last row
  const moved = emu.call('setNextStep', {
    dealId: 'D-0001',
    row: 2,
    shownNextStep: 'Call Monday',
    shownDue: '2026-11-20',
    nextStep: 'Sign',
    due: '',
  }) as Result;
  expect(moved.ok).toBe(true);
  const rows = readTab(emu, 'Deals');
  expect(rows[3]?.[1]).toBe('Acme');
  expect([rows[3]?.[STEP], rows[3]?.[DUE]]).toEqual(['Sign', '']);
  expect(rows[1]?.[STEP]).toBe('');
});

test('setNextStep validates every argument and writes nothing for a bad one', () => {
  const { emu } = setup();
  const before = JSON.stringify(readTab(emu, 'Deals'));
  const base = {
    dealId: 'D-0001',
    row: 2,
    shownNextStep: 'Send proposal',
    shownDue: '2026-11-20',
    nextStep: 'x',
    due: '',
  };
  const bad: [unknown, RegExp][] = [
    [null, /must be an object/],
    [{ ...base, row: 1 }, /row must be/],
    [{ ...base, dealId: 7 }, /dealId must be text/],
    [{ ...base, due: '2026-02-30' }, /"2026-02-30" is not a date/],
    [{ ...base, due: '11/25/2026' }, /not a date \(use yyyy-mm-dd\)/],
    [{ ...base, nextStep: 'x'.repeat(2001) }, /longer than 2000/],
    [{ ...base, dealId: 'D-0099' }, /no longer on the Deals tab/],
  ];
  for (const [req, message] of bad) expect((emu.call('setNextStep', req) as Result).message).toMatch(message);
  expect(JSON.stringify(readTab(emu, 'Deals'))).toBe(before);
});

test('a move into a stage that requires a next step asks for one when the deal has none', () => {
  const { emu } = setup();
  const req = { dealId: 'D-0003', row: 4, expectedStage: 'Lead Generation', toStage: 'Initial Contact' };
  const refused = move(emu, { ...req, nextStep: '  ', nextStepDue: '' } as never);
  expect(refused.ok).toBe(false);
  expect(refused.message).toBe('Moving to Initial Contact needs a next step (what happens next, and when).');
  expect(move(emu, { ...req, nextStep: 'Intro call', nextStepDue: '2026-13-01' } as never).message).toMatch(
    /not a date/,
  );
  const ok = move(emu, { ...req, nextStep: '@intro call', nextStepDue: '2026-11-24' } as never);
  expect(ok.ok).toBe(true);
  const row = readTab(emu, 'Deals')[3] as unknown[];
  expect([row[4], row[STEP], (row[DUE] as Date).getTime()]).toEqual([
    'Initial Contact',
    '@intro call',
    emu.dateCell('2026-11-24').getTime(),
  ]);
  expect(row[HEALTH]).toBe('');
  // A request without the field (an older sidebar) moves as before; Health then says so.
  expect(move(emu, { dealId: 'D-0002', row: 3, expectedStage: 'Proposal', toStage: 'Qualification' }).ok).toBe(true);
  expect(health(emu, 3)).toBe('No next step');
});
