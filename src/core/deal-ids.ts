/** Deal IDs the add-on assigns: "D-0001", unique, stable, never reused (a counter that only grows). */

const OURS = /^D-(\d+)$/;

export function formatDealId(n: number): string {
  return `D-${String(n).padStart(4, '0')}`;
}

/** The next number to use: past the stored counter and past every ID of ours already in the sheet. */
export function nextDealNumber(stored: number, existingIds: readonly string[]): number {
  let next = Math.max(1, stored);
  for (const id of existingIds) {
    const m = OURS.exec(id.trim());
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return next;
}

/** New IDs for the given row indexes, in order, past `stored` and every ID of ours already present. */
export function newDealIds(
  indexes: readonly number[],
  stored: number,
  existingIds: readonly string[],
): { ids: Map<number, string>; next: number } {
  let next = nextDealNumber(stored, existingIds);
  const ids = new Map<number, string>();
  for (const i of indexes) ids.set(i, formatDealId(next++));
  return { ids, next };
}
