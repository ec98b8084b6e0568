/**
 * The sidebar's server functions. Every argument is validated: the sidebar is a web page and its
 * calls are untrusted input like any other.
 */
import { startOfDayIn } from '../core/calendar';
import { cellsOf, parseDeals } from '../core/deals';
import { healthText } from '../core/health';
import { historyNote, planMove } from '../core/move';
import { CellValue, readText } from '../core/values';
import { MAX_TEXT, MoveDealRequest, MoveDealResult, SelectedDeal } from '../shared/sidebar-api';
import { findRowById, requireColumn } from '../sheets/deals-sheet';
import { appendHistory } from '../sheets/history-sheet';
import { safeText } from '../sheets/safe-text';
import { findDealsSheet } from '../sheets/tabs';
import { dealView } from './deal-view';
import { clockOf, currentUser, dealsTableOf, stageTableOf, UserError, withDocumentLock } from './pipeline-context';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export function getSelectedDeal(book: Book): SelectedDeal {
  try {
    const dealsSheet = findDealsSheet(book);
    if (!dealsSheet) return { ok: false, message: 'No Deals tab yet. Run Extensions > Deal Pipeline > Set up pipeline.' };
    const active = book.getActiveSheet();
    if (active.getSheetId() !== dealsSheet.getSheetId()) return { ok: false, message: `Select a deal's row on the ${dealsSheet.getName()} tab, then press Refresh.` };
    const row = book.getActiveCell().getRow();
    if (row < 2) return { ok: false, message: 'That is the header row. Select a deal\'s row, then press Refresh.' };
    const table = stageTableOf(book);
    const deals = dealsTableOf(book);
    const raw = deals.rows[row - 2] as CellValue[] | undefined;
    if (!raw || raw.every((v) => v === '' || v === null)) return { ok: false, message: `Row ${row} is blank. Select a deal's row, then press Refresh.` };
    if (readText(cellsOf(raw, deals.columns)('dealId')) === '') return { ok: false, message: `The deal on row ${row} has no Deal ID yet. Run Set up pipeline to give it one.` };
    const clock = clockOf(book);
    return { ok: true, deal: dealView(table, deals, row - 2, clock.today, clock.readZone) };
  } catch (e) {
    return { ok: false, message: e instanceof UserError ? e.message : `Could not read the deal: ${(e as Error).message}` };
  }
}

function text(v: unknown, name: string, required: boolean): string {
  if (typeof v !== 'string') throw new UserError(`${name} must be text.`);
  if (v.length > MAX_TEXT) throw new UserError(`${name} is longer than ${MAX_TEXT} characters.`);
  if (required && v.trim() === '') throw new UserError(`${name} is missing.`);
  return v;
}

export function validateMoveRequest(input: unknown): MoveDealRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new UserError('The move request must be an object.');
  const r = input as Record<string, unknown>;
  if (typeof r.override !== 'boolean') throw new UserError('override must be true or false.');
  return {
    dealId: text(r.dealId, 'dealId', true), expectedStage: text(r.expectedStage, 'expectedStage', false),
    toStage: text(r.toStage, 'toStage', true), note: text(r.note, 'note', false), override: r.override,
    lostReason: text(r.lostReason, 'lostReason', false),
  };
}

export function moveDeal(book: Book, input: unknown): MoveDealResult {
  let req: MoveDealRequest;
  try { req = validateMoveRequest(input); } catch (e) { return { ok: false, message: (e as Error).message, missing: [] }; }
  try {
    return withDocumentLock(10_000, () => applyMove(book, req));
  } catch (e) {
    return { ok: false, message: e instanceof UserError ? e.message : `The move failed: ${(e as Error).message}`, missing: [] };
  }
}

function applyMove(book: Book, req: MoveDealRequest): MoveDealResult {
  const table = stageTableOf(book);
  const deals = dealsTableOf(book);
  const clock = clockOf(book);
  const row = findRowById(deals, req.dealId);
  if (row === undefined) return { ok: false, message: `Deal ${req.dealId} is no longer on the ${deals.sheet.getName()} tab (deleted, or its ID changed).`, missing: [] };
  const raw = deals.rows[row - 2] as CellValue[];
  const cells = cellsOf(raw, deals.columns);
  const plan = planMove(table, readText(cells('stage')), cells, req);
  if (!plan.ok) return { ok: false, message: plan.reason, missing: [...plan.missing] };
  const today = startOfDayIn(clock.today, clock.timeZone);
  const write = (key: 'stage' | 'stageEntered' | 'lastActivity' | 'lostReason' | 'health', value: CellValue): void => {
    const col = requireColumn(deals, key);
    deals.sheet.getRange(row, col + 1).setValue(typeof value === 'string' ? safeText(value) : value);
    raw[col] = value;
  };
  write('stage', plan.to.name);
  write('stageEntered', today);
  write('lastActivity', today);
  if (plan.lostReason) write('lostReason', plan.lostReason);
  const parsed = parseDeals([raw], deals.columns, table, clock.readZone, deals.sheet.getName(), row);
  const record = parsed.deals[0];
  if (record && deals.columns.health !== undefined) write('health', healthText(record, table, clock.today));
  appendHistory(book, [[clock.now, req.dealId, readText(cells('deal')), plan.from ? plan.from.name : '', plan.to.name, currentUser(), 'sidebar', historyNote(plan)]]);
  const verb = plan.overridden ? 'Moved (override, logged)' : 'Moved';
  return { ok: true, message: `${verb} ${readText(cells('deal')) || req.dealId} to ${plan.to.name}.`, deal: dealView(table, deals, row - 2, clock.today, clock.readZone) };
}
