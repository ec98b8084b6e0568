/**
 * Logs typed stage changes that waited for the document lock (see src/core/queued-edits.ts). Every
 * run that takes the lock (onEdit, a sidebar move, setup, the jobs) calls this first, so queued
 * changes are logged before anything newer, in the order they were typed.
 */
import { startOfDayIn } from '../core/calendar';
import { planQueuedEdits } from '../core/queued-edits';
import { Book } from '../sheets/book';
import { readDealIdCounter, writeDealIdCounter } from '../sheets/deal-id-counter';
import { readDealsTable } from '../sheets/deals-sheet';
import { ensureHistoryTab } from '../sheets/history-sheet';
import { documentProperties } from '../sheets/platform';
import { deleteQueuedEdits, readQueuedEdits } from '../sheets/queued-edits-store';
import { TabRegistry } from '../sheets/tab-registry';
import { applyPlan } from '../sheets/write-plan';
import { clockOf, stageTableOrProblem } from './pipeline-context';

export interface QueueResult {
  readonly logged: number;
  readonly waiting: number;
  readonly message?: string;
}

/** Call only while holding the document lock. */
export function logQueuedEdits(book: Book): QueueResult {
  const props = documentProperties();
  const queued = readQueuedEdits(props);
  if (queued.length === 0) return { logged: 0, waiting: 0 };
  const registry = new TabRegistry(book);
  const sheet = registry.find('deals');
  if (!sheet)
    return {
      logged: 0,
      waiting: queued.length,
      message: 'Typed stage changes are waiting to be logged, but the Deals tab is missing.',
    };
  const deals = readDealsTable(sheet);
  const clock = clockOf(book);
  const { plan, nextId } = planQueuedEdits(
    queued.map((q) => q.edit),
    deals,
    {
      table: stageTableOrProblem(book, registry).table,
      clock,
      counter: readDealIdCounter(props),
      dayOf: (ms) => startOfDayIn(clock.readZone(new Date(ms)), clock.timeZone),
    },
  );
  const applied = applyPlan({ deals: sheet, history: ensureHistoryTab(registry).sheet }, plan);
  if (!applied.ok) return { logged: 0, waiting: queued.length, message: applied.message };
  if (nextId !== undefined) writeDealIdCounter(props, nextId);
  deleteQueuedEdits(
    props,
    queued.map((q) => q.key),
  );
  return { logged: plan.history.length, waiting: 0 };
}
