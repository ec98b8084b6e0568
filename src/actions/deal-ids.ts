/** Deal IDs for deal rows that lack one, as write-plan rows (found again by their content, having no ID yet). */
import { newDealIds } from '../core/deal-ids';
import { hasDealContent } from '../core/edit-plan';
import { CellValue, isBlank } from '../core/values';
import { rowFingerprint, RowWrite } from '../core/write-plan';
import { allDealIds, DealsTable } from '../sheets/deals-sheet';

export interface IdWrites {
  rows: RowWrite[];
  ids: Map<number, string>;
  next: number | undefined;
}

/** IDs for every row of `table` with content and a blank Deal ID, numbered past `counter` and every ID of ours. */
export function dealIdWrites(table: DealsTable, counter: number): IdWrites {
  const col = table.columns.dealId;
  if (col === undefined) return { rows: [], ids: new Map(), next: undefined };
  const missing = table.rows
    .map((_, i) => i)
    .filter((i) => {
      const row = table.rows[i] as CellValue[];
      return isBlank(row[col]) && hasDealContent(row, table.columns);
    });
  if (missing.length === 0) return { rows: [], ids: new Map(), next: undefined };
  const { ids, next } = newDealIds(missing, counter, allDealIds(table, col));
  const rows = missing.map((i): RowWrite => ({
    key: { by: 'content', fingerprint: rowFingerprint(table.rows[i] as CellValue[], table.columns.health) },
    row: table.firstRow + i,
    cells: { dealId: ids.get(i) as string },
  }));
  return { rows, ids, next };
}
