/** src/core/stage-totals.ts: deals and money per stage. */
import { dealSetOf, PlainDeal, randomDeals } from '../../fixtures/deal-sets';
import { seededRandom } from '../../fixtures/random';
import { DEFAULT_STAGE_NAMES } from '../../fixtures/stages';
import { DealSet } from '../../src/core/dealset';
import { defaultStageTable } from '../../src/core/settings';
import { emptyTotals, stageTotals } from '../../src/core/stage-totals';

const table = defaultStageTable();

test('emptyTotals: one zero per stage', () => {
  const t = emptyTotals(table);
  expect(t.table).toBe(table);
  expect([...t.count]).toEqual([0, 0, 0, 0, 0, 0, 0]);
  expect([...t.value]).toEqual([0, 0, 0, 0, 0, 0, 0]);
});

test('by hand: two Lead deals (100 + 250), one Proposal (0, a blank value), one Won (1,000); the rest empty', () => {
  const t = stageTotals(
    dealSetOf(table, [
      { stage: 'Lead Generation', value: 100 },
      { stage: 'Proposal' },
      { stage: 'Closed Won', value: 1000 },
      { stage: 'Lead Generation', value: 250 },
    ]),
  );
  expect([...t.count]).toEqual([2, 0, 0, 1, 0, 1, 0]);
  expect([...t.value]).toEqual([350, 0, 0, 0, 0, 1000, 0]);
});

test("500 random deals: each stage's count and value equal a plain loop over the deals", () => {
  const deals: PlainDeal[] = randomDeals(seededRandom(7), 500);
  const t = stageTotals(dealSetOf(table, deals));
  const count = DEFAULT_STAGE_NAMES.map((n) => deals.filter((d) => d.stage === n).length);
  const value = DEFAULT_STAGE_NAMES.map((n) =>
    deals.filter((d) => d.stage === n).reduce((s, d) => s + (d.value ?? 0), 0),
  );
  expect([...t.count]).toEqual(count);
  expect([...t.value]).toEqual(value);
});

test('without a value column every deal is counted and no money is summed', () => {
  const set: DealSet = { table, size: 3, stage: Int32Array.from([0, 0, 6]) };
  const t = stageTotals(set);
  expect([...t.count]).toEqual([2, 0, 0, 0, 0, 0, 1]);
  expect([...t.value]).toEqual([0, 0, 0, 0, 0, 0, 0]);
});
