/**
 * A deal a page showed, as a write to it sees it under the lock: the stage table, the Deals tab read
 * afresh, the deal found again there by its Deal ID (refused when it is gone or its ID is on two
 * rows), and its Health as it will read once the write lands.
 */
import { parseDeals } from '../core/deals';
import { healthText } from '../core/health';
import { StageTable } from '../core/stages';
import { CellValue } from '../core/values';
import { locateRows } from '../core/write-plan';
import { Book, Sheet } from '../sheets/book';
import { allDealIds, DealsTable, readDealsTable, requireColumn } from '../sheets/deals-sheet';
import { TabRegistry } from '../sheets/tab-registry';
import { Clock, clockOf, dealsTabOf, stageTableOf } from './pipeline-context';

export interface DealsTab {
  registry: TabRegistry;
  table: StageTable;
  sheet: Sheet;
  deals: DealsTable;
  clock: Clock;
}

/** The stage table (validated), the Deals tab as read now, today. */
export function readDealsTab(book: Book): DealsTab {
  const registry = new TabRegistry(book);
  const table = stageTableOf(book, registry);
  const sheet = dealsTabOf(registry);
  const deals = readDealsTable(sheet);
  return { registry, table, sheet, deals, clock: clockOf(book) };
}

/** The deal's sheet row now and a copy of its cells, found by Deal ID (it may have moved since `row` was shown). */
export function findShownDeal(
  deals: DealsTable,
  dealId: string,
  row: number,
): { ok: true; row: number; raw: CellValue[] } | { ok: false; message: string } {
  const where = locateRows(
    { action: 'Find deal', rows: [{ key: { by: 'id', id: dealId }, row, cells: {} }], history: [], needs: [] },
    { tab: deals.tab, firstRow: deals.firstRow, ids: allDealIds(deals, requireColumn(deals, 'dealId')) },
  );
  if (!where.ok) return { ok: false, message: where.reason };
  const at = where.rows[0] as number;
  return { ok: true, row: at, raw: (deals.rows[at - deals.firstRow] as CellValue[]).slice() };
}

/** The Health text of a row's cells as they will be written (`slip`: its close-date pushes); undefined when the row is no deal. */
export function healthAfter(
  raw: readonly CellValue[],
  row: number,
  { deals, table, clock }: Pick<DealsTab, 'deals' | 'table' | 'clock'>,
  slip?: string,
): string | undefined {
  const record = parseDeals([raw as CellValue[]], deals.columns, table, clock.readZone, deals.tab, row).deals[0];
  return record ? healthText(record, table, clock.today, slip) : undefined;
}
