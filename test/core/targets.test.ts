/**
 * src/core/targets.ts: the Owner | Period | Target table (M:O) of the settings tab. Periods are
 * years, quarters and months (a date cell is its month); every bad row is a problem naming its cell.
 */
import { dayNumber } from '../../fixtures/calendar-days';
import { zoneDayReader } from '../../src/core/calendar';
import { currentTargets, parseTargets, periodContains, quarterOf, readPeriod } from '../../src/core/targets';
import { CellGrid } from '../../src/core/values';

const tokyo = zoneDayReader('Asia/Tokyo');
const TAB = 'Pipeline Settings';
const parse = (grid: CellGrid) => parseTargets(grid, { row: 1, column: 13 }, TAB, tokyo);
/** Month span as the test reckons it: [first, last] "yyyy-mm". */
const span = (p: { first: number; last: number } | undefined) =>
  p && [p.first, p.last].map((m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);

test('periods: years, quarters both ways round, months, date cells as their month in the sheet zone', () => {
  expect(span(readPeriod(2026, tokyo))).toEqual(['2026-01', '2026-12']);
  expect(span(readPeriod('2026', tokyo))).toEqual(['2026-01', '2026-12']);
  expect(span(readPeriod('2026-Q4', tokyo))).toEqual(['2026-10', '2026-12']);
  expect(span(readPeriod('2026 q1', tokyo))).toEqual(['2026-01', '2026-03']);
  expect(span(readPeriod('Q2 2026', tokyo))).toEqual(['2026-04', '2026-06']);
  expect(span(readPeriod('2026-12', tokyo))).toEqual(['2026-12', '2026-12']);
  expect(span(readPeriod('2026/3', tokyo))).toEqual(['2026-03', '2026-03']);
  // Sheets turns a typed 2026-12 into 1 Dec 2026 at midnight in the sheet's zone (Tokyo, UTC+9): still December.
  expect(readPeriod(new Date(Date.UTC(2026, 10, 30, 15)), tokyo)?.label).toBe('2026-12');
  expect(readPeriod('2026-Q4', tokyo)?.label).toBe('2026-Q4');
  expect(readPeriod('2026-3', tokyo)?.label).toBe('2026-03');
  for (const bad of ['2026-13', '2026-Q5', 'Q4', 'next year', 26, 2026.5, '0026', true, ''])
    expect(readPeriod(bad, tokyo)).toBeUndefined();
});

test('periodContains and quarterOf by calendar day (no date is in no period)', () => {
  const q4 = readPeriod('2026-Q4', tokyo)!;
  expect(periodContains(q4, dayNumber('2026-10-01'))).toBe(true);
  expect(periodContains(q4, dayNumber('2026-12-31'))).toBe(true);
  expect(periodContains(q4, dayNumber('2026-09-30'))).toBe(false);
  expect(periodContains(q4, dayNumber('2027-01-01'))).toBe(false);
  expect(periodContains(q4, NaN)).toBe(false);
  expect(quarterOf(dayNumber('2026-11-23')).label).toBe('2026-Q4');
  expect(quarterOf(dayNumber('2027-03-31')).label).toBe('2027-Q1');
});

test('the table: header skipped, Team and blank owner are the team, money text read, blank rows skipped', () => {
  const { targets, problems } = parse([
    ['Owner', 'Period', 'Target'],
    ['', '2026-Q4', 250000],
    ['', '', ''],
    ['Ann', '2026-Q4', '$80,000'],
    ['team', 2026, 900000],
  ]);
  expect(problems).toEqual([]);
  expect(targets.map((t) => [t.owner, t.period.label, t.amount, t.cell])).toEqual([
    ['', '2026-Q4', 250000, `'${TAB}'!O2`],
    ['Ann', '2026-Q4', 80000, `'${TAB}'!O4`],
    ['', '2026', 900000, `'${TAB}'!O5`],
  ]);
});

test('every bad row is a problem naming its cell and value; duplicates name the first', () => {
  const { targets, problems } = parse([
    ['Owner', 'Period', 'Target'],
    ['Ann', '2026-Q4', 100],
    ['Ann', 'next quarter', 100],
    ['Bob', '', 100],
    ['Cy', '2026-Q4', 'lots'],
    ['Dee', '2026-Q4', -5],
    [' ann ', '2026-q4', 300],
    ['Eve', '2026-Q4', ''],
  ]);
  expect(targets.map((t) => t.owner)).toEqual(['Ann']);
  expect(problems).toEqual([
    {
      cell: `'${TAB}'!N3`,
      message: 'Period "next quarter" is not a year (2026), a quarter (2026-Q4) or a month (2026-12)',
    },
    {
      cell: `'${TAB}'!N4`,
      message: 'the Period is blank; use a year (2026), a quarter (2026-Q4) or a month (2026-12)',
    },
    { cell: `'${TAB}'!O5`, message: 'Target "lots" is not an amount above 0' },
    { cell: `'${TAB}'!O6`, message: 'Target -5 is not an amount above 0' },
    { cell: `'${TAB}'!O7`, message: `a second target for ann in 2026-Q4 (the first is '${TAB}'!O2); keep one` },
    { cell: `'${TAB}'!O8`, message: 'Target blank is not an amount above 0' },
  ]);
});

test("today's targets: the team's first, then owners A-Z, longer periods first; other periods left out", () => {
  const { targets } = parse([
    ['Bob', '2026-11', 1],
    ['Ann', '2026-Q4', 2],
    ['', '2026-11', 3],
    ['', 2026, 4],
    ['Ann', '2026-Q3', 5],
    ['ann', 2027, 6],
  ]);
  expect(currentTargets(targets, dayNumber('2026-11-23')).map((t) => `${t.owner}:${t.period.label}`)).toEqual([
    ':2026',
    ':2026-11',
    'Ann:2026-Q4',
    'Bob:2026-11',
  ]);
});
