/** src/core/summary/targets.ts: the Targets this period and Forecast categories tables, worked by hand. */
import { dayNumber } from '../../../fixtures/calendar-days';
import { defaultDeal } from '../../../fixtures/deal-records';
import { padded, runSection, summaryInput } from '../../../fixtures/summary-input';
import { zoneDayReader } from '../../../src/core/calendar';
import { TARGET_DEFINITIONS } from '../../../src/core/summary/definitions';
import { RATIO, targetsSection } from '../../../src/core/summary/targets';
import { parseTargets } from '../../../src/core/targets';

const d = dayNumber;
const DEALS = [
  defaultDeal('Closed Won', { owner: 'Ann', value: 40000, stageEntered: d('2026-10-05') }),
  defaultDeal('Closed Lost', { owner: 'Bob', value: 9000, stageEntered: d('2026-10-10') }),
  defaultDeal('Closed Lost', { owner: 'Bob', value: 1000, stageEntered: d('2026-10-11') }),
  defaultDeal('Closed Won', { owner: 'Bob', value: 10000, stageEntered: d('2026-11-02') }),
  defaultDeal('Negotiation', { owner: 'Ann', value: 20000, expectedClose: d('2026-12-15') }),
  defaultDeal('Proposal', { owner: 'Bob', value: 10000, expectedClose: d('2026-11-30'), forecastCategory: 'Omitted' }),
  defaultDeal('Qualification', { owner: 'Bob', value: 30000, expectedClose: d('2026-12-01') }),
];
const targets = (...rows: (string | number)[][]) =>
  parseTargets(
    [['Owner', 'Period', 'Target'], ...rows],
    { row: 1, column: 13 },
    'Pipeline Settings',
    zoneDayReader('UTC'),
  );
const round = (r: (string | number)[]) => r.map((c) => (typeof c === 'number' ? Math.round(c * 1e9) / 1e9 : c));

test('team and owner targets of this period: won, attainment, gap, coverage; coverage needed 1 / win rate', () => {
  // Win rate 2 won / 4 closed = 50%: coverage needed 2x.
  const layout = runSection(
    targetsSection,
    summaryInput(DEALS, {
      targets: targets(['Team', '2026-Q4', 100000], ['Bob', '2026-11', 10000], ['Ann', '2026-Q3', 1]),
    }),
  );
  expect(layout.rows.map(round)).toEqual([
    padded('Targets this period', 'Period', 'Target', 'Won', 'Attainment', 'Gap', 'Coverage'),
    // open in Q4, not Omitted: 20000 + 30000 = 50000; remaining 50000 -> 1x
    padded('Team', '2026-Q4', 100000, 50000, 0.5, 50000, 1),
    // Bob's November: won 10000 (the target is met); the Omitted Proposal and the December deal do not count
    padded('Bob', '2026-11', 10000, 10000, 1, 0, '— (target met)'),
    padded('Coverage needed', 2, '1 / win rate 50.0%'),
    padded(),
    padded('Forecast categories', 'Period', 'Commit', 'Best case', 'Pipeline', 'Omitted', 'Coverage check'),
    // needs 50000 x 2 = 100000 of pipeline, has 50000
    padded('Team', '2026-Q4', 20000, 0, 30000, 10000, 'short: $50,000 more pipeline'),
    padded('Bob', '2026-11', 0, 0, 0, 10000, 'target met'),
  ]);
  expect(layout.formats).toContainEqual({ row: 2, column: 7, numRows: 2, numColumns: 1, format: RATIO });
  expect(layout.formats).toContainEqual({ row: 4, column: 2, numRows: 1, numColumns: 1, format: RATIO });
  const noteAt = (r: number, c: number) => layout.notes.find((n) => n.row === r && n.column === c)?.text;
  expect(noteAt(1, 7)).toBe(TARGET_DEFINITIONS.coverage);
  expect(noteAt(4, 1)).toBe(TARGET_DEFINITIONS.needed);
  expect(noteAt(6, 7)).toBe(TARGET_DEFINITIONS.check);
  expect(TARGET_DEFINITIONS.needed).toMatch(/1 \/ the team's win rate \(won \/ \(won \+ lost\)/);
  expect(TARGET_DEFINITIONS.categories).toMatch(/75% or more: Commit; 50% or more: Best case; else Pipeline/);
});

test('coverage at or above 1 / win rate is enough', () => {
  const layout = runSection(targetsSection, summaryInput(DEALS, { targets: targets(['', '2026-Q4', 70000]) }));
  // remaining 20000 x 2 = 40000 <= 50000
  expect(round(layout.rows[1]!)).toEqual(
    padded('Team', '2026-Q4', 70000, 50000, Math.round((50000 / 70000) * 1e9) / 1e9, 20000, 2.5),
  );
  expect(layout.rows[5]).toEqual(padded('Team', '2026-Q4', 20000, 0, 30000, 10000, 'enough'));
});

test('no targets: says where to add them, shows the team categories for this quarter; table problems listed by cell', () => {
  const none = runSection(targetsSection, summaryInput(DEALS));
  expect(none.rows[1]?.[0]).toMatch(/^No targets: add Owner \| Period \| Target rows at M:O/);
  expect(none.rows.at(-1)).toEqual(padded('Team', '2026-Q4', 20000, 0, 30000, 10000, '— (no target)'));
  const bad = runSection(
    targetsSection,
    summaryInput(DEALS, { targets: targets(['Ann', 'soon', 5], ['Bob', 2025, 5]) }),
  );
  expect(bad.rows[1]?.[0]).toBe('No target covers today (targets for other periods are kept).');
  expect(bad.rows[2]?.[0]).toBe(
    `Targets table: 'Pipeline Settings'!N2: Period "soon" is not a year (2026), a quarter (2026-Q4) or a month (2026-12)`,
  );
});

test('no closed deals: coverage needed is not known and coverage is not judged', () => {
  const open = DEALS.filter((x) => x.stage.outcome === 'Open');
  const layout = runSection(targetsSection, summaryInput(open, { targets: targets(['', '2026-Q4', 100000]) }));
  expect(layout.rows[2]).toEqual(padded('Coverage needed', '— (no closed deals, or none won)', ''));
  expect(layout.rows[5]?.[6]).toBe('— (no win rate)');
});
