/**
 * The sidebar's Expected Close field: a new close date for the deal shown, validated, written as one
 * write plan with its Stage History field change (via "sidebar"), refused when the deal's close date
 * changed since the sidebar read it. Health is recomputed, with the close-date pushes from history.
 */
import { dayToIso, readDay, startOfDayIn } from '../core/calendar';
import { cellsOf, parseDeals } from '../core/deals';
import { fieldChangeOf } from '../core/field-edits';
import { parseFieldChanges, slipsById, slipText } from '../core/field-history';
import { healthText } from '../core/health';
import { CellValue, readText } from '../core/values';
import { locateRows } from '../core/write-plan';
import { SetCloseDateRequest, SetCloseDateResult } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { allDealIds, FIRST_DATA_ROW, readDealsTable, requireColumn } from '../sheets/deals-sheet';
import { ensureHistoryTab, readHistoryRows } from '../sheets/history-sheet';
import { withDocumentLock } from '../sheets/lock';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { closeText, dealView } from './deal-view';
import { clockOf, currentUser, dealsTabOf, stageTableOf, UserError } from './pipeline-context';
import { logQueuedEdits } from './queued-edits';
import { MAX_ROW, text } from './sidebar-server';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function validateCloseDateRequest(input: unknown): SetCloseDateRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError('The close date request must be an object.');
  const r = input as Record<string, unknown>;
  if (typeof r.row !== 'number' || !Number.isInteger(r.row) || r.row < FIRST_DATA_ROW || r.row > MAX_ROW)
    throw new UserError(`row must be the sheet row the deal was shown on (a whole number from ${FIRST_DATA_ROW}).`);
  const expectedClose = text(r.expectedClose, 'expectedClose', true).trim();
  const day = ISO_DAY.test(expectedClose) ? readDay(expectedClose, () => NaN) : undefined;
  if (day === undefined || dayToIso(day) !== expectedClose)
    throw new UserError(`expectedClose "${expectedClose.slice(0, 40)}" is not a date (use yyyy-mm-dd).`);
  return {
    dealId: text(r.dealId, 'dealId', true).trim(),
    row: r.row,
    was: text(r.was, 'was', false),
    expectedClose,
  };
}

export function setExpectedClose(book: Book, input: unknown): SetCloseDateResult {
  let req: SetCloseDateRequest;
  try {
    req = validateCloseDateRequest(input);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  try {
    return withDocumentLock(10_000, () => {
      logQueuedEdits(book);
      return applyCloseDate(book, req);
    });
  } catch (e) {
    return {
      ok: false,
      message: e instanceof UserError ? e.message : `The close date was not changed: ${(e as Error).message}`,
    };
  }
}

function applyCloseDate(book: Book, req: SetCloseDateRequest): SetCloseDateResult {
  const registry = new TabRegistry(book);
  const table = stageTableOf(book, registry);
  const sheet = dealsTabOf(registry);
  const deals = readDealsTable(sheet);
  const clock = clockOf(book);
  const closeColumn = requireColumn(deals, 'expectedClose');
  const key = { by: 'id' as const, id: req.dealId };
  const where = locateRows(
    { action: 'Set close date', rows: [{ key, row: req.row, cells: {} }], history: [], needs: [] },
    { tab: deals.tab, firstRow: deals.firstRow, ids: allDealIds(deals, requireColumn(deals, 'dealId')) },
  );
  if (!where.ok) return { ok: false, message: where.reason };
  const row = where.rows[0] as number;
  const raw = (deals.rows[row - deals.firstRow] as CellValue[]).slice();
  const old = raw[closeColumn];
  const shown = closeText(old, clock.readZone);
  if (shown !== req.was)
    return {
      ok: false,
      message: `This deal's Expected Close changed to "${shown || '(blank)'}" since the sidebar read it (it showed "${req.was || '(blank)'}"). Refresh and try again.`,
    };
  const newDate = startOfDayIn(readDay(req.expectedClose, () => NaN) as number, clock.timeZone);
  const change = fieldChangeOf('Expected Close', { known: true, value: old }, newDate, clock);
  if (!change) return { ok: false, message: `The Expected Close is already ${req.expectedClose}.` };
  raw[closeColumn] = newDate;
  const name = readText(cellsOf(raw, deals.columns)('deal'));
  const cells: Record<string, CellValue> = { expectedClose: newDate };
  if (deals.columns.health !== undefined) {
    const before = slipsById(parseFieldChanges(readHistoryRows(book, registry), clock.readZone)).get(req.dealId);
    const slip =
      change.pushDays > 0 ? { pushes: (before?.pushes ?? 0) + 1, days: (before?.days ?? 0) + change.pushDays } : before;
    const record = parseDeals([raw], deals.columns, table, clock.readZone, deals.tab, row).deals[0];
    cells.health = record ? healthText(record, table, clock.today, slipText(slip)) : '';
  }
  const applied = applyPlan(
    { deals: sheet, history: ensureHistoryTab(registry).sheet },
    {
      action: 'Set close date',
      rows: [{ key, row, cells, was: { expectedClose: old } }],
      history: [
        {
          at: clock.now,
          dealId: req.dealId,
          deal: name,
          from: change.from,
          to: change.to,
          changedBy: currentUser(),
          via: 'sidebar',
          note: '',
          field: 'Expected Close',
        },
      ],
      needs: ['dealId'],
    },
  );
  if (!applied.ok) return { ok: false, message: applied.message };
  const after = { ...deals, rows: [raw], firstRow: row };
  return {
    ok: true,
    message: `Expected Close of ${name || req.dealId} set to ${req.expectedClose}.`,
    deal: dealView(table, after, 0, clock.today, clock.readZone),
  };
}
