/**
 * Percentiles as Sheets' PERCENTILE (PERCENTILE.INC) and MEDIAN compute them, so a manager can check
 * a figure with a formula: the value at rank p x (n - 1) of the sorted list, interpolated linearly
 * between the two nearest values.
 */

/** The p-th percentile (0..1) of ascending values; NaN for none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const below = sorted[lo] as number;
  if (lo + 1 >= n) return below;
  return below + (rank - lo) * ((sorted[lo + 1] as number) - below);
}
