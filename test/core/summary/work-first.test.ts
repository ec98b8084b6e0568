/** src/core/summary/work-first.ts: the top open deals by priority, with score and reasons, and the definition note. */
import { defaultDeal } from '../../../fixtures/deal-records';
import { padded, runSection, SUMMARY_TODAY, summaryInput } from '../../../fixtures/summary-input';
import { parseNamedSettings } from '../../../src/core/named-settings';
import { WORK_FIRST_COUNT, workFirstSection } from '../../../src/core/summary/work-first';

const T = SUMMARY_TODAY;

test('highest score first, each with its reasons; closed deals left out; value formatted as money', () => {
  const deals = [
    defaultDeal('Lead Generation', { row: 2, id: 'D-1', name: 'Small', owner: 'Bo', value: 1000 }),
    defaultDeal('Negotiation', {
      row: 3,
      id: 'D-2',
      name: '=Big',
      owner: 'Ann',
      value: 48_000,
      expectedClose: T + 6,
      lastActivity: T,
      nextStepDue: T - 3,
    }),
    defaultDeal('Closed Won', { row: 4, id: 'D-3', value: 90_000 }),
  ];
  const layout = runSection(workFirstSection, summaryInput(deals));
  // By hand: D-2 = 30 + 25 x 24/30 + 20 + 0 + 15 x 3/7 = 76.4; D-1 = 30 x 100/36000 + 20 x 1/5 = 4.1 (4.083).
  expect(layout.rows).toEqual([
    padded('Work these first (highest priority)', 'Deal', 'Owner', 'Stage', 'Value', 'Score', 'Why'),
    [
      'D-2',
      '=Big',
      'Ann',
      'Negotiation',
      48_000,
      76.4,
      '$48k in Negotiation, closes in 6 days, follow-up overdue 3 days',
    ],
    ['D-1', 'Small', 'Bo', 'Lead Generation', 1000, 4.1, '$1k in Lead Generation'],
  ]);
  expect(layout.formats).toEqual([{ row: 2, column: 5, numRows: 2, numColumns: 1, format: '$#,##0' }]);
  expect(layout.notes[0]?.text).toMatch(
    /weighted sum of five factors.*value 30, close date 25, stage 20, staleness 10, follow-up 15; close horizon 30 days/,
  );
});

test(`at most ${WORK_FIRST_COUNT} deals; weights from the named settings; none open says so`, () => {
  const deals = Array.from({ length: 12 }, (_, k) =>
    defaultDeal('Proposal', { row: k + 2, id: `D-${k}`, value: 100 * (k + 1) }),
  );
  const settings = parseNamedSettings([['Priority weight: stage', 0]], { row: 1, column: 10 }, 'S');
  const rows = runSection(workFirstSection, summaryInput(deals, { namedSettings: settings })).rows.slice(1);
  expect(rows.map((r) => r[0])).toEqual(['D-11', 'D-10', 'D-9', 'D-8', 'D-7', 'D-6', 'D-5', 'D-4', 'D-3', 'D-2']);
  // Stage weighs 0: value alone counts (30 of 30 + 25 + 10 + 15 = 80); D-11 has the largest value.
  expect(rows[0]?.[5]).toBe(Math.round((1000 * 30) / 80) / 10);
  expect(runSection(workFirstSection, summaryInput([])).rows.slice(1)).toEqual([padded('No open deals.')]);
});
