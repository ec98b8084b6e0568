/**
 * Long lists (stale deals, data problems) show their first LIST_CAP rows, then one line saying how
 * many more there are and where to see them, so a 50k-deal pipeline still gives a readable tab.
 */
import { LayoutBuilder, SummaryCell } from './layout';

export const LIST_CAP = 200;

export function pushCapped<T>(
  out: LayoutBuilder,
  items: readonly T[],
  cells: (item: T) => SummaryCell[],
  more: (n: number) => string,
): void {
  const shown = Math.min(items.length, LIST_CAP);
  for (let i = 0; i < shown; i++) out.row(...cells(items[i] as T));
  if (items.length > LIST_CAP) out.row(more(items.length - LIST_CAP));
}
