/** src/core/dealset.ts: deals as parallel typed arrays, and the weight and value each deal counts with. */
import { dealSetBuilder, DealSet, valueOf, weightOf } from '../../src/core/dealset';
import { defaultStageTable } from '../../src/core/settings';
import { defaultStageIndex, DEFAULT_STAGES, expectedWeight } from '../../fixtures/stages';

const table = defaultStageTable();
const at = defaultStageIndex;

test('the builder keeps rows in order and cuts every column to the rows added', () => {
  const b = dealSetBuilder(table, 10);
  b.add(at('Proposal'), 100, 0.9, 20_000, NaN, 20_100);
  b.add(at('Closed Won'), 250.5, NaN, 19_900, 20_050, NaN);
  const set = b.finish();
  expect(set.size).toBe(2);
  expect(set.table).toBe(table);
  expect([...set.stage]).toEqual([3, 5]);
  expect([...set.value!]).toEqual([100, 250.5]);
  expect([...set.override!]).toEqual([0.9, NaN]);
  expect([...set.created!]).toEqual([20_000, 19_900]);
  expect([...set.closed!]).toEqual([NaN, 20_050]);
  expect([...set.expectedClose!]).toEqual([20_100, NaN]);
  expect(dealSetBuilder(table, 3).finish().size).toBe(0);
});

test("weightOf: an open deal its own probability when it has one, else its stage's; Won 100% and Lost 0% whatever their own", () => {
  const b = dealSetBuilder(table, 2 * DEFAULT_STAGES.length);
  for (const s of DEFAULT_STAGES) {
    b.add(at(s.name), 1, NaN, NaN, NaN, NaN);
    b.add(at(s.name), 1, 0.42, NaN, NaN, NaN);
  }
  const set = b.finish();
  const expected = DEFAULT_STAGES.flatMap((s) => [expectedWeight(s.name), expectedWeight(s.name, 0.42)]);
  expect(Array.from({ length: set.size }, (_, i) => weightOf(set, i))).toEqual(expected);
  // By hand: Proposal 50% without, 42% with; Closed Won 1 both ways; Closed Lost 0 both ways.
  expect(expected.slice(6, 8)).toEqual([0.5, 0.42]);
  expect(expected.slice(10)).toEqual([1, 1, 0, 0]);
});

test('an own probability of 0 is a probability, not a blank', () => {
  const b = dealSetBuilder(table, 1);
  b.add(at('Negotiation'), 1000, 0, NaN, NaN, NaN);
  expect(weightOf(b.finish(), 0)).toBe(0);
});

test('a set without values or overrides (a custom function given only stages): value 0, stage weights', () => {
  const set: DealSet = {
    table,
    size: 3,
    stage: Int32Array.from([at('Qualification'), at('Closed Won'), at('Closed Lost')]),
  };
  expect([0, 1, 2].map((i) => [valueOf(set, i), weightOf(set, i)])).toEqual([
    [0, 0.3],
    [0, 1],
    [0, 0],
  ]);
});
