/** src/core/history-analytics/win-rates.ts against a plain loop over deals and stages. */
import { randomInt, seededRandom } from '../../../fixtures/random';
import { BLEND_DEALS, stageWinRates, withObservedProbabilities } from '../../../src/core/history-analytics/win-rates';
import { defaultStageTable } from '../../../src/core/settings';

const table = defaultStageTable();
const SET = [0.1, 0.2, 0.3, 0.5, 0.75];

test('observed = (won + 10 x set) / (closed + 10): set with no closed deal, halfway at 10', () => {
  expect(BLEND_DEALS).toBe(10);
  expect(stageWinRates(table, [], []).map((r) => r.observed)).toEqual(SET);
  // 10 won deals: every open stage is halfway between its set probability and 100%.
  const rates = stageWinRates(table, Array(10).fill(5), Array(10).fill(5));
  expect(rates.map((r) => [r.closed, r.won, r.raw])).toEqual(SET.map(() => [10, 10, 1]));
  expect(rates.map((r) => r.observed)).toEqual(SET.map((p) => (10 + 10 * p) / 20));
  expect(withObservedProbabilities(table, rates).stages.map((s) => s.probability)).toEqual([
    ...SET.map((p) => (10 + 10 * p) / 20),
    1,
    0,
  ]);
});

test('random deals: closed and won per stage equal a plain count of deals that reached it', () => {
  const random = seededRandom(4);
  for (let round = 0; round < 50; round++) {
    const n = randomInt(random, 0, 60);
    const stage: number[] = [];
    const reached: number[] = [];
    for (let i = 0; i < n; i++) {
      const s = randomInt(random, 0, 6);
      stage.push(s);
      // Won deals reached every open stage (and Won); lost ones what history says (or nothing); open ones at least their own.
      reached.push(s === 5 ? 5 : s === 6 ? randomInt(random, -1, 4) : randomInt(random, s, 4));
    }
    const rates = stageWinRates(table, stage, reached);
    expect(rates.map((r) => r.stage.index)).toEqual([0, 1, 2, 3, 4]);
    rates.forEach((r, k) => {
      let closed = 0;
      let won = 0;
      for (let i = 0; i < n; i++) {
        if (stage[i]! < 5 || reached[i]! < k) continue;
        closed++;
        if (stage[i] === 5) won++;
      }
      expect([r.closed, r.won]).toEqual([closed, won]);
      expect(r.observed).toBeCloseTo((won + 10 * SET[k]!) / (closed + 10), 12);
    });
  }
});
