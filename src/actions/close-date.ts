/**
 * The sidebar's Expected Close field: a new close date for the deal shown, validated, written as one
 * write plan with its Stage History field change (via "sidebar"), refused when the deal's close date
 * changed since the sidebar read it. Health is recomputed, with the close-date pushes from history.
 */
import { dayToIso, readDay, startOfDayIn } from '../core/calendar';
import { cellsOf } from '../core/deals';
import { fieldChangeOf } from '../core/field-edits';
import { parseFieldChanges, slipsById, slipText } from '../core/field-history';
import { CellValue, readText } from '../core/values';
import { SetCloseDateRequest, SetCloseDateResult } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { requireColumn } from '../sheets/deals-sheet';
import { ensureHistoryTab, readHistoryRows } from '../sheets/history-sheet';
import { applyPlan } from '../sheets/write-plan';
import { closeText, dealView } from './deal-view';
import { currentUser, UserError } from './pipeline-context';
import { requestFields, servePageRequest, shownRow, text } from './page-request';
import { findShownDeal, healthAfter, readDealsTab } from './shown-deal';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function validateCloseDateRequest(input: unknown): SetCloseDateRequest {
  const r = requestFields(input, 'close date');
  const row = shownRow(r.row);
  const expectedClose = text(r.expectedClose, 'expectedClose', true).trim();
  const day = ISO_DAY.test(expectedClose) ? readDay(expectedClose, () => NaN) : undefined;
  if (day === undefined || dayToIso(day) !== expectedClose)
    throw new UserError(`expectedClose "${expectedClose.slice(0, 40)}" is not a date (use yyyy-mm-dd).`);
  return {
    dealId: text(r.dealId, 'dealId', true).trim(),
    row,
    was: text(r.was, 'was', false),
    expectedClose,
  };
}

export function setExpectedClose(book: Book, input: unknown): SetCloseDateResult {
  return servePageRequest(book, input, {
    validate: validateCloseDateRequest,
    apply: (req) => applyCloseDate(book, req),
    refuse: (message): SetCloseDateResult => ({ ok: false, message }),
    failed: 'The close date was not changed',
  });
}

function applyCloseDate(book: Book, req: SetCloseDateRequest): SetCloseDateResult {
  const tab = readDealsTab(book);
  const { registry, table, deals, clock } = tab;
  const closeColumn = requireColumn(deals, 'expectedClose');
  const key = { by: 'id' as const, id: req.dealId };
  const found = findShownDeal(deals, req.dealId, req.row);
  if (!found.ok) return found;
  const { row, raw } = found;
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
    cells.health = healthAfter(raw, row, tab, slipText(slip)) ?? '';
  }
  const applied = applyPlan(
    { deals: tab.sheet, history: ensureHistoryTab(registry).sheet },
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
