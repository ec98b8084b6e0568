/** src/core/summary/layout.ts: the summary tab as data, appended top to bottom. */
import { padded } from '../../../fixtures/summary-input';
import { LayoutBuilder, SUMMARY_WIDTH } from '../../../src/core/summary/layout';

test('rows are padded or cut to the 7 summary columns and numbered from 1; nextRow is the row the next one fills', () => {
  expect(SUMMARY_WIDTH).toBe(7);
  const out = new LayoutBuilder();
  expect(out.nextRow).toBe(1);
  expect(out.row('a', 1)).toBe(1);
  expect(out.row()).toBe(2);
  expect(out.row(1, 2, 3, 4, 5, 6, 7, 8, 9)).toBe(3);
  expect(out.nextRow).toBe(4);
  expect(out.rows).toEqual([
    ['a', 1, '', '', '', '', ''],
    ['', '', '', '', '', '', ''],
    [1, 2, 3, 4, 5, 6, 7],
  ]);
  expect(padded('a', 1)).toEqual(out.rows[0]);
});

test('headers are rows that are also listed as header rows; notes, formats and charts are kept in order', () => {
  const out = new LayoutBuilder();
  out.row('title');
  expect(out.header('H', 'x')).toBe(2);
  out.note(2, 1, 'what H means');
  out.format(3, 2, 4, 1, '$#,##0');
  out.format(3, 2, 0, 1, '0.0%'); // an empty block: nothing
  out.chart({
    key: 'trend',
    title: 'T',
    type: 'LINE',
    ranges: [{ row: 2, column: 1, numRows: 1, numColumns: 1 }],
    anchor: { row: 41, column: 9 },
  });
  const layout = out.finish(5);
  expect(layout).toEqual({
    rows: [padded('title'), padded('H', 'x')],
    notes: [{ row: 2, column: 1, text: 'what H means' }],
    formats: [{ row: 3, column: 2, numRows: 4, numColumns: 1, format: '$#,##0' }],
    headerRows: [2],
    charts: [
      {
        key: 'trend',
        title: 'T',
        type: 'LINE',
        ranges: [{ row: 2, column: 1, numRows: 1, numColumns: 1 }],
        anchor: { row: 41, column: 9 },
      },
    ],
    statusRow: 5,
  });
});
