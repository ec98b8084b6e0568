/**
 * Per-row number checks that read no global. Apps Script loads the bundle in a V8 context where a
 * global lookup (Number, Math, even NaN) inside a 100k-row loop is a cost paid per row; these are
 * module-level constants and plain operators instead.
 */

/** "No value" in the DealSet's typed arrays. */
export const NONE = Number.NaN;

/** True for NaN (NONE), without calling Number.isNaN. */
export function isNone(x: number): boolean {
  return x !== x;
}

/** A finite number (not NaN, not ±Infinity), without calling Number.isFinite. */
export function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && v - v === 0;
}

export const floor = Math.floor;
