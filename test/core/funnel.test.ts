/**
 * src/core/funnel.ts: the reached-stage rule of DOMAIN.md "Stage conversion": a deal reached stage s
 * if its history shows it entered s or a later open or won stage; with no history, if its current
 * stage is s or later (won deals reached every open stage, lost deals none).
 */
import { dealSetOf, PlainDeal, randomDeals } from '../../fixtures/deal-sets';
import { seededRandom, randomInt } from '../../fixtures/random';
import { DEFAULT_STAGES, defaultStageIndex, expectedWeight } from '../../fixtures/stages';
import { conversionOf, funnel, funnelOf, funnelStages, NO_HISTORY, reachedIndex } from '../../src/core/funnel';
import { defaultStageTable } from '../../src/core/settings';
import { stageTotals } from '../../src/core/stage-totals';

const table = defaultStageTable();
const at = defaultStageIndex;
const stage = (name: string) => table.stages[at(name)]!;

/** Worked by hand below. */
const DEALS: PlainDeal[] = [
  { stage: 'Lead Generation', value: 100 }, //          weight 0.1 -> 10
  { stage: 'Lead Generation', value: 200 }, //          weight 0.1 -> 20
  { stage: 'Qualification', value: 300 }, //            weight 0.3 -> 90
  { stage: 'Proposal', value: 400, own: 0.9 }, //       weight 0.9 -> 360
  { stage: 'Closed Won', value: 500 }, //               weight 1   -> 500
  { stage: 'Closed Lost', value: 600 }, //              reached nothing without history
];

test('funnelStages: the open and won stages in pipeline order', () => {
  expect(funnelStages(table.stages).map((s) => s.name)).toEqual(
    DEFAULT_STAGES.filter((s) => s.outcome !== 'Lost').map((s) => s.name),
  );
});

test('without history, by hand: reached, value, weighted and conversion per stage', () => {
  const rows = funnel(dealSetOf(table, DEALS));
  expect(
    rows.map((r) => [
      r.stage.name,
      r.reached,
      r.value,
      Math.round(r.weighted * 1e9) / 1e9,
      r.conversion === null ? null : Math.round(r.conversion * 1e12) / 1e12,
    ]),
  ).toEqual([
    // reached: every deal at or past the stage, lost ones not; conversion = reached(next) / reached(this).
    ['Lead Generation', 5, 100 + 200 + 300 + 400 + 500, 10 + 20 + 90 + 360 + 500, 0.6], // 3 / 5
    ['Initial Contact', 3, 300 + 400 + 500, 90 + 360 + 500, 1], //                         3 / 3
    ['Qualification', 3, 1200, 950, Math.round((2 / 3) * 1e12) / 1e12], //                  2 / 3
    ['Proposal', 2, 400 + 500, 360 + 500, 0.5], //                                           1 / 2
    ['Negotiation', 1, 500, 500, 1], //                                                      1 / 1
    ['Closed Won', 1, 500, 500, null], //                                                    last row
  ]);
});

test('with history: the highest open or won stage it shows counts, never lower than where the deal is now', () => {
  const set = dealSetOf(table, DEALS);
  // Deal 0 (in Lead) was in Negotiation once; deal 5 (lost) had reached Proposal; deal 2 has history of lost stages only (-1); the rest none.
  const history = Int32Array.from([at('Negotiation'), NO_HISTORY, -1, NO_HISTORY, at('Qualification'), at('Proposal')]);
  expect(Array.from({ length: set.size }, (_, i) => reachedIndex(set, i, history))).toEqual([4, 0, 2, 3, 5, 3]);
  expect(Array.from({ length: set.size }, (_, i) => reachedIndex(set, i))).toEqual([0, 0, 2, 3, 5, -1]);
  const rows = funnel(set, history);
  // reach per deal [4, 0, 2, 3, 5, 3]: Lead 6, Initial 5, Qualification 5, Proposal 4, Negotiation 2, Won 1.
  expect(rows.map((r) => [r.stage.name, r.reached])).toEqual([
    ['Lead Generation', 6],
    ['Initial Contact', 5],
    ['Qualification', 5],
    ['Proposal', 4],
    ['Negotiation', 2],
    ['Closed Won', 1],
  ]);
  // Negotiation: deal 0 (100 x 0.1) and deal 4 (500 x 1).
  expect([rows[4]!.value, rows[4]!.weighted]).toEqual([600, 10 + 500]);
  expect(rows.map((r) => r.conversion)).toEqual([5 / 6, 1, 4 / 5, 2 / 4, 1 / 2, null]);
  expect(NO_HISTORY).toBe(-2);
});

test('a stage nobody reached has no conversion (null, not NaN); reaching none of the next is 0', () => {
  const rows = funnel(
    dealSetOf(table, [
      { stage: 'Lead Generation', value: 1 },
      { stage: 'Lead Generation', value: 1 },
      { stage: 'Closed Lost' },
    ]),
  );
  expect(rows.map((r) => [r.reached, r.conversion])).toEqual([
    [2, 0],
    [0, null],
    [0, null],
    [0, null],
    [0, null],
    [0, null],
  ]);
  expect(funnel(dealSetOf(table, [])).every((r) => r.reached === 0 && r.conversion === null)).toBe(true);
});

test('funnelOf and conversionOf (per-stage totals, no history, no own probabilities) give the by-hand figures', () => {
  const t = stageTotals(dealSetOf(table, DEALS));
  const rows = funnelOf(t);
  expect(rows.map((r) => r.reached)).toEqual([5, 3, 3, 2, 1, 1]);
  // Proposal's own probability is not known here: 400 x 0.5.
  expect(rows.map((r) => Math.round(r.weighted * 1e9) / 1e9)).toEqual([
    10 + 20 + 90 + 200 + 500,
    90 + 200 + 500,
    790,
    700,
    500,
    500,
  ]);
  expect(conversionOf(t, stage('Lead Generation'), stage('Proposal'))).toBe(2 / 5);
  expect(conversionOf(stageTotals(dealSetOf(table, [])), stage('Proposal'), stage('Closed Won'))).toBeNull();
});

test('800 random deals with random history: every row equals a plain count by the DOMAIN.md rule', () => {
  const random = seededRandom(99);
  const deals = randomDeals(random, 800);
  const set = dealSetOf(table, deals);
  const history = Int32Array.from(deals, () => (random() < 0.4 ? NO_HISTORY : randomInt(random, -1, 5)));
  const reach = deals.map((d, i) => {
    const own = DEFAULT_STAGES[at(d.stage)]!.outcome === 'Lost' ? -1 : at(d.stage);
    const h = history[i]!;
    return h === NO_HISTORY ? own : Math.max(h, own);
  });
  const expected = DEFAULT_STAGES.filter((s) => s.outcome !== 'Lost').map((s, k, open) => {
    const idx = at(s.name);
    let reached = 0,
      value = 0,
      weighted = 0,
      next = 0;
    deals.forEach((d, i) => {
      if (reach[i]! >= idx) {
        reached++;
        value += d.value ?? 0;
        weighted += (d.value ?? 0) * expectedWeight(d.stage, d.own);
      }
      if (k + 1 < open.length && reach[i]! >= at(open[k + 1]!.name)) next++;
    });
    return [
      s.name,
      reached,
      value,
      Math.round(weighted * 1e4) / 1e4,
      k + 1 < open.length && reached > 0 ? next / reached : null,
    ];
  });
  expect(
    funnel(set, history).map((r) => [
      r.stage.name,
      r.reached,
      r.value,
      Math.round(r.weighted * 1e4) / 1e4,
      r.conversion,
    ]),
  ).toEqual(expected);
});
