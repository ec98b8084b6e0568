/**
 * Snooze from the sidebar: Snoozed Until and Snooze Reason written for one deal (found by Deal ID),
 * with its Health, as one write plan. The two columns are appended to the Deals tab's header row
 * when missing (as setup appends columns: into the blank cells right of the used headers).
 */
import { readDay } from '../core/calendar';
import { startOfDayIn } from '../core/calendar';
import { COLUMN_LABELS, ColumnKey } from '../core/columns';
import { cellsOf } from '../core/deals';
import { rowsById } from '../core/rows-by-id';
import { CellValue, readText } from '../core/values';
import { CellWrites } from '../core/write-plan';
import { MAX_SNOOZE_REASON, SnoozeRequest, SnoozeResult } from '../shared/snooze-api';
import { Book } from '../sheets/book';
import { allDealIds, appendHeaders, FIRST_DATA_ROW, readDealsTable, requireColumn } from '../sheets/deals-sheet';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { dealView } from './deal-view';
import { clockOf, dealsTabOf, stageTableOf, UserError } from './pipeline-context';
import { requestFields, servePageRequest } from './page-request';
import { healthAfter } from './shown-deal';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const SNOOZE_COLUMNS: readonly ColumnKey[] = ['snoozedUntil', 'snoozeReason'];

export function validateSnoozeRequest(input: unknown): SnoozeRequest {
  const r = requestFields(input, 'snooze');
  if (typeof r.dealId !== 'string' || r.dealId.trim() === '' || r.dealId.length > 200)
    throw new UserError('dealId must be a Deal ID.');
  if (typeof r.row !== 'number' || !Number.isInteger(r.row) || r.row < FIRST_DATA_ROW || r.row > 10_000_000)
    throw new UserError(`row must be a sheet row (a whole number from ${FIRST_DATA_ROW}).`);
  if (typeof r.until !== 'string') throw new UserError('until must be a date as yyyy-mm-dd, or blank.');
  const until = r.until.trim();
  if (until !== '') {
    const m = ISO.exec(until);
    const ok = m && new Date(`${until}T00:00:00Z`).toISOString().slice(0, 10) === until;
    if (!ok) throw new UserError(`Snooze until "${until.slice(0, 40)}" is not a date (use yyyy-mm-dd).`);
  }
  if (typeof r.reason !== 'string') throw new UserError('reason must be text.');
  const reason = r.reason.trim();
  if (reason.length > MAX_SNOOZE_REASON)
    throw new UserError(`The snooze reason is longer than ${MAX_SNOOZE_REASON} characters.`);
  return { dealId: r.dealId.trim(), row: r.row, until, reason: until === '' ? '' : reason };
}

export function snoozeDeal(book: Book, input: unknown): SnoozeResult {
  return servePageRequest(book, input, {
    validate: validateSnoozeRequest,
    apply: (req) => applySnooze(book, req),
    refuse: (message): SnoozeResult => ({ ok: false, message }),
    failed: 'Snoozing failed',
  });
}

function applySnooze(book: Book, req: SnoozeRequest): SnoozeResult {
  const registry = new TabRegistry(book);
  const table = stageTableOf(book, registry);
  const sheet = dealsTabOf(registry);
  const clock = clockOf(book);
  let deals = readDealsTable(sheet);
  const missing = SNOOZE_COLUMNS.filter((k) => deals.columns[k] === undefined);
  if (missing.length > 0) {
    const labels = missing.map((k) => COLUMN_LABELS[k]);
    if (appendHeaders(sheet, deals, labels).length === 0)
      throw new UserError(
        `The ${deals.tab} tab has no ${labels.map((l) => `"${l}"`).join(', ')} column and the cells right of its headers are not blank. Add the column, then try again.`,
      );
    deals = readDealsTable(sheet);
    // The column is new and blank, so its date format is ours to set (as setup formats its date columns).
    const until = deals.columns.snoozedUntil;
    if (missing.includes('snoozedUntil') && until !== undefined)
      sheet
        .getRange(FIRST_DATA_ROW, until + 1, Math.max(1, sheet.getMaxRows() - FIRST_DATA_ROW + 1), 1)
        .setNumberFormat('yyyy-mm-dd');
  }
  const day = req.until === '' ? NaN : (readDay(req.until, clock.readZone) as number);
  if (day < clock.today) return { ok: false, message: `${req.until} is in the past; snooze until today or later.` };
  const at = rowsById(allDealIds(deals, requireColumn(deals, 'dealId')), deals.firstRow).get(req.dealId) ?? [];
  if (at.length !== 1)
    return {
      ok: false,
      message:
        at.length === 0
          ? `Deal ${req.dealId} is no longer on the ${deals.tab} tab.`
          : `Deal ID ${req.dealId} is on rows ${at.join(' and ')}; give each deal its own Deal ID.`,
    };
  const row = at[0] as number;
  const raw = (deals.rows[row - deals.firstRow] as CellValue[]).slice();
  const cells: CellWrites = {
    snoozedUntil: Number.isNaN(day) ? '' : startOfDayIn(day, clock.timeZone),
    snoozeReason: req.reason,
  };
  for (const [key, value] of Object.entries(cells)) raw[deals.columns[key as ColumnKey] as number] = value;
  if (deals.columns.health !== undefined) cells.health = healthAfter(raw, row, { deals, table, clock }) ?? '';
  const name = readText(cellsOf(raw, deals.columns)('deal')) || req.dealId;
  const applied = applyPlan(
    { deals: sheet },
    {
      action: 'Snooze deal',
      rows: [{ key: { by: 'id', id: req.dealId }, row, cells }],
      history: [],
      needs: ['dealId'],
    },
  );
  if (!applied.ok) return { ok: false, message: applied.message };
  return {
    ok: true,
    deal: dealView(table, { ...deals, rows: [raw], firstRow: row }, 0, clock.today, clock.readZone),
    message: Number.isNaN(day)
      ? `${name} is no longer snoozed.`
      : `${name} is snoozed until ${req.until}${req.reason ? `: ${req.reason}` : ''}.`,
  };
}
