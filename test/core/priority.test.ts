/** src/core/priority.ts: the score, its factors and reasons, checked against a computation written here. */
import { defaultDeal, RecordFields } from '../../fixtures/deal-records';
import { parseNamedSettings } from '../../src/core/named-settings';
import { compactMoney, prioritize, priorityWeights } from '../../src/core/priority';
import { defaultStageTable } from '../../src/core/settings';

const T = 20_000;
const table = defaultStageTable();
const defaults = priorityWeights(parseNamedSettings([], { row: 1, column: 10 }, 'Pipeline Settings'));
const deal = (row: number, stage: string, f: RecordFields = {}) => defaultDeal(stage, { row, id: `D-${row}`, ...f });

/** The README's formula, written out for default stages (probability, open position / 5, stale after). */
const STAGE: Record<string, [number, number, number]> = {
  'Lead Generation': [0.1, 0.2, 14],
  'Initial Contact': [0.2, 0.4, 7],
  Qualification: [0.3, 0.6, 14],
  Proposal: [0.5, 0.8, 10],
  Negotiation: [0.75, 1, 7],
};
function byHand(
  w: number[],
  horizon: number,
  d: { stage: string; value: number; close: number; touch: number; due: number },
  largest: number,
): number {
  const [p, pos, limit] = STAGE[d.stage] as [number, number, number];
  const factors = [
    largest > 0 ? Math.max(0, d.value * p) / largest : 0,
    Number.isNaN(d.close) ? 0 : d.close - T <= 0 ? 1 : d.close - T >= horizon ? 0 : 1 - (d.close - T) / horizon,
    pos,
    T - d.touch > limit ? Math.min(1, (T - d.touch - limit) / limit) : 0,
    T - d.due > 0 ? Math.min(1, (T - d.due) / 7) : 0,
  ];
  let sum = 0;
  let total = 0;
  factors.forEach((f, i) => {
    sum += (w[i] as number) * f;
    total += w[i] as number;
  });
  return total === 0 ? 0 : Math.round((1000 * sum) / total) / 10;
}

test('scores match the formula computed by hand, highest first, closed deals left out', () => {
  const specs = [
    { stage: 'Negotiation', value: 48_000, close: T + 6, touch: T - 3, due: T - 3 },
    { stage: 'Lead Generation', value: 60_000, close: T + 120, touch: T - 9, due: NaN },
    { stage: 'Proposal', value: 20_000, close: T + 15, touch: T - 28, due: T + 4 },
    { stage: 'Qualification', value: 10_000, close: T - 9, touch: T - 4, due: T - 14 },
    { stage: 'Initial Contact', value: 0, close: NaN, touch: NaN, due: NaN },
  ];
  const deals = specs.map((s, i) =>
    deal(i + 2, s.stage, {
      value: s.value,
      expectedClose: s.close,
      lastActivity: s.touch,
      nextStepDue: s.due,
    }),
  );
  deals.push(deal(9, 'Closed Won', { value: 1e6 }));
  const largest = Math.max(...specs.map((s) => s.value * (STAGE[s.stage] as number[])[0]!));
  const expected = specs
    .map((s, i) => ({ row: i + 2, score: byHand([30, 25, 20, 10, 15], 30, s, largest) }))
    .sort((a, b) => b.score - a.score);
  const got = prioritize(deals, table, T, defaults);
  expect(got.map((p) => ({ row: p.deal.row, score: p.score }))).toEqual(expected);
  expect(got[0]?.reason).toBe('$48k in Negotiation, closes in 6 days, follow-up overdue 3 days');
  expect(got.find((p) => p.deal.row === 5)?.reason).toBe(
    'Close date passed 9 days ago, follow-up overdue 14 days, $10k in Qualification',
  );
  expect(got.find((p) => p.deal.row === 4)?.reason).toBe(
    '$20k in Proposal, closes in 15 days, no activity for 28 days',
  );
  expect(got.find((p) => p.deal.row === 6)?.reason).toBe('In Initial Contact');
});

test('weights come from the settings (only proportions matter); all 0 scores 0', () => {
  const settings = (rows: (string | number)[][]) =>
    priorityWeights(parseNamedSettings([['Setting', 'Value'], ...rows], { row: 1, column: 10 }, 'S'));
  const deals = [
    deal(2, 'Negotiation', { value: 100, expectedClose: T + 10 }),
    deal(3, 'Lead Generation', { value: 5000, expectedClose: T + 1 }),
  ];
  const onlyValue = settings([
    ['Priority weight: value', 1],
    ['Priority weight: close date', 0],
    ['Priority weight: stage', 0],
    ['Priority weight: staleness', 0],
    ['Priority weight: follow-up', 0],
  ]);
  // Weighted: 75 vs 500: value alone puts row 3 first with 100.
  expect(prioritize(deals, table, T, onlyValue).map((p) => [p.deal.row, p.score])).toEqual([
    [3, 100],
    [2, 15],
  ]);
  const allZero = settings([
    ['Priority weight: value', 0],
    ['Priority weight: close date', 0],
    ['Priority weight: stage', 0],
    ['Priority weight: staleness', 0],
    ['Priority weight: follow-up', 0],
  ]);
  const zero = prioritize(deals, table, T, allZero);
  expect(zero.map((p) => [p.score, p.reason])).toEqual([
    [0, 'no priority signals'],
    [0, 'no priority signals'],
  ]);
  // Equal scores: the larger weighted value first.
  expect(zero.map((p) => p.deal.row)).toEqual([3, 2]);
  const horizon = settings([['Priority close horizon (days)', 5]]);
  expect(prioritize([deals[0]!], table, T, horizon)[0]?.points.close).toBe(0);
});

test('a deal own Probability weighs its value; the largest weighted value sets the scale', () => {
  const deals = [
    deal(2, 'Lead Generation', { value: 1000, override: 1 }), // weighted 1000
    deal(3, 'Negotiation', { value: 1000 }), // weighted 750
  ];
  const got = prioritize(deals, table, T, defaults);
  expect(got.find((p) => p.deal.row === 2)?.points.value).toBeCloseTo(30);
  expect(got.find((p) => p.deal.row === 3)?.points.value).toBeCloseTo(30 * 0.75);
});

test('compact money', () => {
  expect([950, 12_500, 48_000, 480_400, 999_999, 1_250_000, -2500, 0].map(compactMoney)).toEqual([
    '$950',
    '$12.5k',
    '$48k',
    '$480k',
    '$1M',
    '$1.3M',
    '-$2.5k',
    '$0',
  ]);
});
