/**
 * Priority through the built bundle: the sidebar's My deals calls (argument validation, owner
 * matching, selecting a row), the summary's Work these first section, and DEAL_PRIORITY's errors.
 * Expected orders and scores are computed here by hand from the README formula.
 */
import { dayNumber as day } from '../../fixtures/calendar-days';
import { isoDate, namedDeal } from '../../fixtures/deals';
import { pipelineWith } from '../helpers/pipeline';
import { summarySection } from '../helpers/summary-tab';
import { loadedEmulator, readTab } from '../helpers/workbook';

// The emulator's clock: 2026-11-23 in New York.
const T = day('2026-11-23');
const iso = (d: number): string => {
  const t = new Date(d * 86_400_000);
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
};

function workbook() {
  return pipelineWith([
    namedDeal('Big', {
      Owner: 'rep@example.com',
      Stage: 'Negotiation',
      Value: 48_000,
      'Expected Close': iso(T + 6),
      'Last Activity': iso(T),
      'Next Step Due': iso(T - 3),
    }),
    namedDeal('Small', { Owner: 'Rep', Stage: 'Lead Generation', Value: 1000, 'Last Activity': iso(T) }),
    namedDeal('Other', { Owner: 'Ann', Stage: 'Proposal', Value: 20_000, 'Last Activity': iso(T) }),
    namedDeal('Won', { Owner: 'rep@example.com', Stage: 'Closed Won', Value: 90_000, 'Expected Close': iso(T - 5) }),
  ]).emu;
}

type MyDeals =
  | {
      ok: true;
      me: string;
      owners: string[];
      total: number;
      deals: { name: string; row: number; dealId: string; score: number; reason: string }[];
    }
  | { ok: false; message: string };

test('getMyDeals validates every argument and names the bad one', () => {
  const emu = workbook();
  const bad: [unknown, RegExp][] = [
    [null, /must be an object/],
    [[], /must be an object/],
    [{ who: 'boss', owner: '', limit: 5 }, /who must be/],
    [{ who: 'me', owner: 5, limit: 5 }, /owner must be text/],
    [{ who: 'me', owner: 'x'.repeat(2001), limit: 5 }, /owner is longer/],
    [{ who: 'me', owner: '', limit: 0 }, /limit must be a whole number from 1 to 50/],
    [{ who: 'me', owner: '', limit: 2.5 }, /limit must be a whole number/],
    [{ who: 'me', owner: '', limit: '5' }, /limit must be a whole number/],
  ];
  for (const [input, message] of bad) {
    const r = emu.call('getMyDeals', input) as MyDeals;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(message);
  }
});

test('my deals: Owner cells that are my e-mail or its part before @ (case ignored), open only, highest first', () => {
  const emu = workbook();
  const r = emu.call('getMyDeals', { who: 'me', owner: '', limit: 10 }) as MyDeals;
  if (!r.ok) throw new Error(r.message);
  expect(r.me).toBe('rep@example.com');
  // Big: 30 + 25 x 24/30 + 20 + 0 + 15 x 3/7 = 76.4; Small: 30 x 100/36000 + 20 x 1/5 = 4.1.
  expect(r.deals.map((d) => [d.name, d.score, d.reason])).toEqual([
    ['Big', 76.4, '$48k in Negotiation, closes in 6 days, follow-up overdue 3 days'],
    ['Small', 4.1, '$1k in Lead Generation'],
  ]);
  expect(r.owners).toEqual(['Ann', 'Rep', 'rep@example.com']);
  const ann = emu.call('getMyDeals', { who: 'owner', owner: ' ann ', limit: 10 }) as MyDeals;
  expect(ann.ok && ann.deals.map((d) => d.name)).toEqual(['Other']);
  const all = emu.call('getMyDeals', { who: 'all', owner: '', limit: 1 }) as MyDeals;
  expect(all.ok && [all.total, all.deals.map((d) => d.name)]).toEqual([3, ['Big']]);
});

test('selectDeal validates its arguments, follows the Deal ID, and selects the row', () => {
  const emu = workbook();
  for (const [input, message] of [
    [undefined, /must be an object/],
    [{ dealId: 1, row: 2 }, /dealId must be text/],
    [{ dealId: 'D-0001', row: 1 }, /row must be .*whole number from 2/],
    [{ dealId: 'D-0001', row: '2' }, /row must be .*whole number/],
    [{ dealId: 'D-9999', row: 2 }, /D-9999 is no longer on the Deals tab/],
  ] as [unknown, RegExp][]) {
    const r = emu.call('selectDeal', input) as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(message);
  }
  const ids = readTab(emu, 'Deals').map((r) => r[0]);
  const other = ids.indexOf(ids.find((_, i) => readTab(emu, 'Deals')[i]?.[1] === 'Other')) + 1;
  // The sidebar showed row 2, but the ID is on row `other`: the Deal ID wins.
  const r = emu.call('selectDeal', { dealId: ids[other - 1], row: 2 }) as { ok: boolean; row: number };
  expect(r).toMatchObject({ ok: true, row: other });
  const active = emu.counter.quiet(() => emu.book.getActiveRange());
  expect([active?.getSheet().getName(), active?.getRow()]).toEqual(['Deals', other]);
});

test('the summary lists Work these first with reasons, as text', () => {
  const emu = workbook();
  emu.call('menuRefreshSummary');
  const rows = summarySection(readTab(emu, 'Pipeline Summary'), /^Work these first/);
  expect(rows.map((r) => [r[1], r[5], r[6]])).toEqual([
    ['Big', 76.4, '$48k in Negotiation, closes in 6 days, follow-up overdue 3 days'],
    // Other: 30 x 10000/36000 + 20 x 4/5 = 24.3; Small 4.1.
    ['Other', 24.3, '$20k in Proposal'],
    ['Small', 4.1, '$1k in Lead Generation'],
  ]);
});

test('DEAL_PRIORITY: errors name the row and value; closed rows blank; weights from a range', () => {
  const emu = loadedEmulator();
  const col = (...xs: unknown[]) => xs.map((x) => [x]);
  const f = (...args: unknown[]) => emu.callCustomFunction('DEAL_PRIORITY', ...args);
  const stages = col('Negotiation', 'Closed Won', '');
  const blank = col('', '', '');
  expect(() => f(col('tbd', 2, ''), stages, blank, blank, blank)).toThrow(
    'DEAL_PRIORITY: row 1 of values: "tbd" is not a number',
  );
  // A value on a row without a stage: the deal must have one.
  expect(() => f(col(1, 2, 5), stages, blank, blank, blank)).toThrow(/row 3 of stages: the stage is blank/);
  expect(() => f(col(1, 2, ''), stages, col('soon', '', ''), blank, blank)).toThrow(/row 1 of close_dates: "soon" is/);
  expect(() => f(col(1, 2, ''), stages, blank, col('', '', ''), col('x', '', ''))).toThrow(
    /row 1 of next_step_due: "x"/,
  );
  expect(() => f(col(1, 2, ''), col('Nego', 'Closed Won', ''), blank, blank, blank)).toThrow(
    /row 1 of stages: "Nego" is not a known stage/,
  );
  expect(() => f(col(1, 2, ''), stages, blank, blank, blank, '', '', [['Priority weight: value', 'lots']])).toThrow(
    /row 1 of weights: Priority weight: value is "lots"/,
  );
  // Default weights: value 30 (the largest weighted value) + stage 20 (5 of 5); no dates, nothing else.
  expect(f(col(1, 2, ''), stages, blank, blank, blank, '', '', '', '2026-11-23')).toEqual([[50], [''], ['']]);
  // Only stage weighs: Negotiation is 5 of 5 open stages.
  const onlyStage = [
    ['Priority weight: value', 0],
    ['Priority weight: close date', 0],
    ['Priority weight: follow-up', 0],
    ['Priority weight: staleness', 0],
  ];
  expect(f(col(1, 2, ''), stages, blank, blank, blank, '', '', onlyStage, '2026-11-23')).toEqual([[100], [''], ['']]);
});

test('My deals and the daily digest agree on whose deals they are (one owner rule)', () => {
  const { emu } = pipelineWith([
    namedDeal('Spaced', { Owner: 'Bob Stone', Stage: 'Proposal', Value: 5000, 'Last Activity': iso(T) }),
    namedDeal('Dotted', { Owner: 'bob.stone', Stage: 'Qualification', Value: 3000, 'Last Activity': iso(T) }),
    namedDeal('Mail', {
      Owner: 'BOB.STONE@example.com',
      Stage: 'Lead Generation',
      Value: 1000,
      'Last Activity': iso(T),
    }),
    namedDeal('Initial', { Owner: 'B. Stone', Stage: 'Proposal', Value: 9000, 'Last Activity': iso(T) }),
    namedDeal('Glued', { Owner: 'bobstone', Stage: 'Proposal', Value: 9000, 'Last Activity': iso(T) }),
  ]);
  emu.session.userEmail = 'bob.stone@example.com';
  emu.call('menuToggleDigest');
  // The digest's reply counts Bob's open deals by its rule (README: e-mail, part before @, or that part
  // with dots read as spaces): Spaced, Dotted and Mail; not the initial nor the glued name.
  expect(emu.ui.alerts.at(-1)?.prompt).toContain('You own 3 open deals by this rule today.');
  const r = emu.call('getMyDeals', { who: 'me', owner: '', limit: 10 }) as MyDeals;
  expect(r.ok && r.deals.map((d) => d.name).sort()).toEqual(['Dotted', 'Mail', 'Spaced']);
});
