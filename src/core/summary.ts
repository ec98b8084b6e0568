/**
 * The Pipeline Summary tab as data: rows of cells, notes, number formats and chart specs. The
 * sheet layer writes it whole, in one setValues. Identical data gives an identical layout.
 */
import { CalendarDay, dayToIso } from './calendar';
import { DataProblem, DealRecord, toDealSet } from './deals';
import { weightOf } from './dealset';
import { forecastByMonth } from './forecast';
import { funnel } from './funnel';
import { historyReach } from './history';
import { averageDealSize, counts, salesCycleDays, salesVelocity, weightedForecast, winRate } from './metrics';
import { SnapshotRow, trend } from './snapshots';
import { daysInStage, staleness } from './staleness';
import { StageTable } from './stages';

export type SummaryCell = string | number;
export const SUMMARY_WIDTH = 7;
export const FORECAST_MONTHS = 6;
export const TREND_DAYS = 90;
/** Long lists (stale deals, data problems) show this many rows, then "... and N more". */
export const LIST_CAP = 200;

export interface RunStatus {
  readonly job: string;
  /** ISO time the run started. */
  readonly started: string;
  readonly durationMs: number;
  readonly result: 'OK' | 'Failed' | 'Continuing';
  readonly message: string;
}

export interface Block { row: number; column: number; numRows: number; numColumns: number }
export interface ChartSpec {
  readonly key: 'funnel' | 'forecast' | 'trend';
  readonly title: string;
  readonly type: 'BAR' | 'COLUMN' | 'LINE';
  /** Ranges on the summary tab, 1-based; the first is the category column. */
  readonly ranges: Block[];
  readonly anchor: { row: number; column: number };
}

export interface SummaryLayout {
  readonly rows: SummaryCell[][];
  readonly notes: { row: number; column: number; text: string }[];
  readonly formats: (Block & { format: string })[];
  readonly headerRows: number[];
  readonly charts: ChartSpec[];
  /** Where the last-run status sits, so a failing job can rewrite just that. */
  readonly statusRow: number;
}

export interface SummaryInput {
  readonly asOf: string;
  readonly today: CalendarDay;
  readonly table: StageTable;
  readonly deals: readonly DealRecord[];
  readonly problems: readonly DataProblem[];
  readonly reach: Map<string, number>;
  readonly snapshots: readonly SnapshotRow[];
  readonly lastRun: RunStatus | undefined;
}

export const MONEY = '$#,##0';
export const PERCENT = '0.0%';
export const DAYS = '0.0';

export const DEFINITIONS = {
  open: 'Deals whose stage has the outcome Open.',
  pipeline: 'Pipeline value: the sum of Value over open deals.',
  weighted: "Weighted forecast: the sum of Value x probability, where probability is the deal's own Probability when filled, else its stage's win probability; Won deals weigh 100%, Lost 0%.",
  winRate: 'Win rate: won / (won + lost) over all closed deals.',
  dealSize: 'Average deal size: the mean Value of won deals.',
  cycle: 'Average sales cycle: mean whole days from Created to close (the day the deal entered its Won stage, or Expected Close when that is missing), over won deals.',
  velocity: 'Sales velocity: open deals x win rate x average deal size / average sales cycle, in money per day.',
  conversion: 'Conversion to next: deals that reached the next stage / deals that reached this one. A deal reached a stage if its Stage History shows it entered that stage or a later open or won one; without history, if its current stage is that stage or later.',
};

export function runStatusCells(s: RunStatus | undefined): SummaryCell[] {
  if (!s) return ['Last run', 'never', '', '', '', '', ''];
  return ['Last run', s.job, s.started, `${(s.durationMs / 1000).toFixed(1)} s`, s.result, s.message, ''];
}

export function buildSummary(input: SummaryInput): SummaryLayout {
  const rows: SummaryCell[][] = [];
  const notes: SummaryLayout['notes'] = [];
  const formats: SummaryLayout['formats'] = [];
  const headerRows: number[] = [];
  const charts: ChartSpec[] = [];
  const push = (...cells: SummaryCell[]): number => {
    const row = cells.slice(0, SUMMARY_WIDTH);
    while (row.length < SUMMARY_WIDTH) row.push('');
    rows.push(row);
    return rows.length;
  };
  const header = (...cells: SummaryCell[]): number => { const r = push(...cells); headerRows.push(r); return r; };
  const fmt = (row: number, column: number, numRows: number, numColumns: number, format: string): void => {
    if (numRows > 0) formats.push({ row, column, numRows, numColumns, format });
  };

  const { table, deals, today } = input;
  const set = toDealSet(deals, table);
  const c = counts(set);

  header('Pipeline Summary', `As of ${input.asOf}`);
  const statusRow = push(...runStatusCells(input.lastRun));
  push();

  header('Headline figures', 'Value');
  const rate = winRate(set);
  const size = averageDealSize(set);
  const cycle = salesCycleDays(set);
  const velocity = salesVelocity(set);
  const figures: [string, SummaryCell, string, string][] = [
    ['Open deals', c.open, '0', DEFINITIONS.open],
    ['Pipeline value', c.openValue, MONEY, DEFINITIONS.pipeline],
    ['Weighted forecast', weightedForecast(set), MONEY, DEFINITIONS.weighted],
    ['Win rate', rate ?? '— (no closed deals)', PERCENT, DEFINITIONS.winRate],
    ['Average deal size', size ?? '— (no won deals)', MONEY, DEFINITIONS.dealSize],
    ['Average sales cycle (days)', cycle ?? '— (no won deals with dates)', DAYS, DEFINITIONS.cycle],
    ['Sales velocity (per day)', velocity.ok ? velocity.value : `— (${velocity.reason})`, MONEY, DEFINITIONS.velocity],
  ];
  for (const [label, value, format, note] of figures) {
    const r = push(label, value);
    notes.push({ row: r, column: 1, text: note });
    if (typeof value === 'number') fmt(r, 2, 1, 1, format);
  }
  push();

  const stageHeader = header('By stage', 'Deals', 'Value', 'Weighted value', 'Avg days in stage', 'Deals reached', 'Conversion to next');
  notes.push({ row: stageHeader, column: 7, text: DEFINITIONS.conversion });
  const reach = historyReach(deals.map((d) => d.id), input.reach);
  const funnelRows = new Map(funnel(set, reach).map((f) => [f.stage.index, f]));
  const perStage = table.stages.map(() => ({ deals: 0, value: 0, weighted: 0, days: 0, dayCount: 0 }));
  deals.forEach((d, i) => {
    const s = perStage[d.stage.index] as (typeof perStage)[number];
    s.deals++; s.value += d.value; s.weighted += d.value * weightOf(set, i);
    const dis = daysInStage(d, today);
    if (dis !== null) { s.days += dis; s.dayCount++; }
  });
  const stageStart = rows.length + 1;
  table.stages.forEach((st, k) => {
    const s = perStage[k] as (typeof perStage)[number];
    const f = funnelRows.get(st.index);
    push(st.name, s.deals, s.value, s.weighted, s.dayCount ? s.days / s.dayCount : '', f ? f.reached : '', f && f.conversion !== null ? f.conversion : '');
  });
  fmt(stageStart, 3, table.stages.length, 2, MONEY);
  fmt(stageStart, 5, table.stages.length, 1, DAYS);
  fmt(stageStart, 7, table.stages.length, 1, PERCENT);
  const funnelCount = table.stages.filter((s) => s.outcome !== 'Lost').length;
  // Funnel chart: open and won stages come first in a valid table's order; chart the rows that reach.
  charts.push({ key: 'funnel', title: 'Pipeline funnel (deals reached)', type: 'BAR', ranges: [{ row: stageHeader, column: 1, numRows: funnelCount + 1, numColumns: 1 }, { row: stageHeader, column: 6, numRows: funnelCount + 1, numColumns: 1 }], anchor: { row: 1, column: 9 } });
  push();

  const forecastHeader = header(`Forecast by month (next ${FORECAST_MONTHS})`, 'Deals', 'Pipeline', 'Weighted', 'Won');
  const fc = forecastByMonth(set, { today, months: FORECAST_MONTHS });
  const fcRows = fc.ok ? fc.rows : [];
  const fcStart = rows.length + 1;
  for (const r of fcRows) push(r.label, r.deals, r.pipeline, r.weighted, r.won);
  fmt(fcStart, 3, fcRows.length, 3, MONEY);
  charts.push({ key: 'forecast', title: 'Forecast by month', type: 'COLUMN', ranges: [{ row: forecastHeader, column: 1, numRows: fcRows.length + 1, numColumns: 1 }, { row: forecastHeader, column: 3, numRows: fcRows.length + 1, numColumns: 2 }], anchor: { row: 21, column: 9 } });
  push();

  header('By owner', 'Open deals', 'Pipeline', 'Weighted', 'Won value', 'Win rate');
  const owners = new Map<string, { open: number; pipeline: number; weighted: number; won: number; wonCount: number; lost: number }>();
  deals.forEach((d, i) => {
    const key = d.owner || '(no owner)';
    const o = owners.get(key) ?? { open: 0, pipeline: 0, weighted: 0, won: 0, wonCount: 0, lost: 0 };
    if (d.stage.outcome === 'Open') { o.open++; o.pipeline += d.value; }
    if (d.stage.outcome === 'Won') { o.won += d.value; o.wonCount++; }
    if (d.stage.outcome === 'Lost') o.lost++;
    o.weighted += d.value * weightOf(set, i);
    owners.set(key, o);
  });
  const ownerStart = rows.length + 1;
  const ownerList = [...owners.entries()].sort((a, b) => b[1].weighted - a[1].weighted || a[0].localeCompare(b[0]));
  for (const [name, o] of ownerList) push(name, o.open, o.pipeline, o.weighted, o.won, o.wonCount + o.lost ? o.wonCount / (o.wonCount + o.lost) : '');
  fmt(ownerStart, 3, ownerList.length, 3, MONEY);
  fmt(ownerStart, 6, ownerList.length, 1, PERCENT);
  push();

  const trendHeader = header(`Pipeline trend (last ${TREND_DAYS} days)`, 'Open deals', 'Pipeline', 'Weighted');
  const isOpen = (name: string): boolean => table.find(name)?.outcome === 'Open';
  const points = trend(input.snapshots, isOpen, TREND_DAYS, today);
  const trendStart = rows.length + 1;
  for (const p of points) push(dayToIso(p.day), p.deals, p.value, p.weighted);
  fmt(trendStart, 3, points.length, 2, MONEY);
  charts.push({ key: 'trend', title: 'Pipeline trend', type: 'LINE', ranges: [{ row: trendHeader, column: 1, numRows: points.length + 1, numColumns: 1 }, { row: trendHeader, column: 3, numRows: points.length + 1, numColumns: 2 }], anchor: { row: 41, column: 9 } });
  push();

  header('Stale deals (worst first)', 'Deal', 'Owner', 'Stage', 'Days since touch', 'Limit', 'Over by');
  const stale = deals
    .map((d) => ({ d, s: staleness(d, today) }))
    .filter((x): x is { d: DealRecord; s: Extract<ReturnType<typeof staleness>, { kind: 'stale' }> } => x.s.kind === 'stale')
    .sort((a, b) => (b.s.days - b.s.limit) - (a.s.days - a.s.limit) || a.d.row - b.d.row);
  for (const { d, s } of stale.slice(0, LIST_CAP)) push(d.id || `row ${d.row}`, d.name, d.owner, d.stage.name, s.days, s.limit, s.days - s.limit);
  if (stale.length > LIST_CAP) push(`... and ${stale.length - LIST_CAP} more stale deals (see the Health column on Deals)`);
  if (stale.length === 0) push('No stale deals.');
  push();

  header('Data problems', 'Row', 'Column', 'Value', 'Problem');
  const undated = deals.filter((d) => d.stage.outcome === 'Open' && d.stage.staleAfter !== null && staleness(d, today).kind === 'no-date');
  const problems = [
    ...input.problems,
    ...undated.map((d) => ({ tab: 'Deals', row: d.row, column: 'Last Activity', value: 'blank', problem: 'no Last Activity, Stage Entered or Created date, so staleness cannot be judged' })),
  ];
  for (const p of problems.slice(0, LIST_CAP)) push(p.tab, p.row, p.column, p.value, p.problem);
  if (problems.length > LIST_CAP) push(`... and ${problems.length - LIST_CAP} more data problems (see the Health column on Deals)`);
  if (problems.length === 0) push('No data problems.');

  return { rows, notes, formats, headerRows, charts, statusRow };
}
