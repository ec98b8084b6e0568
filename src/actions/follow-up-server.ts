/**
 * The sidebar's follow-up editor (#12): sets the selected deal's Next Step and Next Step Due. Every
 * argument is validated; the write is a write plan (src/sheets/write-plan.ts): the deal is found
 * again by Deal ID under the lock, refused when its Next Step or Next Step Due changed since the
 * sidebar showed them, text is written as text (never a formula), and Health is recomputed with it.
 */
import { CalendarDay, startOfDayIn } from '../core/calendar';
import { cellsOf, parseDeals } from '../core/deals';
import { healthText } from '../core/health';
import { CellValue, readText } from '../core/values';
import { CellWrites, locateRows } from '../core/write-plan';
import { MAX_TEXT, NextStepRequest, NextStepResult } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { allDealIds, FIRST_DATA_ROW, readDealsTable, requireColumn } from '../sheets/deals-sheet';
import { withDocumentLock } from '../sheets/lock';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { dealView } from './deal-view';
import { dueShown } from './follow-up-view';
import { clockOf, dealsTabOf, stageTableOf, UserError } from './pipeline-context';
import { logQueuedEdits } from './queued-edits';

const MAX_ROW = 10_000_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A yyyy-mm-dd date (years 1900-9999) as a calendar day; undefined when it is not one. */
export function isoDay(text: string): CalendarDay | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 9999) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t / 86_400_000 : undefined;
}

function text(v: unknown, name: string): string {
  if (typeof v !== 'string') throw new UserError(`${name} must be text.`);
  if (v.length > MAX_TEXT) throw new UserError(`${name} is longer than ${MAX_TEXT} characters.`);
  return v;
}

/** A due date from the sidebar: '' (none) or yyyy-mm-dd. */
export function dueText(v: unknown, name: string): string {
  const s = text(v, name).trim();
  if (s !== '' && isoDay(s) === undefined) throw new UserError(`${name} "${s}" is not a date (use yyyy-mm-dd).`);
  return s;
}

export function validateNextStepRequest(input: unknown): NextStepRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new UserError('The next step request must be an object.');
  const r = input as Record<string, unknown>;
  if (typeof r.row !== 'number' || !Number.isInteger(r.row) || r.row < FIRST_DATA_ROW || r.row > MAX_ROW)
    throw new UserError(`row must be the sheet row the deal was shown on (a whole number from ${FIRST_DATA_ROW}).`);
  const dealId = text(r.dealId, 'dealId').trim();
  if (dealId === '') throw new UserError('dealId is missing.');
  return {
    dealId,
    row: r.row,
    shownNextStep: text(r.shownNextStep, 'shownNextStep'),
    shownDue: text(r.shownDue, 'shownDue'),
    nextStep: text(r.nextStep, 'Next step').trim(),
    due: dueText(r.due, 'Next step due'),
  };
}

export function setNextStep(book: Book, input: unknown): NextStepResult {
  let req: NextStepRequest;
  try {
    req = validateNextStepRequest(input);
  } catch (e) {
    return { ok: false, message: (e as Error).message };
  }
  try {
    return withDocumentLock(10_000, () => {
      logQueuedEdits(book);
      return applyNextStep(book, req);
    });
  } catch (e) {
    return {
      ok: false,
      message: e instanceof UserError ? e.message : `The next step was not saved: ${(e as Error).message}`,
    };
  }
}

function applyNextStep(book: Book, req: NextStepRequest): NextStepResult {
  const registry = new TabRegistry(book);
  const table = stageTableOf(book, registry);
  const sheet = dealsTabOf(registry);
  const deals = readDealsTable(sheet);
  const clock = clockOf(book);
  requireColumn(deals, 'nextStep');
  requireColumn(deals, 'nextStepDue');
  const located = locateRows(
    {
      action: 'Next step',
      rows: [{ key: { by: 'id', id: req.dealId }, row: req.row, cells: {} }],
      history: [],
      needs: [],
    },
    { tab: deals.tab, firstRow: deals.firstRow, ids: allDealIds(deals, requireColumn(deals, 'dealId')) },
  );
  if (!located.ok) return { ok: false, message: located.reason };
  const row = located.rows[0] as number;
  const raw = (deals.rows[row - deals.firstRow] as CellValue[]).slice();
  const cells = cellsOf(raw, deals.columns);
  const stepNow = readText(cells('nextStep'));
  const dueNow = dueShown(cells, clock.readZone);
  if (stepNow !== req.shownNextStep.trim() || dueNow !== req.shownDue.trim())
    return {
      ok: false,
      message: `The next step on row ${row} changed to "${stepNow || '(blank)'}"${dueNow ? `, due ${dueNow}` : ''} since the sidebar read it (it showed "${req.shownNextStep || '(blank)'}"${req.shownDue ? `, due ${req.shownDue}` : ''}). Refresh and try again.`,
    };
  const due = req.due === '' ? '' : startOfDayIn(isoDay(req.due) as number, clock.timeZone);
  const w: CellWrites = { nextStep: req.nextStep, nextStepDue: due };
  const was: CellWrites = { nextStep: cells('nextStep'), nextStepDue: cells('nextStepDue') };
  raw[deals.columns.nextStep as number] = req.nextStep;
  raw[deals.columns.nextStepDue as number] = due;
  if (deals.columns.health !== undefined) {
    const record = parseDeals([raw], deals.columns, table, clock.readZone, deals.tab, row).deals[0];
    w.health = record ? healthText(record, table, clock.today) : readText(cells('health'));
  }
  const applied = applyPlan(
    { deals: sheet },
    {
      action: 'Next step',
      rows: [{ key: { by: 'id', id: req.dealId }, row, cells: w, was }],
      history: [],
      needs: ['dealId'],
    },
  );
  if (!applied.ok) return { ok: false, message: applied.message };
  const name = readText(cells('deal')) || req.dealId;
  return {
    ok: true,
    message:
      req.nextStep === '' && req.due === '' ? `Cleared the next step of ${name}.` : `Saved the next step of ${name}.`,
    deal: dealView(table, { ...deals, rows: [raw], firstRow: row }, 0, clock.today, clock.readZone),
  };
}
