/**
 * The jobs: flag stale deals (Health column only) and rebuild the summary (with today's snapshot).
 * Each takes the document lock, reads each tab once, writes each output range once, records its
 * run where managers see it, and stops between phases, leaving a cursor, when time runs short.
 */
import { healthText, problemText } from '../core/health';
import { reachedById } from '../core/history';
import { DataProblem, toDealSet } from '../core/deals';
import { snapshotRows } from '../core/snapshots';
import { buildSummary, RunStatus } from '../core/summary';
import { CellValue } from '../core/values';
import { requireColumn, writeColumn } from '../sheets/deals-sheet';
import { readHistory } from '../sheets/history-sheet';
import { safeText } from '../sheets/safe-text';
import { appendSnapshot, readSnapshots, snapshotsSheet } from '../sheets/snapshots-sheet';
import { writeRunStatus, writeSummary } from '../sheets/summary-sheet';
import { Formatting, formatInstant } from './run-status';
import { loadPipeline, withDocumentLock } from './pipeline-context';
import { ensureStaleHighlight } from './stale-highlight';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type Phase = 'stale' | 'summary';
export const ALL_PHASES: readonly Phase[] = ['stale', 'summary'];
const CURSOR = 'dealPipeline.pendingPhases';
/** Stop starting new phases after this much of Apps Script's 6 minutes. */
export const TIME_BUDGET_MS = 4.5 * 60 * 1000;

export function flagStaleDeals(book: Book): number {
  const p = loadPipeline(book);
  requireColumn(p.deals, 'health');
  const byRow = new Map(p.parsed.deals.map((d) => [d.row, d]));
  const problemByRow = new Map<number, DataProblem>();
  for (const x of p.parsed.problems) if (!problemByRow.has(x.row)) problemByRow.set(x.row, x);
  let stale = 0;
  const values: CellValue[] = p.deals.rows.map((_, i) => {
    const d = byRow.get(i + 2);
    if (!d) {
      const prob = problemByRow.get(i + 2);
      return prob ? safeText(problemText(prob)) : '';
    }
    const h = healthText(d, p.table, p.clock.today);
    if (h.startsWith('Stale:')) stale++;
    return safeText(h);
  });
  writeColumn(p.deals, 'health', values);
  ensureStaleHighlight(p.deals.sheet, p.deals.columns.health as number);
  return stale;
}

export function rebuildSummary(book: Book, lastRun: RunStatus | undefined, fmt: Formatting): void {
  const p = loadPipeline(book);
  const history = readHistory(book);
  const snapSheet = snapshotsSheet(book);
  const snapshots = readSnapshots(snapSheet, p.clock.readZone);
  const set = toDealSet(p.parsed.deals, p.table);
  const today = snapshotRows(set, p.clock.today);
  if (appendSnapshot(snapSheet, snapshots, today, p.clock.today, p.clock.timeZone)) snapshots.push(...today);
  const layout = buildSummary({
    asOf: formatInstant(p.clock.now, p.clock.timeZone, fmt), today: p.clock.today, table: p.table, dealsTab: p.deals.sheet.getName(), deals: p.parsed.deals,
    set, stageTotals: today, problems: p.parsed.problems, reach: reachedById(history, p.table), snapshots, lastRun,
  });
  writeSummary(book, layout);
}

/**
 * Runs the given phases (or the pending ones) under the lock, recording the run. Returns the status.
 * `budgetMs` is how long it may keep starting phases; the rest waits for the next run.
 */
export function runJob(book: Book, job: string, phases: readonly Phase[], budgetMs = TIME_BUDGET_MS): RunStatus {
  const started = Date.now();
  const props = PropertiesService.getDocumentProperties();
  const fmt: Formatting = { pattern: 'yyyy-MM-dd HH:mm' };
  const startedText = formatInstant(new Date(started), book.getSpreadsheetTimeZone(), fmt);
  const done: string[] = [];
  try {
    const status = withDocumentLock(30_000, () => {
      const todo = [...phases];
      while (todo.length > 0) {
        if (done.length > 0 && Date.now() - started > budgetMs) {
          props.setProperty(CURSOR, JSON.stringify(todo));
          const s: RunStatus = { job, started: startedText, durationMs: Date.now() - started, result: 'Continuing', message: `Done: ${done.join(', ')}; continuing with ${todo.join(', ')} on the next run.` };
          writeRunStatus(book, s);
          return s;
        }
        const phase = todo.shift() as Phase;
        if (phase === 'stale') done.push(`${flagStaleDeals(book)} stale deals flagged`);
        else {
          const s: RunStatus = { job, started: startedText, durationMs: Date.now() - started, result: 'OK', message: [...done, 'summary rebuilt'].join('; ') };
          rebuildSummary(book, s, fmt);
          done.push('summary rebuilt');
        }
      }
      props.deleteProperty(CURSOR);
      const s: RunStatus = { job, started: startedText, durationMs: Date.now() - started, result: 'OK', message: done.join('; ') };
      writeRunStatus(book, s);
      return s;
    });
    return status;
  } catch (e) {
    const s: RunStatus = { job, started: startedText, durationMs: Date.now() - started, result: 'Failed', message: (e as Error).message };
    try { writeRunStatus(book, s); } catch { /* the status is best effort; the error is rethrown below */ }
    throw e;
  }
}

export function pendingPhases(): Phase[] {
  const raw = PropertiesService.getDocumentProperties().getProperty(CURSOR);
  if (!raw) return [];
  try {
    const parsed = JSON.parse(raw) as unknown;
    return Array.isArray(parsed) ? parsed.filter((p): p is Phase => (ALL_PHASES as readonly string[]).includes(p as string)) : [];
  } catch { return []; }
}

