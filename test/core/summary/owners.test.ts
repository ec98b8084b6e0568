/** src/core/summary/owners.ts: per owner, open deals, pipeline, weighted, won value and win rate; largest weighted first. */
import { defaultDeal, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, summaryInput } from '../../../fixtures/summary-input';
import { NO_OWNER, ownersSection } from '../../../src/core/summary/owners';

const deal = (owner: string, stage: string, value: number, f: RecordFields = {}) =>
  defaultDeal(stage, { owner, value, ...f });

const DEALS = [
  deal('Ann', 'Proposal', 1000), //                        open: 1000 x 0.5 = 500
  deal('Ann', 'Qualification', 2000, { override: 0.8 }), // open: 2000 x 0.8 = 1600 (own probability)
  deal('Bob', 'Closed Won', 1500, { override: 0.1 }), //    won: weighs 1500 (own ignored)
  deal('Bob', 'Closed Lost', 700), //                       lost: 0
  deal('', 'Lead Generation', 3000), //                     no owner: 3000 x 0.1 = 300
  deal('Cy', 'Closed Lost', 100), //                        0
  deal('Eve', 'Lead Generation', 5000), //                  500
  deal('Dee', 'Lead Generation', 5000), //                  500, ties with Eve: by name
];

test('by hand, largest weighted first, ties by name; win rate won / (won + lost), blank without closed deals', () => {
  const layout = runSection(ownersSection, summaryInput(DEALS));
  expect(layout.rows[0]).toEqual(padded('By owner', 'Open deals', 'Pipeline', 'Weighted', 'Won value', 'Win rate'));
  expect(
    layout.rows.slice(1).map((r) => r.map((c) => (typeof c === 'number' ? Math.round(c * 1e9) / 1e9 : c))),
  ).toEqual([
    padded('Ann', 2, 1000 + 2000, 500 + 1600, 0, ''),
    padded('Bob', 0, 0, 1500, 1500, 1 / (1 + 1)),
    padded('Dee', 1, 5000, 500, 0, ''),
    padded('Eve', 1, 5000, 500, 0, ''),
    padded(NO_OWNER, 1, 3000, 300, 0, ''),
    padded('Cy', 0, 0, 0, 0, 0),
  ]);
  expect(NO_OWNER).toBe('(no owner)');
});

test('money on pipeline, weighted and won; percent on the win rate; no rows, no formats', () => {
  expect(runSection(ownersSection, summaryInput(DEALS)).formats).toEqual([
    { row: 2, column: 3, numRows: 6, numColumns: 3, format: '$#,##0' },
    { row: 2, column: 6, numRows: 6, numColumns: 1, format: '0.0%' },
  ]);
  const empty = runSection(ownersSection, summaryInput([]));
  expect([empty.rows.length, empty.formats]).toEqual([1, []]);
});
