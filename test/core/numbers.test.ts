/** src/core/numbers.ts: the per-row checks that read no global. */
import { floor, isFiniteNumber, isNone, NONE } from '../../src/core/numbers';

test('NONE is NaN, and isNone is true for NaN only', () => {
  expect(Number.isNaN(NONE)).toBe(true);
  expect(isNone(NaN)).toBe(true);
  expect(isNone(0 / 0)).toBe(true);
  for (const x of [0, -0, 1, -1, 1e308, Infinity, -Infinity, Number.MIN_VALUE])
    expect([x, isNone(x)]).toEqual([x, false]);
});

test('isFiniteNumber: numbers that are neither NaN nor infinite; nothing that is not a number', () => {
  for (const x of [0, -0, 1.5, -1e15, Number.MAX_VALUE, Number.MIN_VALUE])
    expect([x, isFiniteNumber(x)]).toEqual([x, true]);
  for (const x of [NaN, Infinity, -Infinity, '1', '', null, undefined, true, new Date(0), [1]])
    expect([x, isFiniteNumber(x)]).toEqual([x, false]);
});

test('floor rounds toward minus infinity', () => {
  expect([floor(2.9), floor(-0.5), floor(-2), floor(1e15 + 0.5)]).toEqual([2, -1, -2, 1e15]);
});
