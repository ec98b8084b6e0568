/** Deal IDs the add-on assigns: "D-0001", unique, stable, never reused (a counter that only grows). */
import { COLUMN_LABELS } from './columns';
import type { DataProblem } from './deals';
import { describeValue } from './values';

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

/** Runs of consecutive indexes, for writing only the cells that change. */
export function runsOf(indexes: readonly number[]): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === i) last.length++;
    else runs.push({ start: i, length: 1 });
  }
  return runs;
}

/** New IDs for the given row indexes, in order, past `stored` and every ID of ours already present. */
export function newDealIds(indexes: readonly number[], stored: number, existingIds: readonly string[]): { ids: Map<number, string>; next: number } {
  let next = nextDealNumber(stored, existingIds);
  const ids = new Map<number, string>();
  for (const i of indexes) ids.set(i, formatDealId(next++));
  return { ids, next };
}

/** Indexes of every Deal ID that appears on more than one row (blank IDs are not IDs). */
export function duplicateIds(ids: readonly string[]): Map<string, number[]> {
  const at = new Map<string, number[]>();
  ids.forEach((raw, i) => {
    const id = raw.trim();
    if (id === '') return;
    const list = at.get(id);
    if (list) list.push(i); else at.set(id, [i]);
  });
  for (const [id, list] of at) if (list.length < 2) at.delete(id);
  return at;
}

/**
 * One data problem per row whose Deal ID is shared with another row ("a copied row"): the add-on
 * never acts on such an ID until each deal has its own. `ids[0]` sits on sheet row `firstRow`.
 */
export function duplicateIdProblems(ids: readonly string[], tab: string, firstRow: number): DataProblem[] {
  const out: DataProblem[] = [];
  for (const [id, list] of duplicateIds(ids)) {
    for (const i of list) {
      const others = list.filter((j) => j !== i).map((j) => j + firstRow);
      out.push({ tab, row: i + firstRow, column: COLUMN_LABELS.dealId, value: describeValue(id), problem: `also on row ${others.join(', ')} (give each deal its own Deal ID)` });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
