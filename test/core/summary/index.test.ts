/** src/core/summary/index.ts: the summary composed: title, last-run line, then each section after a blank row. */
import { dealRecord, findStage } from '../../../fixtures/deal-records';
import { padded, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { defaultStageTable } from '../../../src/core/settings';
import {
  buildSummary,
  runStatusCells,
  Section,
  SECTIONS,
  SUMMARY_WIDTH,
  withRunStatus,
} from '../../../src/core/summary';
import { LIST_CAP } from '../../../src/core/summary/capped-list';

const table = defaultStageTable();
const BLANK = padded();
const status = {
  job: 'Daily refresh',
  started: '2026-11-23 10:00',
  durationMs: 2500,
  result: 'OK' as const,
  message: 'done',
};

test('title with the as-of date, the last-run line on row 2, then every section after one blank row', () => {
  const a: Section = (_input, out) => {
    out.header('A');
    out.row('a1');
  };
  const b: Section = (input, out) => {
    out.row('B', input.dealsTab);
  };
  const layout = buildSummary(summaryInput([], { lastRun: status, dealsTab: 'Opportunities' }), [a, b]);
  expect(layout.rows).toEqual([
    padded('Pipeline Summary', 'As of 2026-11-23 10:00'),
    ['Last run', 'Daily refresh', '2026-11-23 10:00', '2.5 s', 'OK', 'done', ''],
    BLANK,
    padded('A'),
    padded('a1'),
    BLANK,
    padded('B', 'Opportunities'),
  ]);
  expect([layout.statusRow, layout.headerRows]).toEqual([2, [1, 4]]);
  expect(buildSummary(summaryInput([]), []).rows).toEqual([
    padded('Pipeline Summary', 'As of 2026-11-23 10:00'),
    padded('Last run', 'never'),
  ]);
});

test('the default sections, in order: headline, by stage, forecast, owners, targets, trend, what changed, slipped, work first, stale, bottlenecks, calibration, accuracy, problems', () => {
  expect(SECTIONS).toHaveLength(14);
  const deals = [dealRecord(findStage(table, 'Proposal'), { id: 'D-1', value: 10, stageEntered: SUMMARY_TODAY - 30 })];
  const layout = buildSummary(summaryInput(deals));
  expect(layout.headerRows.map((r) => layout.rows[r - 1]?.[0])).toEqual([
    'Pipeline Summary',
    'Headline figures',
    'By stage',
    'Forecast by month (next 6)',
    'By owner',
    'Targets this period',
    'Forecast categories',
    'Pipeline trend (last 90 days)',
    'What changed (2026-11-17 to 2026-11-23)',
    'Slipped deals (close date pushed)',
    'Work these first (highest priority)',
    'Stale deals (worst first)',
    'Time in stage (deals that left it)',
    "Stuck deals (longer than the stage's 75th percentile)",
    'Win probability by stage',
    'Forecast accuracy (month)',
    'Data problems',
  ]);
  // One blank row before each section's header.
  expect(layout.headerRows.slice(1).map((r) => layout.rows[r - 2])).toEqual(Array(16).fill(BLANK));
  expect(layout.rows.every((r) => r.length === SUMMARY_WIDTH)).toBe(true);
  // Sections lay out in their own rows: every chart, note and format points at a row of the layout.
  const rows = layout.rows.length;
  expect(
    [
      ...layout.charts.flatMap((c) => c.ranges.map((g) => g.row + g.numRows - 1)),
      ...layout.notes.map((n) => n.row),
      ...layout.formats.map((f) => f.row + f.numRows - 1),
    ].filter((r) => r > rows),
  ).toEqual([]);
  expect(layout.charts.map((c) => c.key)).toEqual(['funnel', 'forecast', 'trend', 'changes']);
});

test('the same input gives the same layout', () => {
  const deals = [
    dealRecord(findStage(table, 'Closed Won'), { id: 'D-2', value: 5, owner: 'Bob' }),
    dealRecord(findStage(table, 'Lead Generation'), { value: 1 }),
  ];
  expect(JSON.stringify(buildSummary(summaryInput(deals)))).toBe(JSON.stringify(buildSummary(summaryInput(deals))));
});

test('withRunStatus replaces the last-run line only, in a copy', () => {
  const layout = buildSummary(summaryInput([]));
  const updated = withRunStatus(layout, { ...status, result: 'Failed', message: 'Deals tab missing' });
  expect(updated.rows[1]).toEqual([
    'Last run',
    'Daily refresh',
    '2026-11-23 10:00',
    '2.5 s',
    'Failed',
    'Deals tab missing',
    '',
  ]);
  expect(updated.rows.filter((_, i) => i !== 1)).toEqual(layout.rows.filter((_, i) => i !== 1));
  expect(layout.rows[1]).toEqual(padded('Last run', 'never'));
  expect(runStatusCells(undefined)).toEqual(layout.rows[1]);
  expect(LIST_CAP).toBe(200);
});
