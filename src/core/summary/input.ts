/** Everything the summary's sections read: computed once by the job, shared by every section. */
import { CalendarDay, DayReader } from '../calendar';
import { CellGrid } from '../values';
import { DataProblem, DealRecord } from '../deals';
import { DealSet } from '../dealset';
import { NamedSettings } from '../named-settings';
import { ForecastSnapshotRow } from '../history-analytics/forecast-snapshots';
import { HistoryEntry } from '../history';
import { SnapshotRow } from '../snapshots';
import { StageTable } from '../stages';
import { TargetsParse } from '../targets';
import { LayoutBuilder } from './layout';
import { RunStatus } from './run-status';

export interface SummaryInput {
  readonly asOf: string;
  readonly today: CalendarDay;
  readonly table: StageTable;
  /** Name of the Deals tab, for rows under Data problems. */
  readonly dealsTab: string;
  readonly deals: readonly DealRecord[];
  /** The same deals as a DealSet (deals[i] is set index i). */
  readonly set: DealSet;
  /** Today's per-stage totals, one per table stage in order: the rows the snapshot appends. */
  readonly stageTotals: readonly SnapshotRow[];
  readonly problems: readonly DataProblem[];
  /** Per Deal ID, the highest open/won stage index its Stage History shows. */
  readonly reach: Map<string, number>;
  readonly snapshots: readonly SnapshotRow[];
  /** Stage History rows (A:I), for the weekly review and slipped deals. */
  readonly history: CellGrid;
  /** The calendar day of an instant in the spreadsheet's zone. */
  readonly readZone: DayReader;
  readonly lastRun: RunStatus | undefined;
  /** The settings tab's named settings (priority weights, ...); the defaults when absent. */
  readonly namedSettings?: NamedSettings;
  /** The settings tab's targets table (M:O); undefined: no table read. */
  readonly targets?: TargetsParse;
  /** Stage History's moves (time in stage); none when absent. */
  readonly moves?: readonly HistoryEntry[];
  /** The calendar day (spreadsheet's zone) of a history Timestamp in ms. */
  readonly dayOfInstant?: (ms: number) => CalendarDay;
  /** Forecast snapshot rows so far (forecast accuracy); none when absent. */
  readonly forecastSnapshots?: readonly ForecastSnapshotRow[];
}

/** A section appends its rows (and notes, formats, charts) to the layout. */
export type Section = (input: SummaryInput, out: LayoutBuilder) => void;
