/**
 * The sidebar's follow-up editor (#12): sets the selected deal's Next Step and Next Step Due. Every
 * argument is validated; the write is a write plan (src/sheets/write-plan.ts): the deal is found
 * again by Deal ID under the lock, refused when its Next Step or Next Step Due changed since the
 * sidebar showed them, text is written as text (never a formula), and Health is recomputed with it.
 */
import { CalendarDay, startOfDayIn } from '../core/calendar';
import { cellsOf } from '../core/deals';
import { readText } from '../core/values';
import { CellWrites } from '../core/write-plan';
import { NextStepRequest, NextStepResult } from '../shared/sidebar-api';
import { Book } from '../sheets/book';
import { requireColumn } from '../sheets/deals-sheet';
import { applyPlan } from '../sheets/write-plan';
import { dealView } from './deal-view';
import { dueShown } from './follow-up-view';
import { UserError } from './pipeline-context';
import { requestFields, servePageRequest, shownRow, text } from './page-request';
import { findShownDeal, healthAfter, readDealsTab } from './shown-deal';

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

/** A due date from the sidebar: '' (none) or yyyy-mm-dd. */
export function dueText(v: unknown, name: string): string {
  const s = text(v, name, false).trim();
  if (s !== '' && isoDay(s) === undefined) throw new UserError(`${name} "${s}" is not a date (use yyyy-mm-dd).`);
  return s;
}

export function validateNextStepRequest(input: unknown): NextStepRequest {
  const r = requestFields(input, 'next step');
  const row = shownRow(r.row);
  return {
    dealId: text(r.dealId, 'dealId', true).trim(),
    row,
    shownNextStep: text(r.shownNextStep, 'shownNextStep', false),
    shownDue: text(r.shownDue, 'shownDue', false),
    nextStep: text(r.nextStep, 'Next step', false).trim(),
    due: dueText(r.due, 'Next step due'),
  };
}

export function setNextStep(book: Book, input: unknown): NextStepResult {
  return servePageRequest(book, input, {
    validate: validateNextStepRequest,
    apply: (req) => applyNextStep(book, req),
    refuse: (message): NextStepResult => ({ ok: false, message }),
    failed: 'The next step was not saved',
  });
}

function applyNextStep(book: Book, req: NextStepRequest): NextStepResult {
  const tab = readDealsTab(book);
  const { table, deals, clock } = tab;
  requireColumn(deals, 'nextStep');
  requireColumn(deals, 'nextStepDue');
  const found = findShownDeal(deals, req.dealId, req.row);
  if (!found.ok) return found;
  const { row, raw } = found;
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
  if (deals.columns.health !== undefined) w.health = healthAfter(raw, row, tab) ?? readText(cells('health'));
  const applied = applyPlan(
    { deals: tab.sheet },
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
