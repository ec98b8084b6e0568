/**
 * Edits on the Deals tab: stage changes typed or pasted are logged (via "edit"), Stage Entered set,
 * Deal IDs given to new deal rows, Health recomputed for the edited rows (src/core/edit-plan.ts).
 * The user's edit is never reverted. For multi-cell edits Sheets gives no oldValue, so the old stage
 * is the deal's latest logged stage (by Timestamp).
 *
 * Who: the installable on-edit trigger (with automation on) records the editor's e-mail; the simple
 * onEdit, which Google never tells who edited, then leaves the edit to it. Without it, "Changed by"
 * is "typed edit" unless Apps Script reveals the user.
 *
 * Busy sheet: onEdit waits at most EDIT_LOCK_WAIT_MS for the document lock; when another run holds
 * it, the stage changes are queued (src/sheets/queued-edits-store.ts) and the next run logs them.
 */
import { ColumnKey, CHECKBOX_COLUMNS } from '../core/columns';
import { EditPlan, planEdit } from '../core/edit-plan';
import { HistoryField, lastStageById, parseHistory } from '../core/history';
import { lastFieldById } from '../core/field-edits';
import { parseFieldChanges, slipsById } from '../core/field-history';
import { CellGrid } from '../core/values';
import { WritePlan } from '../core/write-plan';
import { Book, Sheet } from '../sheets/book';
import { readDealIdCounter, writeDealIdCounter } from '../sheets/deal-id-counter';
import { allDealIds, DealsTable, FIRST_DATA_ROW, readDealsWindow } from '../sheets/deals-sheet';
import { editTriggerRecord } from '../sheets/edit-trigger';
import { EditEvent, editedSpan, EditedSpan, eventUserEmail, isTab } from '../sheets/edit-event';
import { ensureHistoryTab, readHistoryRows } from '../sheets/history-sheet';
import { tryDocumentLock } from '../sheets/lock';
import { toast } from '../sheets/notify';
import { documentProperties } from '../sheets/platform';
import { queueEdit } from '../sheets/queued-edits-store';
import { activeUserEmail } from '../sheets/session';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { Clock, clockOf, stageTableOrProblem } from './pipeline-context';
import { logQueuedEdits } from './queued-edits';
import { settingsEdited } from './stage-colors';

export type EditVia = 'simple' | 'installable';

/** Columns whose edits change a deal's Health. */
const HEALTH_INPUTS: ColumnKey[] = [
  'dealId',
  'stage',
  'value',
  'probability',
  'owner',
  'company',
  'expectedClose',
  'lastActivity',
  'stageEntered',
  'created',
  'lostReason',
  'nextStep',
  'nextStepDue',
  ...CHECKBOX_COLUMNS,
];
/** A simple trigger has 30 s; a job may hold the lock for minutes. Wait briefly, then queue. */
export const EDIT_LOCK_WAIT_MS = 5_000;
/** "Changed by" when Google does not say who typed. */
export const TYPED_EDIT = 'typed edit';

export interface EditResult {
  logged: number;
  healthRows: number;
  queued: number;
  failed?: string;
}
const NONE: EditResult = { logged: 0, healthRows: 0, queued: 0 };

export function handleEdit(e: EditEvent, via: EditVia = 'simple'): EditResult {
  const book = e.source;
  const props = documentProperties();
  const trigger = editTriggerRecord(props);
  // With the installable trigger recorded, it alone logs typed edits (once, with the editor's e-mail).
  if (via === 'simple' ? trigger : trigger?.id !== String(e.triggerUid ?? '')) return NONE;
  const span = editedSpan(e.range);
  const registry = new TabRegistry(book, props);
  const settings = registry.find('settings');
  if (settings && isTab(settings, span.sheetId)) {
    settingsEdited(book, registry, span, EDIT_LOCK_WAIT_MS);
    return NONE;
  }
  const sheet = registry.find('deals');
  if (!sheet || !isTab(sheet, span.sheetId)) return NONE;
  const first = Math.max(FIRST_DATA_ROW, span.firstRow);
  if (span.lastRow < first) return NONE;
  const edit: EditFacts = {
    span,
    first,
    oldValue: span.single && e.oldValue !== undefined ? String(e.oldValue) : '',
    changedBy: editorOf(e, via),
    clock: clockOf(book),
  };
  const run = tryDocumentLock(EDIT_LOCK_WAIT_MS, () => {
    logQueuedEdits(book);
    return logEdit(book, registry, sheet, edit);
  });
  if (run.locked) return run.value;
  return queueWhileBusy(book, registry, sheet, edit);
}

/** The edit as it happened: where, the old value of a one-cell edit, who, and when (before any wait for the lock). */
interface EditFacts {
  span: EditedSpan;
  first: number;
  oldValue: string;
  changedBy: string;
  clock: Clock;
}

function editorOf(e: EditEvent, via: EditVia): string {
  return eventUserEmail(e) || (via === 'simple' ? activeUserEmail() : '') || TYPED_EDIT;
}

interface Planned {
  deals: DealsTable;
  edit: EditPlan;
}

function planFor(
  book: Book,
  registry: TabRegistry,
  sheet: Sheet,
  edit: EditFacts,
  counter: (() => number) | undefined,
): Planned | undefined {
  const { span, oldValue } = edit;
  const deals = readDealsWindow(sheet, edit.first, span.lastRow);
  const touched = (k: ColumnKey): boolean => {
    const c = deals.columns[k];
    return c !== undefined && c + 1 >= span.firstColumn && c + 1 <= span.lastColumn;
  };
  if (!HEALTH_INPUTS.some(touched)) return undefined;
  const stageTouched = touched('stage');
  const fieldsTouched: HistoryField[] = [];
  if (touched('expectedClose')) fieldsTouched.push('Expected Close');
  if (touched('value')) fieldsTouched.push('Value');
  // Stage History is read at most once, and only when needed: a multi-cell edit's old values, or slips.
  let historyRows: CellGrid | undefined;
  const history = (): CellGrid => (historyRows ??= readHistoryRows(book, registry));
  let previous: Map<string, string> | undefined;
  let fields: ReturnType<typeof lastFieldById> | undefined;
  let slips: ReturnType<typeof slipsById> | undefined;
  const plan = planEdit(
    {
      tab: deals.tab,
      columns: deals.columns,
      rows: deals.rows,
      firstRow: deals.firstRow,
      allIds: deals.columns.dealId === undefined ? [] : allDealIds(deals, deals.columns.dealId),
      idsFirstRow: FIRST_DATA_ROW,
    },
    {
      stageTouched,
      table: stageTableOrProblem(book, registry).table,
      clock: edit.clock,
      changedBy: edit.changedBy,
      counter,
      previousStage: (id) => {
        if (span.single) return oldValue;
        previous ??= lastStageById(parseHistory(history()));
        return id === '' ? '' : (previous.get(id) ?? '');
      },
      fieldsTouched,
      previousField: (id, _index, field) => {
        if (span.single) return { known: true, value: oldValue };
        fields ??= lastFieldById(history());
        const last = fields.get(`${field}\u0001${id}`);
        return last === undefined ? { known: false, value: '' } : { known: true, value: last };
      },
      slipOf: (id) => (slips ??= slipsById(parseFieldChanges(history(), edit.clock.readZone))).get(id),
    },
  );
  return { deals, edit: plan };
}

function logEdit(book: Book, registry: TabRegistry, sheet: Sheet, facts: EditFacts): EditResult {
  const props = documentProperties();
  const planned = planFor(book, registry, sheet, facts, () => readDealIdCounter(props));
  if (!planned) return NONE;
  const { edit } = planned;
  const history = edit.plan.history.length > 0 ? ensureHistoryTab(registry).sheet : undefined;
  const applied = applyPlan({ deals: sheet, history }, edit.plan);
  if (applied.ok) {
    if (edit.nextId !== undefined) writeDealIdCounter(props, edit.nextId);
    return { logged: edit.logged, healthRows: edit.healthRows, queued: 0 };
  }
  // Nothing was written. Keep the stage changes for the next run, and say so where the user looks.
  let queued = 0;
  if (edit.changes.length > 0) {
    queueEdit(props, { at: facts.clock.now.getTime(), by: facts.changedBy, changes: edit.changes });
    queued = edit.changes.length;
  }
  const message = queued > 0 ? `${applied.message} The stage change is kept for the next run.` : applied.message;
  toast(book, message);
  noteInHealth(sheet, edit.plan, `Not logged yet: ${applied.message}`);
  return { logged: 0, healthRows: 0, queued, failed: message };
}

/** Best effort: the reason in the edited rows' Health cells (the add-on's own column), no history. */
function noteInHealth(sheet: Sheet, plan: WritePlan, note: string): void {
  const rows = plan.rows
    .filter((w) => 'health' in w.cells)
    .map((w) => ({ key: w.key, row: w.row, cells: { health: note } }));
  if (rows.length > 0) applyPlan({ deals: sheet }, { action: 'Health note', rows, history: [], needs: ['dealId'] });
}

function queueWhileBusy(book: Book, registry: TabRegistry, sheet: Sheet, facts: EditFacts): EditResult {
  const planned = planFor(book, registry, sheet, facts, undefined);
  if (!planned || planned.edit.changes.length === 0) return NONE; // Health refreshes with the next edit or job
  const changes = planned.edit.changes;
  try {
    queueEdit(documentProperties(), { at: facts.clock.now.getTime(), by: facts.changedBy, changes });
  } catch (e) {
    const message = `This stage change was not logged (sheet busy, queue full: ${(e as Error).message}). Type it again later.`;
    toast(book, message);
    return { ...NONE, failed: message };
  }
  return { ...NONE, queued: changes.length };
}
