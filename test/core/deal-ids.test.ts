/** src/core/deal-ids.ts: shared IDs found for every job and action; new IDs never collide. */
import { formatDealId, newDealIds, nextDealNumber } from '../../src/core/deal-ids';
import { duplicateIdProblems, findDuplicateIds } from '../../src/core/duplicate-ids';

test('duplicateIds: trimmed IDs on more than one row, blanks are not IDs', () => {
  expect(
    Object.fromEntries(findDuplicateIds(['D-1', 'D-2', ' D-1', '', '', 'D-3', 'D-2'], 0).map((d) => [d.id, d.rows])),
  ).toEqual({ 'D-1': [0, 2], 'D-2': [1, 6] });
});

test('duplicateIdProblems: one problem per row, naming the other rows, in sheet rows', () => {
  const problems = duplicateIdProblems(findDuplicateIds(['D-1', 'X', 'D-1', 'D-1'], 2), 'Deals');
  expect(problems.map((p) => [p.row, p.column, p.value, p.problem.split(' (')[0]])).toEqual([
    [2, 'Deal ID', '"D-1"', 'also on row 4, 5'],
    [4, 'Deal ID', '"D-1"', 'also on row 2, 5'],
    [5, 'Deal ID', '"D-1"', 'also on row 2, 4'],
  ]);
});

test('newDealIds: past the counter and every ID of ours, in row order', () => {
  const { ids, next } = newDealIds([4, 1], 3, ['D-0007', 'X-99', 'D-0002']);
  expect([...ids]).toEqual([
    [4, 'D-0008'],
    [1, 'D-0009'],
  ]);
  expect(next).toBe(10);
});

test('formatDealId pads to four digits and grows past them', () => {
  expect([1, 42, 9999, 10000, 123456].map(formatDealId)).toEqual(['D-0001', 'D-0042', 'D-9999', 'D-10000', 'D-123456']);
});

test('nextDealNumber: at least 1, past the stored counter and past every "D-<n>" of ours; other IDs do not count', () => {
  expect(nextDealNumber(0, [])).toBe(1);
  expect(nextDealNumber(-5, [])).toBe(1);
  expect(nextDealNumber(12, ['D-0003'])).toBe(12);
  expect(nextDealNumber(2, [' D-0041 ', 'D-7', 'X-900', 'D-12a', 'd-0500', ''])).toBe(42);
});
