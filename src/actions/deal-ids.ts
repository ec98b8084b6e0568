/** Assigns Deal IDs to deal rows that lack one, writing only those cells. */
import { formatDealId, nextDealNumber, runsOf } from '../core/deal-ids';
import { CellValue, isBlank } from '../core/values';
import { allDealIds, DealsTable, requireColumn } from '../sheets/deals-sheet';

const COUNTER = 'dealPipeline.nextDealId';

/** Fills blank Deal ID cells of non-blank rows among `rowIndexes` (indexes into table.rows). Returns the IDs by row index. */
export function assignDealIds(table: DealsTable, rowIndexes?: readonly number[]): Map<number, string> {
  const col = requireColumn(table, 'dealId');
  const candidates = rowIndexes ?? table.rows.map((_, i) => i);
  const missing = candidates.filter((i) => {
    const row = table.rows[i] as CellValue[] | undefined;
    return row !== undefined && isBlank(row[col]) && row.some((v, c) => c !== col && c !== table.columns.health && !isBlank(v));
  });
  const assigned = new Map<number, string>();
  if (missing.length === 0) return assigned;
  const props = PropertiesService.getDocumentProperties();
  const existing = allDealIds(table, col);
  let next = nextDealNumber(Number(props.getProperty(COUNTER) ?? '1'), existing);
  for (const i of missing) {
    const id = formatDealId(next++);
    assigned.set(i, id);
    (table.rows[i] as CellValue[])[col] = id;
  }
  props.setProperty(COUNTER, String(next));
  for (const run of runsOf(missing)) {
    const values = Array.from({ length: run.length }, (_, k) => [assigned.get(run.start + k) as string]);
    table.sheet.getRange(run.start + table.firstRow, col + 1, run.length, 1).setValues(values);
  }
  return assigned;
}
