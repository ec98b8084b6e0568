/** src/core/summary/problems.ts: rows the job could not read, then open deals with no date to judge staleness by; capped. */
import { dealRecord, defaultDeal, findStage, RecordFields } from '../../../fixtures/deal-records';
import { padded, runSection, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { makeStageTable } from '../../../src/core/stages';
import { defaultStageTable } from '../../../src/core/settings';
import { problemsSection } from '../../../src/core/summary/problems';

const table = defaultStageTable();
const deal = (row: number, stage: string, f: RecordFields = {}) => defaultDeal(stage, { row, ...f });
const UNDATED = 'no Last Activity, Stage Entered or Created date, so staleness cannot be judged';
const bad = (row: number) => ({ tab: 'Opportunities', row, column: 'Value', value: '"tbd"', problem: 'not a number' });

test('read problems first, as given; then each open undated deal of a stage that can go stale, on the Deals tab named', () => {
  const deals = [
    deal(5, 'Proposal'), //                                       undated, Proposal goes stale: listed
    deal(6, 'Proposal', { created: SUMMARY_TODAY - 3 }), //       dated: fine
    deal(7, 'Closed Won'), //                                     closed: never stale
    deal(8, 'Negotiation'), //                                    listed
  ];
  const layout = runSection(
    problemsSection,
    summaryInput(deals, { problems: [bad(9), bad(3)], dealsTab: 'Opportunities' }),
  );
  expect(layout.rows).toEqual([
    padded('Data problems', 'Row', 'Column', 'Value', 'Problem'),
    padded('Opportunities', 9, 'Value', '"tbd"', 'not a number'),
    padded('Opportunities', 3, 'Value', '"tbd"', 'not a number'),
    padded('Opportunities', 5, 'Last Activity', 'blank', UNDATED),
    padded('Opportunities', 8, 'Last Activity', 'blank', UNDATED),
  ]);
});

test('an undated deal in a stage without a Stale after is not a problem', () => {
  const noLimit = makeStageTable(table.stages.map((s) => ({ ...s, staleAfter: null })));
  const layout = runSection(
    problemsSection,
    summaryInput([dealRecord(findStage(noLimit, 'Proposal'))], { table: noLimit }),
  );
  expect(layout.rows.slice(1)).toEqual([padded('No data problems.')]);
});

test('nothing wrong: one line says so', () => {
  expect(
    runSection(problemsSection, summaryInput([deal(2, 'Proposal', { lastActivity: SUMMARY_TODAY })])).rows.slice(1),
  ).toEqual([padded('No data problems.')]);
});

test('more than 200: the first 200, then how many more and where to look', () => {
  const problems = Array.from({ length: 203 }, (_, i) => bad(i + 2));
  const deals = [deal(900, 'Proposal'), deal(901, 'Proposal')];
  const rows = runSection(problemsSection, summaryInput(deals, { problems })).rows.slice(1);
  expect(rows.length).toBe(201);
  expect(rows[199]?.[1]).toBe(201);
  expect(rows[200]).toEqual(padded('... and 5 more data problems (see the Health column on Deals)'));
});
