/** src/core/history-analytics/time-in-stage.ts and percentile.ts against plain loops written here. */
import { seededRandom, randomInt } from '../../../fixtures/random';
import { DEFAULT_STAGE_NAMES } from '../../../fixtures/deals';
import { HistoryEntry } from '../../../src/core/history';
import { percentileOfSorted } from '../../../src/core/history-analytics/percentile';
import { stayDays, timeInStage } from '../../../src/core/history-analytics/time-in-stage';
import { defaultStageTable } from '../../../src/core/settings';

const DAY = 86_400_000;
const table = defaultStageTable();
const byDay = (ms: number): number => Math.floor(ms / DAY);

test('percentiles as Sheets PERCENTILE.INC: rank p x (n - 1), interpolated', () => {
  expect(percentileOfSorted([10, 20, 30, 31], 0.5)).toBe(25);
  expect(percentileOfSorted([10, 20, 30, 31], 0.75)).toBe(30.25);
  expect(percentileOfSorted([7], 0.75)).toBe(7);
  expect(percentileOfSorted([], 0.5)).toBeNaN();
});

test('a stay runs from a move into an open stage to the next move of that deal, in Timestamp order', () => {
  const e = (day: number, id: string, from: string, to: string): HistoryEntry => ({
    at: day * DAY + 3600_000,
    dealId: id,
    from,
    to,
  });
  // Rows out of order (a sorted-newest-first tab), an undated row, a reopened Lost deal, an unknown stage.
  const entries = [
    e(30, 'A', 'Proposal', 'Closed Won'),
    e(10, 'A', 'Qualification', 'Proposal'),
    e(0, 'A', '', 'Qualification'),
    { at: Number.NaN, dealId: 'A', from: 'Proposal', to: 'Negotiation' },
    e(5, 'B', '', 'Proposal'),
    e(6, 'B', 'Proposal', 'Closed Lost'),
    e(9, 'B', 'Closed Lost', 'Proposal'),
    e(1, 'C', '', 'Old stage'),
    e(4, 'C', 'Old stage', 'Proposal'),
  ];
  const stays = stayDays(entries, table, byDay);
  expect([...(stays[2] as Float64Array)]).toEqual([10]);
  expect([...(stays[3] as Float64Array)]).toEqual([1, 20]);
  expect(stays[5]?.length).toBe(0);
  // as_of: only moves on or before day 9.
  expect([...(stayDays(entries, table, byDay, 9)[3] as Float64Array)]).toEqual([1]);
  expect(timeInStage(stays, table).map((r) => [r.stageIndex, r.left, r.median, r.p75])).toEqual([
    [0, 0, NaN, NaN],
    [1, 0, NaN, NaN],
    [2, 1, 10, 10],
    [3, 2, 10.5, 15.25],
    [4, 0, NaN, NaN],
  ]);
});

test('random histories: the stays per stage equal a plain grouping loop', () => {
  const random = seededRandom(13);
  for (let round = 0; round < 30; round++) {
    const entries: HistoryEntry[] = [];
    const deals = randomInt(random, 0, 40);
    for (let d = 0; d < deals; d++) {
      let day = randomInt(random, 0, 100);
      const moves = randomInt(random, 1, 6);
      for (let k = 0; k < moves; k++) {
        // Distinct days per deal, so Timestamp order is unambiguous.
        day += randomInt(random, 1, 30);
        entries.push({
          at: day * DAY + randomInt(random, 0, 80_000_000),
          dealId: `D${d}`,
          from: '',
          to: DEFAULT_STAGE_NAMES[randomInt(random, 0, 6)] as string,
        });
      }
    }
    // Shuffled rows.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = randomInt(random, 0, i);
      [entries[i], entries[j]] = [entries[j] as HistoryEntry, entries[i] as HistoryEntry];
    }
    const expected: number[][] = DEFAULT_STAGE_NAMES.map(() => []);
    const byDeal = new Map<string, HistoryEntry[]>();
    for (const x of entries) byDeal.set(x.dealId, [...(byDeal.get(x.dealId) ?? []), x]);
    for (const list of byDeal.values()) {
      list.sort((a, b) => a.at - b.at);
      for (let i = 0; i + 1 < list.length; i++) {
        const k = DEFAULT_STAGE_NAMES.indexOf((list[i] as HistoryEntry).to);
        if (k < 5)
          expected[k]?.push(
            Math.floor((list[i + 1] as HistoryEntry).at / DAY) - Math.floor((list[i] as HistoryEntry).at / DAY),
          );
      }
    }
    const stays = stayDays(entries, table, byDay);
    expected.forEach((days, k) => expect([...(stays[k] as Float64Array)]).toEqual(days.sort((a, b) => a - b)));
  }
});
