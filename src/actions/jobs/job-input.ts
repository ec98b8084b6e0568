/**
 * What every phase of a run reads, loaded once per run without the lock: the stage table
 * (Settings, one read), the Deals table (one read), the deals as a DealSet, today's per-stage
 * totals (the snapshot rows, reused by the summary), duplicate Deal IDs; snapshots on first use.
 */
import { mapHeaders } from '../../core/columns';
import { DataProblem, DealRecord, parseDeals, toDealSet } from '../../core/deals';
import { withArchived } from '../../core/hygiene/archive';
import { DealSet } from '../../core/dealset';
import { DuplicateId, duplicateIdProblems, findDuplicateIds } from '../../core/duplicate-ids';
import { ForecastSnapshotRow } from '../../core/history-analytics/forecast-snapshots';
import { HistoryEntry, parseHistory } from '../../core/history';
import { SnapshotRow, snapshotRows } from '../../core/snapshots';
import { Book } from '../../sheets/book';
import { readArchive } from '../../sheets/archive-sheet';
import { allDealIds, FIRST_DATA_ROW } from '../../sheets/deals-sheet';
import { readForecastSnapshots } from '../../sheets/forecast-snapshots-sheet';
import { findGeneratedTab } from '../../sheets/generated-tab';
import { readSnapshots } from '../../sheets/snapshots-sheet';
import { readHistoryRows } from '../../sheets/history-sheet';
import { CellGrid } from '../../core/values';
import { TabRegistry } from '../../sheets/tab-registry';
import { loadPipeline, Pipeline } from '../pipeline-context';

export interface JobInput {
  readonly book: Book;
  readonly registry: TabRegistry;
  readonly pipeline: Pipeline;
  /** The deals the figures count: the Deals tab's, and the Archive tab's not also on Deals (closed, archived). */
  readonly countedDeals: readonly DealRecord[];
  /** countedDeals as a DealSet (countedDeals[i] is set index i). */
  readonly set: DealSet;
  /** Today's totals per stage, in stage-table order. */
  readonly stageTotals: readonly SnapshotRow[];
  readonly duplicates: readonly DuplicateId[];
  /** Rows that could not be read, then rows sharing a Deal ID. */
  readonly problems: readonly DataProblem[];
  /** Snapshot rows so far: read once on first use; the snapshots phase adds today's. */
  snapshots(): SnapshotRow[];
  /** Stage History rows (A:I): read once on first use, by the stale phase (slipped deals) and the summary. */
  historyRows(): CellGrid;
  /** Stage History's moves: read once on first use. */
  history(): HistoryEntry[];
  /** Forecast snapshot rows so far: read once on first use; the forecast snapshots phase adds today's. */
  forecastSnapshots(): ForecastSnapshotRow[];
}

export function loadJobInput(book: Book, registry: TabRegistry): JobInput {
  const pipeline = loadPipeline(book);
  const { deals, parsed, table, clock } = pipeline;
  const archive = readArchive(registry);
  const archived = archive
    ? parseDeals(
        archive.rows,
        mapHeaders(archive.headers),
        table,
        clock.readZone,
        archive.sheet.getName(),
        FIRST_DATA_ROW,
      )
    : { deals: [], problems: [] };
  const countedDeals = withArchived(parsed.deals, archived.deals);
  const set = toDealSet(countedDeals, table);
  const idColumn = deals.columns.dealId;
  const duplicates = idColumn === undefined ? [] : findDuplicateIds(allDealIds(deals, idColumn), deals.firstRow);
  let snapshots: SnapshotRow[] | undefined;
  let historyRows: CellGrid | undefined;
  let history: HistoryEntry[] | undefined;
  let forecasts: ForecastSnapshotRow[] | undefined;
  return {
    book,
    registry,
    pipeline,
    countedDeals,
    set,
    duplicates,
    stageTotals: snapshotRows(set, clock.today),
    problems: [...parsed.problems, ...duplicateIdProblems(duplicates, deals.sheet.getName()), ...archived.problems],
    snapshots: () => {
      if (!snapshots) {
        const sheet = findGeneratedTab(registry, 'snapshots');
        snapshots = sheet ? readSnapshots(sheet, clock.readZone) : [];
      }
      return snapshots;
    },
    historyRows: () => (historyRows ??= readHistoryRows(book, registry)),
    // Stage moves only (parseHistory leaves field changes out), from the same one read.
    history: () => (history ??= parseHistory((historyRows ??= readHistoryRows(book, registry)))),
    forecastSnapshots: () => {
      if (!forecasts) {
        const sheet = findGeneratedTab(registry, 'forecasts');
        forecasts = sheet ? readForecastSnapshots(sheet, clock.readZone) : [];
      }
      return forecasts;
    },
  };
}
