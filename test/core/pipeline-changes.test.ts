/** src/core/pipeline-changes.ts: the weekly review rebuilt from history equals the one computed from the true states. */
import { zoneDayReader } from '../../src/core/calendar';
import {
  ChangesBuilder,
  ChangesReport,
  changeRows,
  DealsNowArrays,
  feedHistory,
} from '../../src/core/pipeline-changes';
import { defaultStageTable } from '../../src/core/settings';
import { CellGrid } from '../../src/core/values';
import { expectedReview, randomTimeline, Timeline } from '../../fixtures/timelines';

const table = defaultStageTable();
const utc = zoneDayReader('UTC');

function review(t: Timeline, from: number, to: number, history: CellGrid = t.history as CellGrid): ChangesReport {
  const n = t.deals.length;
  const deals: DealsNowArrays = {
    size: n,
    stage: new Int32Array(n),
    value: new Float64Array(n),
    close: new Float64Array(n),
    created: new Float64Array(n),
  };
  const index = new Map<string, number>();
  t.deals.forEach((d, i) => {
    const now = d.states[d.states.length - 1]!;
    deals.stage[i] = table.find(now.stage)!.index;
    deals.value[i] = now.value;
    deals.close[i] = now.close;
    deals.created[i] = d.createdKnown ? d.created : NaN;
    index.set(d.id, i);
  });
  const b = new ChangesBuilder(deals, table, from, to);
  feedHistory(b, history, index, table, utc, (r, what) => {
    throw new Error(`${r}: ${what}`);
  });
  return b.finish();
}

const pairs = (r: ChangesReport) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [v.deals, v.cents] as [number, number]]));

describe.each([
  [1, 60, 40, 7],
  [2, 300, 90, 7],
  [3, 200, 30, 30],
  [4, 150, 60, 1],
])('seed %i: %i deals over %i days, a %i-day period', (seed, deals, days, period) => {
  const t = randomTimeline(seed, deals, days);
  for (const to of [t.firstDay + period - 1, t.firstDay + Math.floor(days / 2), t.lastDay]) {
    const from = to - period + 1;
    test(`from day ${from - t.firstDay} to ${to - t.firstDay}: every category equals the truth, and it reconciles`, () => {
      const r = review(t, from, to);
      expect(pairs(r)).toEqual(expectedReview(t, from, to));
      const rows = changeRows(r);
      const money = rows.slice(0, 7).map((x) => Math.round(x[2] * 100));
      expect(money.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(money[6]);
    });
  }
});

test('the history in any row order gives the same review; rows of deals not on the tab are ignored', () => {
  const t = randomTimeline(7, 80, 40);
  const from = t.firstDay + 20;
  const to = t.firstDay + 26;
  const reversed = [...t.history].reverse() as CellGrid;
  const extra = [[new Date((t.firstDay + 22) * 86_400_000), 'D-999', 'Gone', 'Proposal', 'Closed Won', '', '', '', '']];
  expect(review(t, from, to, [...reversed, ...extra] as CellGrid)).toEqual(review(t, from, to));
});

test('a blank Timestamp on a known deal is reported by row', () => {
  const t = randomTimeline(8, 3, 10);
  const rows = [['', 'D-1', 'x', 'Qualification', 'Proposal', '', '', '', '']] as CellGrid;
  expect(() => review(t, t.firstDay, t.lastDay, rows)).toThrow('0: the Timestamp is blank');
});
