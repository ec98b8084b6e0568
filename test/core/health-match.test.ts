/** Matching planned Health to the rows that hold each Deal ID now (pure). */
import { mapHeaders } from '../../src/core/columns';
import { CellValue } from '../../src/core/values';
import { HealthPlan, matchHealth } from '../../src/core/health-match';

const HEAD = ['Deal ID', 'Stage', 'Health'];
const cols = mapHeaders(HEAD);
const plan = (rows: CellValue[][], after: (string | undefined)[]): HealthPlan => ({
  columns: cols,
  rows: rows.map((r, k) => ({ id: String(r[0]).trim(), cells: r, after: after[k] })),
});
const assigned = (m: ReturnType<typeof matchHealth>): [number, string][] =>
  [...m.assign.entries()].sort((a, b) => a[0] - b[0]);

const READ: CellValue[][] = [
  ['A', 'Proposal', ''],
  ['B', 'Lead Generation', ''],
  ['C', 'Proposal', 'old'],
];

test('each Health goes to the row that now holds its Deal ID (rows reversed)', () => {
  const m = matchHealth(plan(READ, ['a', 'b', 'c']), [...READ].reverse(), cols);
  expect(assigned(m)).toEqual([
    [0, 'c'],
    [1, 'b'],
    [2, 'a'],
  ]);
  expect([m.changedSince, m.unmatched]).toEqual([0, 0]);
});

test('a column moved since the read is no change; a row whose cells changed keeps its Health', () => {
  const moved = mapHeaders(['Stage', 'Health', 'Deal ID']);
  const now: CellValue[][] = [
    ['Proposal', '', 'A'],
    ['Qualification', '', 'B'],
    ['Proposal', 'old', 'C'],
  ];
  const m = matchHealth(plan(READ, ['a', 'b', 'old']), now, moved);
  expect(assigned(m)).toEqual([[0, 'a']]);
  expect(m.changedSince).toBe(1);
});

test('an ID now on two rows, a deleted row and a moved row without an ID are left alone', () => {
  const read: CellValue[][] = [
    ['A', 'Proposal', ''],
    ['', 'Proposal', ''],
    ['C', 'Proposal', ''],
  ];
  const now: CellValue[][] = [
    ['', 'Proposal', ''],
    ['A', 'Proposal', ''],
    ['A', 'Proposal', ''],
  ];
  const m = matchHealth(plan(read, ['a', 'blank', 'c']), now, cols);
  expect(assigned(m)).toEqual([]);
  expect(m.unmatched).toBe(3);
});

test('rows planned as "leave alone" (undefined) are never written; unchanged text is not rewritten', () => {
  const m = matchHealth(plan(READ, [undefined, '', 'old']), READ, cols);
  expect(assigned(m)).toEqual([]);
  expect([m.changedSince, m.unmatched]).toEqual([0, 0]);
});
