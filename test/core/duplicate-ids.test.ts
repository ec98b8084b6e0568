/** Duplicate Deal IDs (pure). */
import { duplicateIdProblems, duplicateRows, findDuplicateIds } from '../../src/core/duplicate-ids';

test('IDs on two or more rows, trimmed, blanks ignored, with sheet rows', () => {
  const ids = ['D-1', 'D-2', ' D-1', '', '', 'D-3', 'D-2', 'D-1', 'd-3'];
  const dups = findDuplicateIds(ids, 2);
  expect(dups).toEqual([
    { id: 'D-1', rows: [2, 4, 9] },
    { id: 'D-2', rows: [3, 8] },
  ]);
  expect([...duplicateRows(dups)].sort((a, b) => a - b)).toEqual([2, 3, 4, 8, 9]);
  const problems = duplicateIdProblems(dups, 'Deals');
  expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
    [2, 'Deal ID', '"D-1"'],
    [3, 'Deal ID', '"D-2"'],
    [4, 'Deal ID', '"D-1"'],
    [8, 'Deal ID', '"D-2"'],
    [9, 'Deal ID', '"D-1"'],
  ]);
  expect(problems[0]?.problem).toMatch(/rows 2, 4 and 9/);
  expect(problems[1]?.problem).toMatch(/rows 3 and 8/);
});

test('no duplicates, no problems', () => {
  expect(findDuplicateIds(['a', 'b', ''], 2)).toEqual([]);
});
