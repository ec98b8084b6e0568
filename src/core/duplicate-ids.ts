/**
 * Duplicate Deal IDs (a copied row): an ID on more than one row names no deal for sure, so nothing
 * acts on those rows (no history row, no Health from the jobs, no sidebar move) until each has its
 * own ID; setup, Check settings, onEdit and the jobs report them as data problems instead.
 */
import { COLUMN_LABELS } from './columns';
import type { DataProblem } from './deals';
import { rowsById } from './rows-by-id';
import { describeValue } from './values';

export interface DuplicateId {
  readonly id: string;
  /** Sheet rows holding the ID, ascending. */
  readonly rows: readonly number[];
}

/** IDs (trimmed, non-blank, compared exactly) found on two or more rows; ids[k] sits on sheet row firstRow + k. */
export function findDuplicateIds(ids: readonly string[], firstRow: number): DuplicateId[] {
  const out: DuplicateId[] = [];
  for (const [id, rows] of rowsById(ids, firstRow)) if (rows.length > 1) out.push({ id, rows });
  return out;
}

/** Every sheet row that shares its ID with another row. */
export function duplicateRows(dups: readonly DuplicateId[]): Set<number> {
  const rows = new Set<number>();
  for (const d of dups) for (const r of d.rows) rows.add(r);
  return rows;
}

const listRows = (rows: readonly number[]): string => `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;

/** One data problem per row holding a duplicated ID, in row order: 'Deal ID "D-0001" is also on row 4, 9 (...)'. */
export function duplicateIdProblems(dups: readonly DuplicateId[], tab: string): DataProblem[] {
  const out: DataProblem[] = [];
  for (const d of dups) {
    for (const row of d.rows) {
      const others = d.rows.filter((r) => r !== row);
      out.push({
        tab,
        row,
        column: COLUMN_LABELS.dealId,
        value: describeValue(d.id),
        problem: `also on row ${others.join(', ')} (give each deal its own Deal ID; rows ${listRows(d.rows)} are left alone until then)`,
      });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
