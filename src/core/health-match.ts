/**
 * Where a job's planned Health values go once other users have edited the Deals tab (pure): each to
 * the row that now holds its Deal ID. A row is left alone when its ID is now on two rows, when any of
 * its known columns (Health included) changed since the job read it (an edit got there first and
 * onEdit recomputed its Health), or, for a row without an ID, when the ID column no longer matches
 * what was read. Columns are matched by header, so a moved column is no change. Rows are found by ID
 * with the same lookup as the write plans' (rows-by-id.ts).
 */
import { COLUMN_KEYS, ColumnMap } from './columns';
import { onlyRowOf, rowsById } from './rows-by-id';
import { CellGrid, CellValue, isDate, readText } from './values';

/** One Deals row as the job read it, and the Health text it wants there (undefined: leave the row alone). */
export interface HealthPlanRow {
  readonly id: string;
  /** The row's cells as read (columns as in the plan's column map). */
  readonly cells: readonly CellValue[];
  readonly after: string | undefined;
}

/** The job's plan: its rows and the column map they were read with. */
export interface HealthPlan {
  readonly columns: ColumnMap;
  readonly rows: readonly HealthPlanRow[];
}

export interface HealthMatch {
  /** Row index (0 = the first data row) -> the Health text to write there. */
  readonly assign: Map<number, string>;
  /** Planned rows changed since the read (left as they are now). */
  readonly changedSince: number;
  /** Planned rows no longer found (deleted, their ID now on two rows, or moved without an ID). */
  readonly unmatched: number;
}

function same(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && a.getTime() === b.getTime();
  return readText(a) === readText(b);
}

/** Pure: where each planned Health goes, given the table on the tab now. */
export function matchHealth(health: HealthPlan, rowsNow: CellGrid, columnsNow: ColumnMap): HealthMatch {
  const plan = health.rows;
  // Each known column's index then and now (-1 where absent), so moved columns compare by header.
  const pairs = COLUMN_KEYS.map((k) => [health.columns[k] ?? -1, columnsNow[k] ?? -1] as const).filter(
    ([a, b]) => a >= 0 || b >= 0,
  );
  const healthNow = columnsNow.health ?? -1;
  const idsNow = rowsNow.map((r) => (columnsNow.dealId === undefined ? '' : readText(r[columnsNow.dealId])));
  const indexesNow = rowsById(idsNow, 0);
  const indexesThen = rowsById(
    plan.map((p) => p.id),
    0,
  );
  const planned = (id: string): HealthPlanRow | undefined => {
    const then = onlyRowOf(indexesNow, id) === undefined ? undefined : onlyRowOf(indexesThen, id);
    return then === undefined ? undefined : plan[then];
  };
  const sameLayout = idsNow.length === plan.length && plan.every((p, k) => p.id === idsNow[k]);
  const assign = new Map<number, string>();
  const used = new Set<HealthPlanRow>();
  let changedSince = 0;
  idsNow.forEach((id, k) => {
    const p = id !== '' ? planned(id) : sameLayout ? plan[k] : undefined;
    if (!p || p.after === undefined) return;
    used.add(p);
    const now = rowsNow[k] as CellValue[];
    for (const [a, b] of pairs) {
      if (!same(a < 0 ? '' : p.cells[a], b < 0 ? '' : now[b])) {
        changedSince++;
        return;
      }
    }
    if (p.after !== readText(healthNow < 0 ? '' : now[healthNow])) assign.set(k, p.after);
  });
  let unmatched = 0;
  for (const p of plan) if (p.after !== undefined && !used.has(p)) unmatched++;
  return { assign, changedSince, unmatched };
}
