/**
 * src/core/summary/by-stage.ts: per stage, today's snapshot totals (taken as given, not recomputed),
 * average days in stage, deals reached and conversion from Stage History, and the funnel chart.
 */
import { defaultDeal, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { DEFAULT_STAGES } from '../../../fixtures/stages';
import { SnapshotRow } from '../../../src/core/snapshots';
import { byStageSection } from '../../../src/core/summary/by-stage';
import { DEFINITIONS } from '../../../src/core/summary/definitions';

const T = SUMMARY_TODAY;
const deal = (id: string, stage: string, f: RecordFields = {}) => defaultDeal(stage, { id, ...f });

/** Totals with numbers no computation would give, so the rows must have taken them as they are. */
const MARKED: SnapshotRow[] = DEFAULT_STAGES.map((s, k) => ({
  day: T,
  stage: s.name,
  deals: 100 + k,
  value: 1000 + k,
  weighted: 10 + k,
}));

test('header, its conversion note, and the snapshot totals per stage as given', () => {
  const layout = runSection(byStageSection, summaryInput([], { stageTotals: MARKED }));
  expect(layout.rows[0]).toEqual(
    padded('By stage', 'Deals', 'Value', 'Weighted value', 'Avg days in stage', 'Deals reached', 'Conversion to next'),
  );
  expect(layout.notes).toEqual([{ row: 1, column: 7, text: DEFINITIONS.conversion }]);
  expect(layout.rows.slice(1).map((r) => r.slice(0, 4))).toEqual(
    DEFAULT_STAGES.map((s, k) => [s.name, 100 + k, 1000 + k, 10 + k]),
  );
});

test('average days in stage over the deals with a Stage Entered date; blank for a stage with none', () => {
  const deals = [
    deal('D-1', 'Proposal', { stageEntered: T - 4 }),
    deal('D-2', 'Proposal', { stageEntered: T - 10 }),
    deal('D-3', 'Proposal'), // (4 + 10) / 2
    deal('D-4', 'Closed Won', { stageEntered: T - 30 }), // 30
    deal('D-5', 'Lead Generation', { stageEntered: T + 3 }), // a future date counts as 0
    deal('D-6', 'Qualification'),
  ];
  const layout = runSection(byStageSection, summaryInput(deals));
  expect(layout.rows.slice(1).map((r) => [r[0], r[4]])).toEqual([
    ['Lead Generation', 0],
    ['Initial Contact', ''],
    ['Qualification', ''],
    ['Proposal', 7],
    ['Negotiation', ''],
    ['Closed Won', 30],
    ['Closed Lost', ''],
  ]);
});

test('deals reached and conversion, with history by Deal ID; the Lost row has neither, the Won row no conversion', () => {
  const deals = [
    deal('D-1', 'Lead Generation'), // history: was in Negotiation (4)
    deal('D-2', 'Lead Generation'),
    deal('D-3', 'Proposal'),
    deal('D-4', 'Closed Won'),
    deal('D-5', 'Closed Lost'), //     history: reached Qualification (2)
    deal('', 'Qualification'), //      no ID: no history
  ];
  const reach = new Map([
    ['D-1', 4],
    ['D-5', 2],
    ['D-9', 5],
  ]);
  // Reach per deal: 4, 0, 3, 5, 2, 2. Reached (reach >= the stage's index): Lead 6, Initial 5, Qualification 5, Proposal 3, Negotiation 2, Won 1.
  const layout = runSection(byStageSection, summaryInput(deals, { reach }));
  expect(layout.rows.slice(1).map((r) => [r[0], r[5], r[6]])).toEqual([
    ['Lead Generation', 6, 5 / 6],
    ['Initial Contact', 5, 5 / 5],
    ['Qualification', 5, 3 / 5],
    ['Proposal', 3, 2 / 3],
    ['Negotiation', 2, 1 / 2],
    ['Closed Won', 1, ''],
    ['Closed Lost', '', ''],
  ]);
});

test('formats on the stage rows, and the funnel chart over the open and won rows', () => {
  const layout = runSection(byStageSection, summaryInput([]));
  expect(layout.formats).toEqual([
    { row: 2, column: 3, numRows: 7, numColumns: 2, format: '$#,##0' },
    { row: 2, column: 5, numRows: 7, numColumns: 1, format: '0.0' },
    { row: 2, column: 7, numRows: 7, numColumns: 1, format: '0.0%' },
  ]);
  // Header row plus the six open and won stages.
  expect(layout.charts).toEqual([
    {
      key: 'funnel',
      title: 'Pipeline funnel (deals reached)',
      type: 'BAR',
      ranges: [
        { row: 1, column: 1, numRows: 7, numColumns: 1 },
        { row: 1, column: 6, numRows: 7, numColumns: 1 },
      ],
      anchor: { row: 1, column: 9 },
      seriesPerRow: true,
      // The open and won stages' default colors (Okabe-Ito), one bar each.
      colors: ['#56b4e9', '#0072b2', '#cc79a7', '#e69f00', '#f0e442', '#009e73'],
    },
  ]);
});

test('snapshot totals that do not match the stage table are refused, naming the stage', () => {
  const swapped = [MARKED[1]!, MARKED[0]!, ...MARKED.slice(2)];
  expect(() => runSection(byStageSection, summaryInput([], { stageTotals: swapped }))).toThrow(
    'Summary: the stage totals do not match the stage table at "Lead Generation"',
  );
  expect(() => runSection(byStageSection, summaryInput([], { stageTotals: MARKED.slice(0, 6) }))).toThrow(
    'at "Closed Lost"',
  );
});
