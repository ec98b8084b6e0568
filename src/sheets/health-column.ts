/**
 * Writing the Health column safely while other users edit (they do not wait for our lock): just
 * before the write, under the lock, the Deals table is read again and each planned Health goes to
 * the row that now holds its Deal ID (matchHealth, src/core/health-match.ts).
 */
import { COLUMN_LABELS } from '../core/columns';
import { HealthPlan, matchHealth } from '../core/health-match';
import { CellValue } from '../core/values';
import { Sheet } from './book';
import { readDealsTable } from './deals-sheet';
import { safeText } from './safe-text';

export interface HealthWrite {
  readonly healthColumn: number;
  readonly written: number;
  readonly changedSince: number;
  readonly unmatched: number;
}

/**
 * Under the document lock: re-reads the table (one getValues), matches, and writes the span from
 * the first to the last changed row in one setValues (cells in between get back what they hold).
 */
export function writeHealthById(sheet: Sheet, plan: HealthPlan): HealthWrite {
  const { columns, rows, firstRow } = readDealsTable(sheet);
  for (const key of ['health', 'dealId'] as const) {
    if (columns[key] === undefined)
      throw new Error(
        `The ${sheet.getName()} tab has no "${COLUMN_LABELS[key]}" column any more (it was removed or renamed during the run); nothing was written. Run Extensions > Deal Pipeline > Set up pipeline.`,
      );
  }
  const healthIndex = columns.health as number;
  const m = matchHealth(plan, rows, columns);
  if (m.assign.size > 0) {
    const changed = [...m.assign.keys()].sort((a, b) => a - b);
    const first = changed[0] as number;
    const last = changed[changed.length - 1] as number;
    const cells: CellValue[][] = [];
    for (let k = first; k <= last; k++) {
      const v = m.assign.has(k) ? (m.assign.get(k) as string) : (rows[k] as CellValue[])[healthIndex];
      cells.push([typeof v === 'string' ? safeText(v) : v]);
    }
    sheet.getRange(firstRow + first, healthIndex + 1, cells.length, 1).setValues(cells);
  }
  return {
    healthColumn: healthIndex + 1,
    written: m.assign.size,
    changedSince: m.changedSince,
    unmatched: m.unmatched,
  };
}
