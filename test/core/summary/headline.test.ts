/** src/core/summary/headline.ts: the headline figures, worked by hand (the same eight deals as test/core/metrics.test.ts). */
import { dayNumber } from '../../../fixtures/calendar-days';
import { defaultDeal, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, summaryInput } from '../../../fixtures/summary-input';
import { DEFINITIONS } from '../../../src/core/summary/definitions';
import { headlineSection } from '../../../src/core/summary/headline';

const deal = (stage: string, f: RecordFields = {}) => defaultDeal(stage, f);

const DEALS = [
  deal('Lead Generation', { value: 1000 }), //                     1000 x 0.10 =   100
  deal('Qualification', { value: 5000, override: 0.4 }), //        5000 x 0.40 =  2000
  deal('Proposal', { value: 8000 }), //                            8000 x 0.50 =  4000
  deal('Negotiation', { value: 12000, override: 0.9 }), //        12000 x 0.90 = 10800
  deal('Closed Won', {
    value: 7000,
    override: 0.2,
    created: dayNumber('2026-01-01'),
    stageEntered: dayNumber('2026-01-31'),
  }), // 7000, 30 days
  deal('Closed Lost', { value: 3000 }), //                            0
  deal('Closed Won', { value: 4000, created: dayNumber('2026-03-01'), expectedClose: dayNumber('2026-03-11') }), // 4000; no Stage Entered: Expected Close, 10 days
  deal('Initial Contact'), //                                       blank value
];

test('seven figures by hand: 5 open, 26,000 pipeline, 27,900 weighted, 2/3 won, 5,500 a deal, 20 days, 916.67 a day', () => {
  const layout = runSection(headlineSection, summaryInput(DEALS));
  expect(layout.rows[0]).toEqual(padded('Headline figures', 'Value'));
  const figures = layout.rows
    .slice(1)
    .map((r) => [r[0], typeof r[1] === 'number' ? Math.round(r[1] * 1e6) / 1e6 : r[1]]);
  expect(figures).toEqual([
    ['Open deals', 5],
    ['Pipeline value', 1000 + 5000 + 8000 + 12000 + 0],
    ['Weighted forecast', 100 + 2000 + 4000 + 10800 + 7000 + 0 + 4000 + 0],
    ['Win rate', Math.round((2 / 3) * 1e6) / 1e6],
    ['Average deal size', (7000 + 4000) / 2],
    ['Average sales cycle (days)', (30 + 10) / 2],
    ['Sales velocity (per day)', Math.round(((5 * (2 / 3) * 5500) / 20) * 1e6) / 1e6],
  ]);
  expect(layout.rows.slice(1).every((r) => r.slice(2).every((c) => c === ''))).toBe(true);
});

test('each figure carries its definition as a note on its label, and its number format on its value', () => {
  const layout = runSection(headlineSection, summaryInput(DEALS));
  expect(layout.notes).toEqual(
    [
      DEFINITIONS.open,
      DEFINITIONS.pipeline,
      DEFINITIONS.weighted,
      DEFINITIONS.winRate,
      DEFINITIONS.dealSize,
      DEFINITIONS.cycle,
      DEFINITIONS.velocity,
    ].map((text, k) => ({ row: k + 2, column: 1, text })),
  );
  expect(layout.formats.map((f) => [f.row, f.column, f.numRows, f.numColumns, f.format])).toEqual([
    [2, 2, 1, 1, '0'],
    [3, 2, 1, 1, '$#,##0'],
    [4, 2, 1, 1, '$#,##0'],
    [5, 2, 1, 1, '0.0%'],
    [6, 2, 1, 1, '$#,##0'],
    [7, 2, 1, 1, '0.0'],
    [8, 2, 1, 1, '$#,##0'],
  ]);
  expect(layout.headerRows).toEqual([1]);
});

test('nothing to divide by: a dash and the reason instead of a number, and no number format on it', () => {
  const layout = runSection(headlineSection, summaryInput([deal('Proposal', { value: 10 })]));
  expect(layout.rows.slice(1).map((r) => r[1])).toEqual([
    1,
    10,
    5,
    '— (no closed deals)',
    '— (no won deals)',
    '— (no won deals with dates)',
    '— (no closed deals)',
  ]);
  expect(layout.formats.map((f) => f.row)).toEqual([2, 3, 4]);
  // Lost deals only: the win rate is 0%, velocity has no won deal.
  const lost = runSection(headlineSection, summaryInput([deal('Closed Lost', { value: 10 }), deal('Proposal')]));
  expect(lost.rows.slice(1).map((r) => r[1])).toEqual([
    1,
    0,
    0,
    0,
    '— (no won deals)',
    '— (no won deals with dates)',
    '— (no won deals)',
  ]);
});
