/**
 * What every phase of a run reads, loaded once per run without the lock: the stage table
 * (Settings, one read), the Deals table (one read), the deals as a DealSet, today's per-stage
 * totals (the snapshot rows, reused by the summary), duplicate Deal IDs; snapshots on first use.
 */
import { DataProblem, toDealSet } from '../../core/deals';
import { DealSet } from '../../core/dealset';
import { DuplicateId, duplicateIdProblems, findDuplicateIds } from '../../core/duplicate-ids';
import { ForecastSnapshotRow } from '../../core/history-analytics/forecast-snapshots';
import { HistoryEntry } from '../../core/history';
import { SnapshotRow, snapshotRows } from '../../core/snapshots';
import { Book } from '../../sheets/book';
import { allDealIds } from '../../sheets/deals-sheet';
import { readForecastSnapshots } from '../../sheets/forecast-snapshots-sheet';
import { findGeneratedTab } from '../../sheets/generated-tab';
import { readHistory } from '../../sheets/history-sheet';
import { readSnapshots } from '../../sheets/snapshots-sheet';
import { TabRegistry } from '../../sheets/tab-registry';
import { loadPipeline, Pipeline } from '../pipeline-context';

export interface JobInput {
  readonly book: Book;
  readonly registry: TabRegistry;
  readonly pipeline: Pipeline;
  readonly set: DealSet;
  /** Today's totals per stage, in stage-table order. */
  readonly stageTotals: readonly SnapshotRow[];
  readonly duplicates: readonly DuplicateId[];
  /** Rows that could not be read, then rows sharing a Deal ID. */
  readonly problems: readonly DataProblem[];
  /** Snapshot rows so far: read once on first use; the snapshots phase adds today's. */
  snapshots(): SnapshotRow[];
  /** Stage History's moves: read once on first use. */
  history(): HistoryEntry[];
  /** Forecast snapshot rows so far: read once on first use; the forecast snapshots phase adds today's. */
  forecastSnapshots(): ForecastSnapshotRow[];
}

export function loadJobInput(book: Book, registry: TabRegistry): JobInput {
  const pipeline = loadPipeline(book);
  const { deals, parsed, table, clock } = pipeline;
  const set = toDealSet(parsed.deals, table);
  const idColumn = deals.columns.dealId;
  const duplicates = idColumn === undefined ? [] : findDuplicateIds(allDealIds(deals, idColumn), deals.firstRow);
  let snapshots: SnapshotRow[] | undefined;
  let history: HistoryEntry[] | undefined;
  let forecasts: ForecastSnapshotRow[] | undefined;
  return {
    book,
    registry,
    pipeline,
    set,
    duplicates,
    stageTotals: snapshotRows(set, clock.today),
    problems: [...parsed.problems, ...duplicateIdProblems(duplicates, deals.sheet.getName())],
    snapshots: () => {
      if (!snapshots) {
        const sheet = findGeneratedTab(registry, 'snapshots');
        snapshots = sheet ? readSnapshots(sheet, clock.readZone) : [];
      }
      return snapshots;
    },
    history: () => (history ??= readHistory(book, registry)),
    forecastSnapshots: () => {
      if (!forecasts) {
        const sheet = findGeneratedTab(registry, 'forecasts');
        forecasts = sheet ? readForecastSnapshots(sheet, clock.readZone) : [];
      }
      return forecasts;
    },
  };
}
