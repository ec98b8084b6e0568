/**
 * Selecting a deal's row, for the sidebar's My deals list and the board: the row that holds the Deal
 * ID now (another user may have sorted), or the shown row for a deal without an ID. Validated: the
 * request comes from a web page.
 */
import { locateRows } from '../core/write-plan';
import { SelectDealResult } from '../shared/select-deal-api';
import { Book } from '../sheets/book';
import { selectRow } from '../sheets/book-info';
import { FIRST_DATA_ROW, readColumnText, readColumns } from '../sheets/deals-sheet';
import { TabRegistry } from '../sheets/tab-registry';
import { dealsTabOf, UserError } from './pipeline-context';
import { requestFields, shownRow, text } from './page-request';

const failure = (e: unknown): string => (e instanceof UserError ? '' : 'It did not work: ') + (e as Error).message;

/** Selects the row that holds the Deal ID now (found again by ID: another user may have sorted). */
export function selectDeal(book: Book, input: unknown): SelectDealResult {
  try {
    const r = requestFields(input, 'select');
    const id = text(r.dealId, 'dealId', true).trim();
    const row = shownRow(r.row);
    const sheet = dealsTabOf(new TabRegistry(book));
    const col = readColumns(sheet).dealId;
    if (col === undefined) throw new UserError(`The ${sheet.getName()} tab has no "Deal ID" column.`);
    const ids = readColumnText(sheet, col);
    const at = locateRows(
      { action: 'Select', rows: [{ key: { by: 'id', id }, row, cells: {} }], history: [], needs: [] },
      { tab: sheet.getName(), firstRow: FIRST_DATA_ROW, ids },
    );
    if (!at.ok) return { ok: false, message: at.reason };
    selectRow(sheet, at.rows[0] as number);
    const found = at.rows[0] as number;
    return { ok: true, row: found, message: `Selected row ${found}.` };
  } catch (e) {
    return { ok: false, message: failure(e) };
  }
}
