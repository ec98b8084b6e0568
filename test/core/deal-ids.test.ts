/** src/core/deal-ids.ts: shared IDs found for every job and action; new IDs never collide. */
import { newDealIds } from '../../src/core/deal-ids';
import { duplicateIdProblems, findDuplicateIds } from '../../src/core/duplicate-ids';

test('duplicateIds: trimmed IDs on more than one row, blanks are not IDs', () => {
  expect(Object.fromEntries(findDuplicateIds(['D-1', 'D-2', ' D-1', '', '', 'D-3', 'D-2'], 0).map((d) => [d.id, d.rows]))).toEqual({ 'D-1': [0, 2], 'D-2': [1, 6] });
});

test('duplicateIdProblems: one problem per row, naming the other rows, in sheet rows', () => {
  const problems = duplicateIdProblems(findDuplicateIds(['D-1', 'X', 'D-1', 'D-1'], 2), 'Deals');
  expect(problems.map((p) => [p.row, p.column, p.value, p.problem.split(' (')[0]])).toEqual([
    [2, 'Deal ID', '"D-1"', 'also on row 4, 5'], [4, 'Deal ID', '"D-1"', 'also on row 2, 5'], [5, 'Deal ID', '"D-1"', 'also on row 2, 4'],
  ]);
});

test('newDealIds: past the counter and every ID of ours, in row order', () => {
  const { ids, next } = newDealIds([4, 1], 3, ['D-0007', 'X-99', 'D-0002']);
  expect([...ids]).toEqual([[4, 'D-0008'], [1, 'D-0009']]);
  expect(next).toBe(10);
});
