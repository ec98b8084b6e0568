/**
 * What changed in the last REVIEW_DAYS days (the weekly review): the reconciling rows of
 * src/core/pipeline-changes.ts, the movement rows, a check against the Pipeline Snapshots of the
 * period's ends when there are some, and a waterfall chart drawn as a stacked column chart over
 * helper columns (an invisible Base, then Total, Increase, Decrease).
 */
import { dayToIso } from '../calendar';
import { ChangesBuilder, ChangesReport, changeRows, DealsNowArrays, feedHistory } from '../pipeline-changes';
import { SnapshotRow } from '../snapshots';
import { StageTable } from '../stages';
import { DEFINITIONS, MONEY } from './definitions';
import { Section, SummaryInput } from './input';

export const REVIEW_DAYS = 7;
/** Rows of changeRows that reconcile (start, five changes, end): the waterfall's bars. */
const WATERFALL_ROWS = 7;

/** The review over [from, to] from the summary's deals and history rows (undated history rows are skipped). */
export function reviewOf(input: SummaryInput, from: number, to: number): ChangesReport {
  const { deals, table } = input;
  const n = deals.length;
  const arrays: DealsNowArrays = {
    size: n,
    stage: new Int32Array(n),
    value: new Float64Array(n),
    close: new Float64Array(n),
    created: new Float64Array(n),
  };
  const index = new Map<string, number>();
  deals.forEach((d, i) => {
    arrays.stage[i] = d.stage.index;
    arrays.value[i] = d.value;
    arrays.close[i] = d.expectedClose;
    arrays.created[i] = d.created;
    if (d.id !== '' && !index.has(d.id)) index.set(d.id, i);
  });
  const b = new ChangesBuilder(arrays, table, from, to);
  feedHistory(b, input.history, index, table, input.readZone, () => undefined);
  return b.finish();
}

/** Open pipeline value in the snapshot of a day, or undefined when there is none. */
function snapshotOpen(rows: readonly SnapshotRow[], day: number, table: StageTable): number | undefined {
  let found = false;
  let sum = 0;
  for (const r of rows) {
    if (r.day !== day) continue;
    found = true;
    if (table.find(r.stage)?.outcome === 'Open') sum += r.value;
  }
  return found ? sum : undefined;
}

export const changesSection: Section = (input, out) => {
  const to = input.today;
  const from = to - REVIEW_DAYS + 1;
  const head = out.header(
    `What changed (${dayToIso(from)} to ${dayToIso(to)})`,
    'Deals',
    'Value',
    'Chart: base',
    'Total',
    'Increase',
    'Decrease',
  );
  out.note(head, 1, DEFINITIONS.changes);
  out.note(head, 4, DEFINITIONS.waterfall);
  const report = reviewOf(input, from, to);
  const rows = changeRows(report);
  const start = out.nextRow;
  let level = 0;
  rows.forEach(([label, deals, value], k) => {
    if (k >= WATERFALL_ROWS) {
      out.row(label, deals, value);
      return;
    }
    if (k === 0 || k === WATERFALL_ROWS - 1) {
      level = value;
      out.row(label, deals, value, 0, value, 0, 0);
    } else if (value >= 0) {
      out.row(label, deals, value, level, 0, value, 0);
      level += value;
    } else {
      level += value;
      out.row(label, deals, value, level, 0, 0, -value);
    }
  });
  out.format(start, 3, rows.length, 1, MONEY);
  out.format(start, 4, WATERFALL_ROWS, 4, MONEY);
  for (const [day, got, what] of [
    [from - 1, report.start.cents / 100, 'start'],
    [to, report.end.cents / 100, 'end'],
  ] as const) {
    const snap = snapshotOpen(input.snapshots, day, input.table);
    if (snap === undefined) continue;
    const diff = Math.round((snap - got) * 100) / 100;
    const r = out.row(
      `Snapshot check (${what}): ${dayToIso(day)}`,
      '',
      snap,
      diff === 0 ? 'matches the history' : `differs by ${diff}`,
    );
    out.format(r, 3, 1, 1, MONEY);
    if (diff !== 0) out.note(r, 1, DEFINITIONS.snapshotCheck);
  }
  out.chart({
    key: 'changes',
    title: 'What changed (waterfall)',
    type: 'COLUMN',
    stacked: true,
    ranges: [
      { row: head, column: 1, numRows: WATERFALL_ROWS + 1, numColumns: 1 },
      { row: head, column: 4, numRows: WATERFALL_ROWS + 1, numColumns: 4 },
    ],
    anchor: { row: 61, column: 9 },
  });
};
