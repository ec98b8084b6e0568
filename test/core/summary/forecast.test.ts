/** src/core/summary/forecast.ts: the forecast section (Overdue, the next 6 months, undated deals) and its chart, by hand. */
import { dayNumber } from '../../../fixtures/calendar-days';
import { defaultDeal, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, summaryInput } from '../../../fixtures/summary-input';
import { FORECAST_MONTHS, forecastSection } from '../../../src/core/summary/forecast';

const deal = (stage: string, close: string, f: RecordFields = {}) =>
  defaultDeal(stage, { expectedClose: close === '' ? NaN : dayNumber(close), ...f });
const round = (rows: (string | number)[][]) =>
  rows.map((r) => r.map((c) => (typeof c === 'number' ? Math.round(c * 1e6) / 1e6 : c)));

// Today is 23 Nov 2026: the six months are Nov 2026 to Apr 2027.
const DEALS = [
  deal('Proposal', '2027-01-20', { value: 8000 }), //                   Jan: 8000, weighted 4000
  deal('Negotiation', '2026-11-30', { value: 12000, override: 0.9 }), // Nov: 12000, weighted 10800
  deal('Closed Won', '2026-09-30', { value: 7000 }), //                 won in a past month: not shown
  deal('Closed Lost', '2026-12-15', { value: 3000 }), //                lost: never
  deal('Lead Generation', '2026-10-15', { value: 1000 }), //            open, past: Overdue 1000, weighted 100
  deal('Initial Contact', '', { value: 2500 }), //                       No close date: 2500, weighted 500
  deal('Closed Won', '2026-11-02', { value: 4000 }), //                 Nov: won 4000, weighted 4000
  deal('Negotiation', '2027-04-15', { value: 15000 }), //               Apr: 15000, weighted 11250
  deal('Proposal', '2027-05-01', { value: 500 }), //                    past the sixth month: not shown
];

test('rows: Overdue, six months from this one (empty ones too), No close date', () => {
  expect(FORECAST_MONTHS).toBe(6);
  const layout = runSection(forecastSection, summaryInput(DEALS));
  expect(layout.rows[0]).toEqual(padded('Forecast by month (next 6)', 'Deals', 'Pipeline', 'Weighted', 'Won'));
  expect(round(layout.rows.slice(1))).toEqual([
    padded('Overdue', 1, 1000, 100, 0),
    padded('2026-11', 2, 12000, 10800 + 4000, 4000),
    padded('2026-12', 0, 0, 0, 0),
    padded('2027-01', 1, 8000, 4000, 0),
    padded('2027-02', 0, 0, 0, 0),
    padded('2027-03', 0, 0, 0, 0),
    padded('2027-04', 1, 15000, 11250, 0),
    padded('No close date', 1, 2500, 500, 0),
  ]);
});

test('money format on the three money columns, and the chart over labels and pipeline/weighted', () => {
  const layout = runSection(forecastSection, summaryInput(DEALS));
  expect(layout.formats).toEqual([{ row: 2, column: 3, numRows: 8, numColumns: 3, format: '$#,##0' }]);
  expect(layout.charts).toEqual([
    {
      key: 'forecast',
      title: 'Forecast by month',
      type: 'COLUMN',
      ranges: [
        { row: 1, column: 1, numRows: 9, numColumns: 1 },
        { row: 1, column: 3, numRows: 9, numColumns: 2 },
      ],
      anchor: { row: 21, column: 9 },
    },
  ]);
});

test('no deals: the six empty months, no Overdue or No close date row', () => {
  const layout = runSection(forecastSection, summaryInput([]));
  expect(layout.rows.slice(1).map((r) => r[0])).toEqual([
    '2026-11',
    '2026-12',
    '2027-01',
    '2027-02',
    '2027-03',
    '2027-04',
  ]);
  expect(layout.charts[0]?.ranges[0]?.numRows).toBe(7);
});
