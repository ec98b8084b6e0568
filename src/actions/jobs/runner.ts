/**
 * The job runner: loads the pipeline once (no lock), then runs each phase in order, taking the
 * document lock only for the phase's write. The last-run line is written once: by the summary when
 * it runs last, else at the end. A job with a cursor owner stops between phases when short of time
 * and saves its own continuation; only it clears that continuation.
 */
import { RunStatus } from '../../core/summary';
import { Book } from '../../sheets/book';
import { ensureGeneratedTab } from '../../sheets/generated-tab';
import { withDocumentLock } from '../../sheets/lock';
import { documentProperties } from '../../sheets/platform';
import { readQueuedEdits } from '../../sheets/queued-edits-store';
import { writeRunStatus } from '../../sheets/summary-sheet';
import { TabRegistry } from '../../sheets/tab-registry';
import { logQueuedEdits } from '../queued-edits';
import { RunStart, runStatus, startRun } from '../run-status';
import { archivePhase } from './archive-phase';
import { clearCursor, saveCursor } from './cursor';
import { digestPhase } from './digest-phase';
import { loadJobInput } from './job-input';
import { PHASE_ORDER, Phase, PhaseName } from './phase';
import { forecastSnapshotsPhase } from './forecast-snapshots-phase';
import { snapshotsPhase } from './snapshots-phase';
import { stalePhase } from './stale-phase';
import { summaryPhase } from './summary-phase';

export interface JobSpec {
  /** Shown on the last-run line. */
  readonly title: string;
  readonly phases: readonly PhaseName[];
  /** Set for a job that may continue on a later run: it saves (and alone clears) a cursor under this owner. */
  readonly cursorOwner?: string;
}

const PHASES: Record<PhaseName, Phase> = {
  stale: stalePhase,
  snapshots: snapshotsPhase,
  forecasts: forecastSnapshotsPhase,
  summary: summaryPhase,
  digest: digestPhase,
  archive: archivePhase,
};

/** Stop starting new phases after this much of Apps Script's 6 minutes. */
const TIME_BUDGET_MS = 4.5 * 60 * 1000;
const LOCK_WAIT_MS = 30_000;

/**
 * The document lock, held only while a phase writes: another user's typed edit never waits behind
 * a job's reading and computing.
 */
function whileLocked<T>(run: () => T): T {
  return withDocumentLock(LOCK_WAIT_MS, run);
}

/** Writes the last-run line on the add-on's own summary tab (creating it if needed); returns the status written. */
function recordStatus(book: Book, registry: TabRegistry, status: (notice: string) => RunStatus): RunStatus {
  return whileLocked(() => {
    const tab = ensureGeneratedTab(book, registry, 'summary');
    const s = status(tab.notice ?? '');
    writeRunStatus(tab.sheet, s);
    return s;
  });
}

export function runJob(book: Book, spec: JobSpec, budgetMs = TIME_BUDGET_MS): RunStatus {
  const run: RunStart = startRun(spec.title, book.getSpreadsheetTimeZone());
  const registry = new TabRegistry(book);
  const parts: string[] = [];
  const done: PhaseName[] = [];
  try {
    // Typed stage changes that waited for the lock are logged first, so the phases see them.
    const queued =
      readQueuedEdits(documentProperties()).length === 0 ? { logged: 0 } : whileLocked(() => logQueuedEdits(book));
    if (queued.logged > 0)
      parts.push(`logged ${queued.logged} typed stage change${queued.logged === 1 ? '' : 's'} that had waited`);
    if ('message' in queued && queued.message) parts.push(queued.message);
    const input = loadJobInput(book, registry);
    const todo = PHASE_ORDER.filter((p) => spec.phases.includes(p));
    let statusWritten = false;
    let failed = false;
    while (todo.length > 0) {
      if (spec.cursorOwner !== undefined && done.length > 0 && Date.now() - run.startedMs > budgetMs) {
        saveCursor(documentProperties(), { owner: spec.cursorOwner, phases: todo });
        return recordStatus(book, registry, (notice) =>
          runStatus(run, 'Continuing', [
            `Done: ${parts.filter(Boolean).join(', ')}; continuing with ${todo.join(', ')} on the next run`,
            notice,
          ]),
        );
      }
      const name = todo.shift() as PhaseName;
      const write = PHASES[name]({
        input,
        finalStatus: (own) => runStatus(run, failed ? 'Failed' : 'OK', [...parts, ...own]),
      });
      done.push(name);
      if (!write) continue;
      const outcome = typeof write === 'function' ? whileLocked(write) : write;
      parts.push(...outcome.parts);
      statusWritten = outcome.wroteStatus === true;
      failed ||= outcome.failed === true;
    }
    if (spec.cursorOwner !== undefined) clearCursor(documentProperties(), spec.cursorOwner);
    const result = failed ? 'Failed' : 'OK';
    if (statusWritten) return runStatus(run, result, parts);
    return recordStatus(book, registry, (notice) => runStatus(run, result, [...parts, notice]));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    try {
      recordStatus(book, registry, () => runStatus(run, 'Failed', [message]));
    } catch {
      /* recording is best effort; the error itself is rethrown below */
    }
    throw e;
  }
}
