/**
 * src/core/target-figures.ts: won so far, attainment, gap, coverage of the remaining target by the
 * period's open pipeline (Omitted left out), judged against 1 / the team's win rate; by hand and
 * against a plain loop over random deals.
 */
import { dayNumber, monthOfDay } from '../../fixtures/calendar-days';
import { defaultDeal } from '../../fixtures/deal-records';
import { seededRandom, randomInt } from '../../fixtures/random';
import { DEFAULT_STAGES } from '../../fixtures/stages';
import { neededCoverage, targetFigures, teamCategories } from '../../src/core/target-figures';
import { Target, readPeriod } from '../../src/core/targets';

const q4 = readPeriod('2026-Q4', () => 0)!;
const target = (owner: string, amount: number): Target => ({ owner, period: q4, amount, cell: 'O2' });
const d = dayNumber;

const DEALS = [
  defaultDeal('Closed Won', { owner: 'Ann', value: 30000, stageEntered: d('2026-10-05') }), // won in Q4
  defaultDeal('Closed Won', { owner: 'Ann', value: 5000, expectedClose: d('2026-11-20') }), // no Stage Entered: Expected Close
  defaultDeal('Closed Won', {
    owner: 'Bob',
    value: 7000,
    stageEntered: d('2026-09-30'),
    expectedClose: d('2026-10-02'),
  }), // Q3
  defaultDeal('Closed Lost', { owner: 'Bob', value: 9000, stageEntered: d('2026-10-10') }),
  defaultDeal('Negotiation', { owner: 'ann', value: 20000, expectedClose: d('2026-12-15') }), // Commit by default
  defaultDeal('Proposal', { owner: 'Bob', value: 10000, expectedClose: d('2026-11-01') }), // Best case
  defaultDeal('Qualification', {
    owner: 'Bob',
    value: 4000,
    expectedClose: d('2026-12-01'),
    forecastCategory: 'commit',
  }),
  defaultDeal('Negotiation', {
    owner: 'Ann',
    value: 8000,
    expectedClose: d('2026-10-20'),
    forecastCategory: 'Omitted',
  }),
  defaultDeal('Lead Generation', { owner: 'Ann', value: 1000, expectedClose: d('2026-11-11') }), // Pipeline
  defaultDeal('Proposal', { owner: 'Ann', value: 6000, expectedClose: d('2027-01-05') }), // next quarter
  defaultDeal('Proposal', { owner: 'Ann', value: 6000 }), // no close date: in no period
];

test('the team, by hand', () => {
  // Win rate 3 won / 4 closed: coverage needed 4/3.
  const f = targetFigures(DEALS, target('', 100000), 0.75);
  expect(f.won).toBe(35000);
  expect(f.attainment).toBe(0.35);
  expect(f.gap).toBe(65000);
  expect(f.categories).toEqual({ commit: 20000 + 4000, bestCase: 10000, pipeline: 1000, omitted: 8000 });
  expect(f.openInPeriod).toBe(35000);
  expect(f.coverage).toBeCloseTo(35000 / 65000, 12);
  expect(f.needed).toBeCloseTo(4 / 3, 12);
  expect(f.shortBy).toBeCloseTo(65000 * (4 / 3) - 35000, 6);
});

test('an owner counts deals whose Owner matches, case ignored; a beaten target has no coverage to judge', () => {
  const ann = targetFigures(DEALS, target('ANN', 30000), 0.75);
  expect(ann.won).toBe(35000);
  expect(ann.gap).toBe(-5000);
  expect(ann.coverage).toBeNull();
  expect(ann.shortBy).toBeNull();
  expect(ann.categories).toEqual({ commit: 20000, bestCase: 0, pipeline: 1000, omitted: 8000 });
  const bob = targetFigures(DEALS, target('Bob', 10000), 0.75);
  expect([bob.won, bob.gap, bob.coverage, bob.shortBy]).toEqual([0, 10000, 14000 / 10000, 0]);
});

test('no win rate: coverage is shown, not judged', () => {
  expect(neededCoverage(null)).toBeNull();
  expect(neededCoverage(0)).toBeNull();
  expect(neededCoverage(0.25)).toBe(4);
  const f = targetFigures(DEALS, target('', 100000), null);
  expect(f.needed).toBeNull();
  expect(f.shortBy).toBeNull();
  expect(f.coverage).toBeCloseTo(35000 / 65000, 12);
});

test('random deals against a plain loop over month labels', () => {
  const random = seededRandom(13);
  const owners = ['Ann', 'Bob', 'ann ', 'Cy'];
  const start = d('2026-07-01');
  const deals = Array.from({ length: 400 }, () => {
    const s = DEFAULT_STAGES[randomInt(random, 0, DEFAULT_STAGES.length - 1)]!;
    const typed = ['', '', 'Commit', 'best case', 'Pipeline', 'omitted'][randomInt(random, 0, 5)]!;
    return defaultDeal(s.name, {
      owner: owners[randomInt(random, 0, 3)]!,
      value: randomInt(random, 0, 50) * 100,
      expectedClose: random() < 0.1 ? NaN : start + randomInt(random, 0, 240),
      stageEntered: random() < 0.3 ? NaN : start + randomInt(random, 0, 240),
      forecastCategory: typed,
    });
  });
  const inQ4 = (day: number) => day === day && ['2026-10', '2026-11', '2026-12'].includes(monthOfDay(day));
  for (const owner of ['', 'ann', 'Cy']) {
    let won = 0;
    const cat = { commit: 0, bestCase: 0, pipeline: 0, omitted: 0 };
    for (const x of deals) {
      if (owner !== '' && x.owner.trim().toLowerCase() !== owner.toLowerCase()) continue;
      const s = DEFAULT_STAGES.find((t) => t.name === x.stage.name)!;
      if (s.outcome === 'Won' && inQ4(Number.isNaN(x.stageEntered) ? x.expectedClose : x.stageEntered)) won += x.value;
      if (s.outcome !== 'Open' || !inQ4(x.expectedClose)) continue;
      const typed = x.forecastCategory.toLowerCase();
      const c = typed || (s.probability >= 0.75 ? 'commit' : s.probability >= 0.5 ? 'best case' : 'pipeline');
      if (c === 'commit') cat.commit += x.value;
      else if (c === 'best case') cat.bestCase += x.value;
      else if (c === 'omitted') cat.omitted += x.value;
      else cat.pipeline += x.value;
    }
    const f = targetFigures(deals, target(owner, 200000), 0.4);
    expect(f.won).toBe(won);
    expect(f.categories).toEqual(cat);
    const open = cat.commit + cat.bestCase + cat.pipeline;
    expect(f.coverage).toBeCloseTo(open / (200000 - won), 12);
    expect(f.shortBy).toBeCloseTo(Math.max(0, (200000 - won) * 2.5 - open), 6);
    if (owner === '') expect(teamCategories(deals, q4)).toEqual(cat);
  }
});
