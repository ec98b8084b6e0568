/** src/core/summary/stale.ts: stale deals, most days over their stage's limit first, then by row; capped. */
import { defaultDeal, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { staleSection } from '../../../src/core/summary/stale';

const T = SUMMARY_TODAY;
const deal = (row: number, stage: string, f: RecordFields = {}) =>
  defaultDeal(stage, { row, name: `Deal ${row}`, owner: 'Ann', ...f });

test('worst first by days over the limit; equal ones by sheet row; a deal without an ID by its row', () => {
  // Given out of row order (a section must not rely on it): row 3 before row 2.
  const deals = [
    deal(3, 'Initial Contact', { lastActivity: T - 12 }), //             12 days, limit 7: over by 5 (no ID)
    deal(2, 'Proposal', { id: 'D-1', stageEntered: T - 15 }), //          15 days, limit 10: over by 5
    deal(4, 'Lead Generation', { id: 'D-3', created: T - 44 }), //       44 days, limit 14: over by 30
    deal(5, 'Proposal', { id: 'D-4', stageEntered: T - 10 }), //         at the limit: not stale
    deal(6, 'Closed Won', { id: 'D-5', stageEntered: T - 400 }), //      closed: never stale
    deal(7, 'Negotiation', { id: 'D-6' }), //                            no date: a data problem, not stale
  ];
  const layout = runSection(staleSection, summaryInput(deals));
  expect(layout.rows).toEqual([
    padded('Stale deals (worst first)', 'Deal', 'Owner', 'Stage', 'Days since touch', 'Limit', 'Over by'),
    ['D-3', 'Deal 4', 'Ann', 'Lead Generation', 44, 14, 30],
    ['D-1', 'Deal 2', 'Ann', 'Proposal', 15, 10, 5],
    ['row 3', 'Deal 3', 'Ann', 'Initial Contact', 12, 7, 5],
  ]);
});

test('no stale deal: one line says so', () => {
  expect(runSection(staleSection, summaryInput([deal(2, 'Proposal', { lastActivity: T })])).rows.slice(1)).toEqual([
    padded('No stale deals.'),
  ]);
});

test('more than 200: the 200 most overdue, then how many more', () => {
  // Deal k is 15 + k days untouched in Proposal (limit 10): the higher k, the worse.
  const deals = Array.from({ length: 203 }, (_, k) =>
    deal(k + 2, 'Proposal', { id: `D-${k}`, stageEntered: T - 15 - k }),
  );
  const rows = runSection(staleSection, summaryInput(deals)).rows.slice(1);
  expect(rows.length).toBe(201);
  expect([rows[0]?.[0], rows[0]?.[6], rows[199]?.[0]]).toEqual(['D-202', 5 + 202, 'D-3']);
  expect(rows[200]).toEqual(padded('... and 3 more stale deals (see the Health column on Deals)'));
});
