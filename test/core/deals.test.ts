/**
 * src/core/deals.ts: Deals-tab rows to deal records. A row that cannot be read is a data problem
 * naming its tab, row, column and value, and is left out of the figures; blank rows are skipped.
 */
import { dayNumber } from '../../fixtures/calendar-days';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { zoneDayReader } from '../../src/core/calendar';
import { mapHeaders } from '../../src/core/columns';
import { cellsOf, closedDay, formatDataProblem, parseDeals, toDealSet } from '../../src/core/deals';
import { defaultStageTable } from '../../src/core/settings';
import { CellGrid } from '../../src/core/values';

const table = defaultStageTable();
const columns = mapHeaders(DEAL_HEADERS);
const ny = zoneDayReader('America/New_York');
const KNOWN = 'Lead Generation, Initial Contact, Qualification, Proposal, Negotiation, Closed Won, Closed Lost';
const grid = (...rows: Record<string, unknown>[]): CellGrid => rows.map(dealRow) as CellGrid;
const parse = (rows: CellGrid, zone = ny) => parseDeals(rows, columns, table, zone);

test('a row read field by field: trimmed text, stage by name, money and percent text, every kind of date', () => {
  const { deals, problems } = parse(
    grid({
      'Deal ID': ' D-0001 ',
      Deal: 'Acme',
      Company: 'Acme Co',
      Owner: 'Ann',
      Stage: ' proposal ',
      Value: '$12,500.50',
      Probability: '35%',
      'Expected Close': '12/1/2026',
      Created: 46082,
      'Stage Entered': new Date(Date.UTC(2026, 10, 1, 2)),
      'Last Activity': '1 Nov 2026',
      Budget: true,
    }),
  );
  expect(problems).toEqual([]);
  const d = deals[0]!;
  expect([d.row, d.id, d.name, d.company, d.owner, d.stage, d.value, d.override]).toEqual([
    2,
    'D-0001',
    'Acme',
    'Acme Co',
    'Ann',
    table.stages[3],
    12500.5,
    0.35,
  ]);
  // 12/1/2026 is month first; serial 46082 is 46082 - 25569 days after 1970-01-01 = 2026-03-01;
  // 02:00 UTC on 1 Nov is 22:00 on 31 Oct in New York.
  expect([d.expectedClose, d.created, d.stageEntered, d.lastActivity]).toEqual([
    dayNumber('2026-12-01'),
    dayNumber('2026-03-01'),
    dayNumber('2026-10-31'),
    dayNumber('2026-11-01'),
  ]);
  expect([d.cells('budget'), d.cells('value'), d.cells('authority')]).toEqual([true, '$12,500.50', '']);
  // The same instant in Tokyo is already 1 November.
  expect(
    parse(grid({ Stage: 'Proposal', 'Stage Entered': new Date(Date.UTC(2026, 10, 1, 2)) }), zoneDayReader('Asia/Tokyo'))
      .deals[0]?.stageEntered,
  ).toBe(dayNumber('2026-11-01'));
});

test('blank cells: Value counts as 0, no own probability, dates NaN; a row blank but for Health is skipped', () => {
  const { deals, problems } = parse(
    grid(
      { Stage: 'Lead Generation' },
      { Health: 'Stale: 30 days in Proposal (limit 10)' },
      {},
      { Stage: 'Qualification', Value: '  ' },
    ),
  );
  expect(problems).toEqual([]);
  expect(
    deals.map((d) => [
      d.row,
      d.stage.name,
      d.value,
      d.override,
      d.expectedClose,
      d.created,
      d.stageEntered,
      d.lastActivity,
    ]),
  ).toEqual([
    [2, 'Lead Generation', 0, NaN, NaN, NaN, NaN, NaN],
    [5, 'Qualification', 0, NaN, NaN, NaN, NaN, NaN],
  ]);
});

test('bad cells are data problems naming tab, sheet row, column and value; the row is left out, the rest read', () => {
  const rows = grid(
    { Deal: 'Good', Stage: 'Proposal', Value: 10 },
    { Deal: 'Pitch', Stage: 'Pitch' },
    { 'Deal ID': 'D-9' },
    {
      Deal: 'Many',
      Stage: 'Proposal',
      Value: 'tbd',
      Probability: 150,
      'Expected Close': 'soon',
      Created: '0026-03-01',
    },
    { Deal: 'Huge', Stage: 'proposal', Value: 1e16 },
    { Deal: 'Good too', Stage: 'Closed Won', Value: '1,000' },
  );
  const { deals, problems } = parseDeals(rows, columns, table, ny, 'Opportunities', 5);
  expect(deals.map((d) => [d.row, d.name])).toEqual([
    [5, 'Good'],
    [10, 'Good too'],
  ]);
  expect(problems).toEqual([
    { tab: 'Opportunities', row: 6, column: 'Stage', value: '"Pitch"', problem: `not a known stage (known: ${KNOWN})` },
    { tab: 'Opportunities', row: 7, column: 'Stage', value: 'blank', problem: 'the stage is blank' },
    { tab: 'Opportunities', row: 8, column: 'Value', value: '"tbd"', problem: 'not a number' },
    {
      tab: 'Opportunities',
      row: 8,
      column: 'Probability',
      value: '150',
      problem: 'not a probability between 0 and 100%',
    },
    { tab: 'Opportunities', row: 8, column: 'Expected Close', value: '"soon"', problem: 'not a date' },
    {
      tab: 'Opportunities',
      row: 8,
      column: 'Created',
      value: '"0026-03-01"',
      problem: 'not a date: the year 0026 is outside 1900-9999 (mistyped?)',
    },
    {
      tab: 'Opportunities',
      row: 9,
      column: 'Value',
      value: '10000000000000000',
      problem: 'too large: amounts must be within ±1e15',
    },
  ]);
});

test('a Deals tab without a Stage column: every non-blank row says so', () => {
  const cols = mapHeaders(['Deal', 'Value']);
  const { deals, problems } = parseDeals(
    [
      ['Acme', 5],
      ['', ''],
      ['Beta', 6],
    ],
    cols,
    table,
    ny,
  );
  expect(deals).toEqual([]);
  expect(problems.map((p) => [p.row, p.column, p.value, p.problem])).toEqual([
    [2, 'Stage', 'blank', 'the Deals tab has no Stage column'],
    [4, 'Stage', 'blank', 'the Deals tab has no Stage column'],
  ]);
});

test('cellsOf reads a known column of a raw row; a column the tab lacks reads blank', () => {
  const cells = cellsOf(['x', 5], mapHeaders(['Deal', 'Value']));
  expect([cells('deal'), cells('value'), cells('owner')]).toEqual(['x', 5, '']);
});

test('formatDataProblem: "<tab> row <n>: <column> <value> is <problem>"', () => {
  expect(formatDataProblem({ tab: 'Deals', row: 4, column: 'Value', value: '"tbd"', problem: 'not a number' })).toBe(
    'Deals row 4: Value "tbd" is not a number',
  );
});

describe('closed day and the DealSet', () => {
  const { deals } = parse(
    grid(
      {
        Stage: 'Proposal',
        Value: 100,
        Probability: 0.9,
        Created: '2026-01-01',
        'Stage Entered': '2026-02-01',
        'Expected Close': '2026-12-01',
      },
      {
        Stage: 'Closed Won',
        Value: 200,
        Created: '2026-01-01',
        'Stage Entered': '2026-03-01',
        'Expected Close': '2026-04-01',
      },
      { Stage: 'Closed Lost', Value: 300, 'Expected Close': '2026-05-01' },
    ),
  );

  test('closedDay: when it entered its closed stage, else its expected close', () => {
    expect(closedDay(deals[1]!)).toBe(dayNumber('2026-03-01'));
    expect(closedDay(deals[2]!)).toBe(dayNumber('2026-05-01'));
  });

  test('toDealSet: the same deals as columns; open deals have no closed day', () => {
    const set = toDealSet(deals, table);
    expect(set.size).toBe(3);
    expect([...set.stage]).toEqual([3, 5, 6]);
    expect([...set.value!]).toEqual([100, 200, 300]);
    expect([...set.override!]).toEqual([0.9, NaN, NaN]);
    expect([...set.created!]).toEqual([dayNumber('2026-01-01'), dayNumber('2026-01-01'), NaN]);
    expect([...set.closed!]).toEqual([NaN, dayNumber('2026-03-01'), dayNumber('2026-05-01')]);
    expect([...set.expectedClose!]).toEqual([
      dayNumber('2026-12-01'),
      dayNumber('2026-04-01'),
      dayNumber('2026-05-01'),
    ]);
  });
});

test('follow-up dates: an unreadable Next Step Due is a data problem, yet the deal still counts', () => {
  const { deals, problems } = parse(
    grid(
      { Deal: 'Acme', Stage: 'Proposal', Value: 10, 'Next Step': 'Send proposal', 'Next Step Due': 'next week' },
      { Deal: 'Beta', Stage: 'Proposal', Value: 20, 'Next Step Due': new Date(Date.UTC(2026, 11, 3, 5)) },
      { Deal: 'Gamma', Stage: 'Proposal', Value: 30, 'Expected Close': 'soon' },
    ),
  );
  expect(deals.map((d) => [d.name, d.nextStep, Number.isNaN(d.nextStepDue)])).toEqual([
    ['Acme', 'Send proposal', true],
    ['Beta', '', false],
  ]);
  expect(deals[1]?.nextStepDue).toBe(dayNumber('2026-12-03'));
  expect(problems.map((p) => [p.row, p.column, p.value])).toEqual([
    [2, 'Next Step Due', '"next week"'],
    [4, 'Expected Close', '"soon"'],
  ]);
});
