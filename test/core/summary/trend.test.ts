/** src/core/summary/trend.ts: open pipeline per day over the last 90 days of snapshots, and its chart. */
import { isoOfDay } from '../../../fixtures/calendar-days';
import { padded, runSection, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { SnapshotRow } from '../../../src/core/snapshots';
import { TREND_DAYS, trendSection } from '../../../src/core/summary/trend';

const T = SUMMARY_TODAY;
const snap = (day: number, stage: string, deals: number, value: number, weighted: number): SnapshotRow => ({
  day,
  stage,
  deals,
  value,
  weighted,
});

test('days today-89 to today, open stages of the table only (found by name in any case), summed per day, oldest first', () => {
  expect(TREND_DAYS).toBe(90);
  const snapshots = [
    snap(T, 'Proposal', 2, 200, 100),
    snap(T, 'lead generation', 1, 50, 5),
    snap(T, 'Closed Won', 9, 900, 900),
    snap(T - 89, 'Negotiation', 3, 300, 225), //                       the oldest day in the window
    snap(T - 90, 'Proposal', 7, 700, 350), //                          one day too old
    snap(T - 10, 'Stage we removed', 4, 400, 40),
    snap(T - 10, 'Closed Lost', 4, 400, 0), // not open stages: no point that day
    snap(T + 1, 'Proposal', 1, 1, 1), //                               tomorrow
  ];
  const layout = runSection(trendSection, summaryInput([], { snapshots }));
  expect(layout.rows).toEqual([
    padded('Pipeline trend (last 90 days)', 'Open deals', 'Pipeline', 'Weighted'),
    padded(isoOfDay(T - 89), 3, 300, 225),
    padded('2026-11-23', 2 + 1, 200 + 50, 100 + 5),
  ]);
  expect(isoOfDay(T - 89)).toBe('2026-08-26');
});

test('money on pipeline and weighted; the chart spans the header and every point', () => {
  const snapshots = [
    snap(T - 2, 'Proposal', 1, 10, 5),
    snap(T - 1, 'Proposal', 1, 10, 5),
    snap(T, 'Proposal', 1, 10, 5),
  ];
  const layout = runSection(trendSection, summaryInput([], { snapshots }));
  expect(layout.formats).toEqual([{ row: 2, column: 3, numRows: 3, numColumns: 2, format: '$#,##0' }]);
  expect(layout.charts).toEqual([
    {
      key: 'trend',
      title: 'Pipeline trend',
      type: 'LINE',
      ranges: [
        { row: 1, column: 1, numRows: 4, numColumns: 1 },
        { row: 1, column: 3, numRows: 4, numColumns: 2 },
      ],
      anchor: { row: 41, column: 9 },
    },
  ]);
  const empty = runSection(trendSection, summaryInput([]));
  expect([empty.rows.length, empty.formats, empty.charts[0]?.ranges[0]?.numRows]).toEqual([1, [], 1]);
});
