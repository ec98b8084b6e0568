/** src/core/metrics.ts: the pipeline metrics of DOMAIN.md "Rules", by hand and by plain loops. */
import { dealSetOf, PlainDeal, randomDeals } from '../../fixtures/deal-sets';
import { dayNumber } from '../../fixtures/calendar-days';
import { seededRandom } from '../../fixtures/random';
import { DEFAULT_STAGES, defaultStage, expectedWeight } from '../../fixtures/stages';
import { DealSet } from '../../src/core/dealset';
import {
  averageDealSize,
  averageDealSizeOf,
  counts,
  countsOf,
  salesCycleDays,
  salesVelocity,
  salesVelocityOf,
  weightedForecast,
  weightedForecastOf,
  winRate,
  winRateOf,
} from '../../src/core/metrics';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();

/** Eight deals worked by hand below. */
const DEALS: PlainDeal[] = [
  { stage: 'Lead Generation', value: 1000 }, //                    1000 x 0.10 =   100
  { stage: 'Qualification', value: 5000, own: 0.4 }, //            5000 x 0.40 =  2000 (own probability)
  { stage: 'Proposal', value: 8000 }, //                           8000 x 0.50 =  4000
  { stage: 'Negotiation', value: 12000, own: 0.9 }, //            12000 x 0.90 = 10800
  { stage: 'Closed Won', value: 7000, own: 0.2, created: '2026-01-01', closed: '2026-01-31' }, // x 1 = 7000 (own ignored), 30 days
  { stage: 'Closed Lost', value: 3000, own: 0.5 }, //              3000 x 0    =     0 (own ignored)
  { stage: 'Closed Won', value: 4000, created: '2026-03-01', closed: '2026-03-11' }, //    x 1 = 4000, 10 days
  { stage: 'Initial Contact' }, //                                 blank value: counted, no money
];
const set = dealSetOf(table, DEALS);

describe('by hand', () => {
  test('weighted forecast 100 + 2000 + 4000 + 10800 + 7000 + 0 + 4000 + 0 = 27,900', () => {
    expect(weightedForecast(set)).toBeCloseTo(27_900, 9);
  });

  test('without own probabilities: 100 + 1500 + 4000 + 9000 + 7000 + 0 + 4000 = 25,600', () => {
    const { override: _drop, ...noOverrides } = set;
    expect(weightedForecast(noOverrides as DealSet)).toBeCloseTo(25_600, 9);
  });

  test('counts: 5 open worth 26,000; 2 won worth 11,000; 1 lost; pipeline value 26,000', () => {
    expect(counts(set)).toEqual({ open: 5, won: 2, lost: 1, openValue: 26_000, wonValue: 11_000 });
    expect(counts(set).openValue).toBe(26_000);
  });

  test('win rate 2 / (2 + 1); average deal size 11,000 / 2; cycle (30 + 10) / 2 days', () => {
    expect(winRate(set)).toBeCloseTo(2 / 3, 12);
    expect(averageDealSize(set)).toBe(5500);
    expect(salesCycleDays(set)).toBe(20);
  });

  test('velocity: 5 open x 2/3 x 5,500 / 20 days = 916.67 a day', () => {
    const v = salesVelocity(set);
    expect(v.ok).toBe(true);
    expect(v.ok && v.value).toBeCloseTo((5 * (2 / 3) * 5500) / 20, 9);
  });
});

describe('edge cases', () => {
  test('nothing to divide by gives null, never NaN or Infinity', () => {
    const open = dealSetOf(table, [{ stage: 'Proposal', value: 10 }]);
    expect([winRate(open), averageDealSize(open), salesCycleDays(open)]).toEqual([null, null, null]);
    expect(winRate(dealSetOf(table, []))).toBeNull();
    // Lost only: the win rate is 0, there is no deal size.
    const lost = dealSetOf(table, [{ stage: 'Closed Lost', value: 10 }]);
    expect([winRate(lost), averageDealSize(lost)]).toEqual([0, null]);
    expect(winRateOf({ open: 1, won: 0, lost: 0, openValue: 0, wonValue: 0 })).toBeNull();
    expect(averageDealSizeOf({ open: 0, won: 0, lost: 3, openValue: 0, wonValue: 0 })).toBeNull();
  });

  test('the cycle counts only won deals with both dates; without a created column it is null', () => {
    const s = dealSetOf(table, [
      { stage: 'Closed Won', created: '2026-01-01', closed: '2026-01-05' }, // 4 days
      { stage: 'Closed Won', created: '2026-01-01' }, // no close day: skipped
      { stage: 'Closed Won', closed: '2026-01-05' }, // no created: skipped
      { stage: 'Closed Lost', created: '2025-01-01', closed: '2026-01-01' }, // lost: skipped
      { stage: 'Proposal', created: '2025-01-01', closed: '2026-01-01' }, // open: skipped
    ]);
    expect(salesCycleDays(s)).toBe(4);
    const { created: _c, ...noCreated } = s;
    expect(salesCycleDays(noCreated as DealSet)).toBeNull();
    expect(salesCycleDays(dealSetOf(table, [{ stage: 'Closed Won', created: '2026-01-01' }]))).toBeNull();
  });

  test('velocity says why it cannot be computed, in order: no closed deals, no won deals, no cycle, a zero or negative cycle', () => {
    const c = (open: number, won: number, lost: number) => ({ open, won, lost, openValue: 0, wonValue: won * 100 });
    expect(salesVelocityOf(c(3, 0, 0), 10)).toEqual({ ok: false, reason: 'no closed deals' });
    expect(salesVelocityOf(c(3, 0, 2), 10)).toEqual({ ok: false, reason: 'no won deals' });
    expect(salesVelocityOf(c(3, 1, 0), null)).toEqual({ ok: false, reason: 'no cycle' });
    expect(salesVelocityOf(c(3, 1, 0), 0)).toEqual({ ok: false, reason: 'zero cycle' });
    expect(salesVelocityOf(c(3, 1, 0), -2)).toEqual({ ok: false, reason: 'zero cycle' });
    // 4 open x 1/2 x 100 / 5 days = 40.
    expect(salesVelocityOf(c(4, 1, 1), 5)).toEqual({ ok: true, value: 40 });
    // Won the same day it was created: a zero cycle, not Infinity.
    expect(
      salesVelocity(
        dealSetOf(table, [
          { stage: 'Closed Won', value: 5, created: '2026-01-01', closed: '2026-01-01' },
          { stage: 'Proposal' },
        ]),
      ),
    ).toEqual({ ok: false, reason: 'zero cycle' });
  });

  test('a set with stages only (no values) weighs nothing', () => {
    const stagesOnly: DealSet = { table, size: 2, stage: Int32Array.from([0, 5]) };
    expect(weightedForecast(stagesOnly)).toBe(0);
    expect(counts(stagesOnly)).toEqual({ open: 1, won: 1, lost: 0, openValue: 0, wonValue: 0 });
  });

  test('the per-stage forms agree with hand totals: weightedForecastOf and countsOf', () => {
    const totals = {
      table,
      count: Float64Array.from([2, 0, 1, 0, 0, 3, 4]),
      value: Float64Array.from([100, 0, 50, 0, 0, 900, 70]),
    };
    // 100 x 0.1 + 50 x 0.3 + 900 x 1 + 70 x 0 = 925.
    expect(weightedForecastOf(totals)).toBeCloseTo(925, 9);
    expect(countsOf(totals)).toEqual({ open: 3, won: 3, lost: 4, openValue: 150, wonValue: 900 });
  });
});

test('2,000 random deals: every metric equals a plain loop over the deals', () => {
  const deals = randomDeals(seededRandom(2026), 2000);
  const s = dealSetOf(table, deals);
  let weighted = 0,
    pipeline = 0,
    open = 0,
    won = 0,
    lost = 0,
    wonValue = 0,
    cycle = 0,
    cycled = 0;
  for (const d of deals) {
    const v = d.value ?? 0;
    const outcome = defaultStage(d.stage).outcome;
    weighted += v * expectedWeight(d.stage, d.own);
    if (outcome === 'Open') {
      open++;
      pipeline += v;
    }
    if (outcome === 'Lost') lost++;
    if (outcome === 'Won') {
      won++;
      wonValue += v;
      if (d.created !== undefined && d.closed !== undefined) {
        cycle += dayNumber(d.closed) - dayNumber(d.created);
        cycled++;
      }
    }
  }
  expect(weightedForecast(s)).toBeCloseTo(weighted, 6);
  expect(counts(s).openValue).toBeCloseTo(pipeline, 6);
  expect(counts(s)).toMatchObject({ open, won, lost });
  expect(winRate(s)).toBeCloseTo(won / (won + lost), 12);
  expect(averageDealSize(s)).toBeCloseTo(wonValue / won, 6);
  expect(salesCycleDays(s)).toBeCloseTo(cycle / cycled, 9);
  expect(DEFAULT_STAGES.every((st) => deals.some((d) => d.stage === st.name))).toBe(true);
});
