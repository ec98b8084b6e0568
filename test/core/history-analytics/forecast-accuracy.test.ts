/** src/core/history-analytics/forecast-snapshots.ts and forecast-accuracy.ts on small hand-made cases. */
import { dayNumber } from '../../../fixtures/calendar-days';
import { dealSetBuilder } from '../../../src/core/dealset';
import { monthIndex } from '../../../src/core/calendar';
import {
  firstDayOfMonth,
  forecastAccuracy,
  meanAbsoluteErrors,
  wonByMonth,
} from '../../../src/core/history-analytics/forecast-accuracy';
import { forecastSnapshotRows } from '../../../src/core/history-analytics/forecast-snapshots';
import { stageWinRates, withObservedProbabilities } from '../../../src/core/history-analytics/win-rates';
import { defaultStageTable } from '../../../src/core/settings';

const table = defaultStageTable();
const NONE = Number.NaN;

test("today's forecast snapshot: per close month from this one, both methods, won 100%, lost left out, own probability wins", () => {
  const b = dealSetBuilder(table, 5);
  // stage, value, own probability, created, closed, expected close
  b.add(3, 1000, NONE, NONE, NONE, dayNumber('2026-11-30'));
  b.add(3, 2000, 0.9, NONE, NONE, dayNumber('2026-12-05'));
  b.add(5, 500, NONE, NONE, dayNumber('2026-11-02'), dayNumber('2026-11-02'));
  b.add(6, 9999, NONE, NONE, dayNumber('2026-11-03'), dayNumber('2026-11-03'));
  b.add(2, 4000, NONE, NONE, NONE, dayNumber('2027-06-01'));
  const set = b.finish();
  // One won deal reached every stage: the observed Proposal probability is (1 + 5) / 11.
  const observed = withObservedProbabilities(table, stageWinRates(table, [5], [5]));
  const rows = forecastSnapshotRows(set, observed, dayNumber('2026-11-23'));
  const nov = monthIndex(dayNumber('2026-11-23'));
  expect(rows.map((r) => [r.month - nov, r.deals, r.weightedSet, r.weightedObserved])).toEqual([
    [0, 2, 500 + 500, 500 + (1000 * 6) / 11],
    [1, 1, 1800, 1800],
    [2, 0, 0, 0],
    [3, 0, 0, 0],
    [4, 0, 0, 0],
  ]);
});

test('accuracy: the latest snapshot up to a week before 30/60/90 days ahead of each complete month, against won', () => {
  const today = dayNumber('2026-11-23');
  const oct = monthIndex(dayNumber('2026-10-01'));
  const snap = (iso: string, month: number, set: number, obs: number) => ({
    day: dayNumber(iso),
    month,
    deals: 1,
    weightedSet: set,
    weightedObserved: obs,
  });
  const rows = forecastAccuracy(
    [
      snap('2026-09-01', oct, 100, 200), // 30 days before 1 Oct is 1 Sep
      snap('2026-08-30', oct, 50, 60), // older than the 1 Sep one: not chosen
      snap('2026-07-20', oct, 10, 20), // 60 days before is 2 Aug: 13 days off, too old
      snap('2026-07-03', oct, 70, 80), // 90 days before is 3 Jul
      snap('2026-10-01', monthIndex(dayNumber('2026-11-01')), 1, 1), // November is not complete
    ],
    new Map([[oct, 150]]),
    today,
  );
  expect(rows).toEqual([
    { month: oct, lead: 30, won: 150, forecastSet: 100, forecastObserved: 200 },
    { month: oct, lead: 90, won: 150, forecastSet: 70, forecastObserved: 80 },
  ]);
  expect(meanAbsoluteErrors(rows)).toEqual({ set: (50 + 80) / 2, observed: (50 + 70) / 2 });
  expect(firstDayOfMonth(oct)).toBe(dayNumber('2026-10-01'));
});

test('won by month: won deals by the day they closed', () => {
  const b = dealSetBuilder(table, 3);
  b.add(5, 100, NONE, NONE, dayNumber('2026-10-31'), NONE);
  b.add(5, 50, NONE, NONE, dayNumber('2026-10-01'), NONE);
  b.add(6, 70, NONE, NONE, dayNumber('2026-10-05'), NONE);
  expect([...wonByMonth(b.finish())]).toEqual([[monthIndex(dayNumber('2026-10-01')), 150]]);
});
