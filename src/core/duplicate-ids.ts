/**
 * Duplicate Deal IDs (a copied row): an ID on more than one row names no deal for sure, so nothing
 * acts on those rows until each has its own ID; they are reported under Data problems instead.
 */
import { DataProblem } from './deals';
import { describeValue } from './values';

export interface DuplicateId {
  readonly id: string;
  /** Sheet rows holding the ID, ascending. */
  readonly rows: readonly number[];
}

/** IDs (trimmed, non-blank, compared exactly) found on two or more rows; ids[k] sits on sheet row firstRow + k. */
export function findDuplicateIds(ids: readonly string[], firstRow: number): DuplicateId[] {
  const rowsById = new Map<string, number[]>();
  ids.forEach((raw, k) => {
    const id = raw.trim();
    if (id === '') return;
    const rows = rowsById.get(id);
    if (rows) rows.push(firstRow + k); else rowsById.set(id, [firstRow + k]);
  });
  const out: DuplicateId[] = [];
  for (const [id, rows] of rowsById) if (rows.length > 1) out.push({ id, rows });
  return out;
}

/** Every sheet row that shares its ID with another row. */
export function duplicateRows(dups: readonly DuplicateId[]): Set<number> {
  const rows = new Set<number>();
  for (const d of dups) for (const r of d.rows) rows.add(r);
  return rows;
}

const listRows = (rows: readonly number[]): string =>
  rows.length === 2 ? `${rows[0]} and ${rows[1]}` : `${rows.slice(0, -1).join(', ')} and ${rows[rows.length - 1]}`;

/** One data problem per row holding a duplicated ID, in row order. */
export function duplicateIdProblems(dups: readonly DuplicateId[], tab: string): DataProblem[] {
  const out: DataProblem[] = [];
  for (const d of dups) {
    for (const row of d.rows) {
      out.push({ tab, row, column: 'Deal ID', value: describeValue(d.id), problem: `the same Deal ID is on rows ${listRows(d.rows)}; the add-on leaves these rows alone until each has its own ID` });
    }
  }
  return out.sort((a, b) => a.row - b.row);
}
