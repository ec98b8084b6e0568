/** src/core/summary/capped-list.ts: long lists show their first LIST_CAP rows and one line saying how many more. */
import { LIST_CAP, pushCapped } from '../../../src/core/summary/capped-list';
import { LayoutBuilder } from '../../../src/core/summary/layout';

const list = (n: number): string[] => {
  const out = new LayoutBuilder();
  pushCapped(
    out,
    Array.from({ length: n }, (_, i) => i),
    (i) => [`item ${i}`, i],
    (more) => `... and ${more} more`,
  );
  return out.rows.map((r) => String(r[0]));
};

test('the cap is 200', () => {
  expect(LIST_CAP).toBe(200);
});

test('up to the cap every item gets a row and there is no "more" line', () => {
  expect(list(0)).toEqual([]);
  expect(list(3)).toEqual(['item 0', 'item 1', 'item 2']);
  const full = list(200);
  expect([full.length, full[199]]).toEqual([200, 'item 199']);
});

test('past the cap: the first 200 in the order given, then "... and N more" with N = count - 200', () => {
  const one = list(201);
  expect([one.length, one[199], one[200]]).toEqual([201, 'item 199', '... and 1 more']);
  const many = list(1000);
  expect([many.length, many[0], many[200]]).toEqual([201, 'item 0', '... and 800 more']);
});
