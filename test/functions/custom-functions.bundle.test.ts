/** Every custom function called through the built dist/Code.js, with arguments shaped as Sheets shapes them. */
import { Emulator } from '../../emulator';
import { DEFAULT_STAGE_ROWS, SETTINGS_HEADERS } from '../../src/core/settings';
import { asColumn as col } from '../../fixtures/ranges';
import { midnightIn } from '../helpers/date-cells';
import { loadedEmulator, writeTab } from '../helpers/workbook';

const TABLE = [
  ['Stage', 'Win probability', 'Outcome'],
  ['Lead', 0.1, 'Open'],
  ['Proposal', '50%', 'Open'],
  ['Negotiation', 75, 'Open'],
  ['Won', 1, 'Won'],
  ['Lost', 0, 'Lost'],
];
const ZONE = 'America/New_York';
/** A date cell as Sheets passes it to a custom function: midnight in the spreadsheet's zone. */
const d = (iso: string): Date => midnightIn(iso, ZONE);

let emu: Emulator;
const fn = (name: string, ...args: unknown[]): unknown => emu.callCustomFunction(name, ...args);
beforeEach(() => {
  emu = loadedEmulator({ timeZone: ZONE });
  emu.counter.reset();
});

describe('with a stage_table argument', () => {
  const values = col([1000, '$2,000', '', 4000, 5000, 600]);
  const stages = col(['Lead', 'Proposal', 'Negotiation', 'Won', 'Lost', 'won']);

  test('WEIGHTED_FORECAST weighs by stage, won 100%, lost 0%, blank value counts as 0', () => {
    expect(fn('WEIGHTED_FORECAST', values, stages, TABLE)).toBeCloseTo(1000 * 0.1 + 2000 * 0.5 + 0 + 4000 + 0 + 600);
  });

  test('WEIGHTED_FORECAST uses the per-deal override where filled', () => {
    expect(fn('WEIGHTED_FORECAST', values, stages, TABLE, col([0.5, '', '', 0.2, 0.9, '']))).toBeCloseTo(
      500 + 1000 + 4000 + 600,
    );
  });

  test('PIPELINE_VALUE, WIN_RATE, AVERAGE_DEAL_SIZE', () => {
    expect(fn('PIPELINE_VALUE', values, stages, TABLE)).toBe(3000);
    expect(fn('WIN_RATE', stages, TABLE)).toBeCloseTo(2 / 3);
    expect(fn('AVERAGE_DEAL_SIZE', values, stages, TABLE)).toBe(2300);
  });

  test('single rows work like single columns', () => {
    expect(fn('PIPELINE_VALUE', [[1000, 2000]], [['Lead', 'Proposal']], TABLE)).toBe(3000);
  });

  test('a 1x1 range arrives as a scalar', () => {
    expect(fn('WEIGHTED_FORECAST', 1000, 'Proposal', TABLE)).toBe(500);
    expect(fn('STAGE_PROBABILITY', 'Negotiation', TABLE)).toBe(0.75);
    expect(fn('STAGE_PROBABILITY', [['Lead'], [''], ['Won']], TABLE)).toEqual([[0.1], [''], [1]]);
  });

  test('SALES_CYCLE_DAYS and SALES_VELOCITY', () => {
    const created = col([d('2026-01-01'), '', '', d('2026-01-01'), '', '2026-02-01']);
    const closed = col(['', '', '', d('2026-01-31'), '', '3/3/2026']);
    expect(fn('SALES_CYCLE_DAYS', created, closed, stages, TABLE)).toBe(30);
    // 3 open x 2/3 win rate x 2300 avg / 30 days
    expect(fn('SALES_VELOCITY', values, stages, created, closed, TABLE)).toBeCloseTo((3 * (2 / 3) * 2300) / 30);
  });

  test('CONVERSION_RATE and FUNNEL by the reached-stage rule', () => {
    const s = col(['Lead', 'Lead', 'Proposal', 'Negotiation', 'Won', 'Lost']);
    // reached Lead: 5 (lost without history reached none); Proposal: 3; Negotiation: 2; Won: 1
    expect(fn('CONVERSION_RATE', s, 'Lead', 'Proposal', TABLE)).toBeCloseTo(3 / 5);
    const table = fn('FUNNEL', s, col([1, 2, 3, 4, 5, 6]), TABLE) as unknown[][];
    expect(table[0]).toEqual(['Stage', 'Deals reached', 'Value', 'Weighted value', 'Conversion to next']);
    expect(table.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Lead', 5, 15],
      ['Proposal', 3, 12],
      ['Negotiation', 2, 9],
      ['Won', 1, 5],
    ]);
    expect(table[1]?.[4]).toBeCloseTo(3 / 5);
    expect(table[4]?.[4]).toBe('');
  });

  test('FORECAST_BY_MONTH: every month between, no close date row, lost deals left out', () => {
    const out = fn(
      'FORECAST_BY_MONTH',
      col([100, 200, 300, 400, 500]),
      col(['Lead', 'Proposal', 'Won', 'Lost', 'Negotiation']),
      col([d('2026-01-15'), d('2026-03-02'), d('2026-03-20'), d('2026-02-01'), ''] as unknown[]),
      TABLE,
    ) as unknown[][];
    expect(out).toEqual([
      ['Month', 'Deals', 'Pipeline', 'Weighted', 'Won'],
      ['2026-01', 1, 100, 10, 0],
      ['2026-02', 0, 0, 0, 0],
      ['2026-03', 2, 200, 400, 300],
      ['No close date', 1, 500, 375, 0],
    ]);
  });

  test('FORECAST_BY_MONTH with months: an Overdue row and N months from this one', () => {
    // The emulator's clock is 2026-11-23.
    const out = fn(
      'FORECAST_BY_MONTH',
      col([100, 200, 300]),
      col(['Lead', 'Lead', 'Lead']),
      col([d('2026-09-15'), d('2026-11-30'), d('2027-06-01')]),
      TABLE,
      2,
    ) as unknown[][];
    expect(out.map((r) => r[0])).toEqual(['Month', 'Overdue', '2026-11', '2026-12']);
  });

  test('makes no Apps Script service call at all', () => {
    fn('WEIGHTED_FORECAST', values, stages, TABLE);
    fn('FUNNEL', stages, values, TABLE);
    expect(emu.counter.total()).toBe(0);
  });
});

describe('without a stage_table argument', () => {
  test('uses the default stages when there is no settings tab', () => {
    expect(fn('STAGE_PROBABILITY', 'Proposal')).toBe(0.5);
  });

  test('reads the Pipeline Settings tab once when there is one', () => {
    writeTab(emu, 'Pipeline Settings', [
      SETTINGS_HEADERS.slice(),
      ...DEFAULT_STAGE_ROWS.map((r, i) => (i === 3 ? ['Proposal', 0.6, 'Open', 10, ''] : r)),
    ]);
    emu.counter.reset();
    expect(fn('WEIGHTED_FORECAST', col([1000]), col(['Proposal']))).toBe(600);
    expect(emu.counter.get('Range.getValues')).toBe(1);
  });
});

describe('bad input gets an error naming the function, argument, row and value', () => {
  const t = (name: string, args: unknown[], message: string | RegExp): void => {
    expect(() => fn(name, ...args)).toThrow(message);
  };
  test('unreadable numbers, unknown stages, blank stages', () => {
    t(
      'WEIGHTED_FORECAST',
      [col([1, 2, 'tbd']), col(['Lead', 'Lead', 'Lead']), TABLE],
      'WEIGHTED_FORECAST: row 3 of values: "tbd" is not a number',
    );
    t(
      'PIPELINE_VALUE',
      [col([1, 2]), col(['Lead', 'Pitch']), TABLE],
      'PIPELINE_VALUE: row 2 of stages: "Pitch" is not a known stage (known: Lead, Proposal, Negotiation, Won, Lost)',
    );
    t('PIPELINE_VALUE', [col([1, 2]), col(['Lead', '']), TABLE], 'PIPELINE_VALUE: row 2 of stages: the stage is blank');
  });
  test('ranges of different heights, 2-D ranges, bad probabilities and dates', () => {
    t(
      'WEIGHTED_FORECAST',
      [col([1, 2, 3]), col(['Lead', 'Lead']), TABLE],
      'WEIGHTED_FORECAST: values has 3 rows but stages has 2',
    );
    t(
      'WEIGHTED_FORECAST',
      [
        [
          [1, 2],
          [3, 4],
        ],
        col(['Lead', 'Lead']),
        TABLE,
      ],
      'values must be a single column or a single row (got 2 rows x 2 columns)',
    );
    t(
      'WEIGHTED_FORECAST',
      [col([1]), col(['Lead']), TABLE, col(['150%'])],
      'WEIGHTED_FORECAST: row 1 of probabilities: "150%" is not a probability between 0 and 100%',
    );
    t(
      'SALES_CYCLE_DAYS',
      [col(['soon']), col([d('2026-01-01')]), col(['Won']), TABLE],
      'SALES_CYCLE_DAYS: row 1 of created: "soon" is not a date',
    );
    t(
      'SALES_CYCLE_DAYS',
      [col([d('2026-02-01')]), col([d('2026-01-01')]), col(['Won']), TABLE],
      /row 1 of closed: 2026-01-01 is before the deal was created/,
    );
  });
  test('an invalid stage table', () => {
    t(
      'WIN_RATE',
      [
        col(['Lead']),
        [
          ['Lead', 0.1],
          ['Lead', 0.2],
        ],
      ],
      /WIN_RATE: stage_table: row 2 of stage_table: stage "Lead" is listed twice/,
    );
    t('WIN_RATE', [col(['Lead']), [['Lead', 'high']]], /win probability of "Lead" is "high"/);
  });
  test('nothing to divide by gets a clear message, never NaN or Infinity', () => {
    t(
      'WIN_RATE',
      [col(['Lead', 'Proposal']), TABLE],
      'WIN_RATE: no closed deals (won or lost) to compute a win rate from',
    );
    t('AVERAGE_DEAL_SIZE', [col([1]), col(['Lost']), TABLE], 'AVERAGE_DEAL_SIZE: no won deals to average');
    t('CONVERSION_RATE', [col(['Lost']), 'Lead', 'Proposal', TABLE], /no deal reached "Lead"/);
    t('CONVERSION_RATE', [col(['Lead']), 'Proposal', 'Lead', TABLE], /must come after/);
    t('SALES_VELOCITY', [col([1]), col(['Lead']), col(['']), col(['']), TABLE], /no closed deals/);
    t('FORECAST_BY_MONTH', [col([1]), col(['Lead']), col([d('2026-01-01')]), TABLE, 0], /whole number from 1 to 240/);
  });
});

describe('FORECAST_BY_MONTH as_of: results relative to a given date, not the cached day of the last recalculation', () => {
  const values = col([100, 200, 300, 400]);
  const stages = col(['Lead', 'Proposal', 'Won', 'Lead']);
  const close = col([d('2026-02-10'), d('2026-03-31'), d('2026-02-20'), d('2026-05-01')]);

  test('months and Overdue count from as_of (text, a date cell or a serial), whatever the clock says', () => {
    // Independent expectation for as_of in March 2026, 3 months: Overdue holds the open February
    // deal (100, 10% -> 10); the won February deal is before the window; March: 200 at 50%; May: 400 at 10%.
    const expected = [
      ['Month', 'Deals', 'Pipeline', 'Weighted', 'Won'],
      ['Overdue', 1, 100, 10, 0],
      ['2026-03', 1, 200, 100, 0],
      ['2026-04', 0, 0, 0, 0],
      ['2026-05', 1, 400, 40, 0],
    ];
    expect(fn('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, '2026-03-15')).toEqual(expected);
    expect(fn('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, d('2026-03-01'))).toEqual(expected);
    expect(fn('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, 46_097)).toEqual(expected); // serial of 2026-03-16
    const later = loadedEmulator({ timeZone: ZONE, now: Date.UTC(2031, 6, 1) });
    expect(later.callCustomFunction('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, [[d('2026-03-31')]])).toEqual(
      expected,
    );
  });

  test('a bad as_of, or as_of without months, is an error naming it', () => {
    expect(() => fn('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, 'soon')).toThrow(
      'FORECAST_BY_MONTH: as_of "soon" is not a date',
    );
    expect(() => fn('FORECAST_BY_MONTH', values, stages, close, TABLE, 3, [['2026-03-01'], ['2026-04-01']])).toThrow(
      'FORECAST_BY_MONTH: as_of must be a single date',
    );
    expect(() => fn('FORECAST_BY_MONTH', values, stages, close, TABLE, '', '2026-03-01')).toThrow(
      'FORECAST_BY_MONTH: as_of needs months',
    );
  });
});

describe('cells are read where they enter the result', () => {
  test('each function reads the values it sums: an open deal\'s "tbd" value does not stop AVERAGE_DEAL_SIZE, a lost deal\'s none', () => {
    const stages = col(['Lead', 'Won', 'Lost', 'Won']);
    const values = col(['tbd', 1000, 'n/a', 3000]);
    expect(fn('AVERAGE_DEAL_SIZE', values, stages, TABLE)).toBe(2000);
    expect(() => fn('PIPELINE_VALUE', values, stages, TABLE)).toThrow(
      'PIPELINE_VALUE: row 1 of values: "tbd" is not a number',
    );
    expect(fn('PIPELINE_VALUE', col([500, 'tbd', 'n/a', '']), stages, TABLE)).toBe(500);
    // Won deals weigh 100%, lost 0%: a lost deal's value and a won deal's own probability are not read.
    expect(fn('WEIGHTED_FORECAST', col([1000, 2000, 'n/a', 0]), stages, TABLE, col([0.5, 'high', '', '']))).toBe(
      500 + 2000,
    );
    expect(() => fn('WEIGHTED_FORECAST', col([1000]), col(['Lead']), TABLE, col(['high']))).toThrow(
      'WEIGHTED_FORECAST: row 1 of probabilities: "high" is not a probability',
    );
    const funnel = fn('FUNNEL', stages, col([100, 200, 'n/a', 400]), TABLE) as unknown[][];
    expect(funnel[1]?.slice(0, 3)).toEqual(['Lead', 3, 700]);
  });

  test('SALES_CYCLE_DAYS and SALES_VELOCITY read only won deals\' dates: an open deal\'s "Q3" does not stop them', () => {
    const stages = col(['Lead', 'Won', 'Lost', 'Won']);
    const created = col(['Q3', '2026-01-01', 'n/a', '2026-02-01']);
    const closed = col(['tbd', '2026-01-31', '', '2026-03-03']);
    // Won deals: 30 and 30 days.
    expect(fn('SALES_CYCLE_DAYS', created, closed, stages, TABLE)).toBe(30);
    // 1 open x 2/3 win rate x (200 + 400) / 2 average / 30 days
    expect(fn('SALES_VELOCITY', col([100, 200, 300, 400]), stages, created, closed, TABLE)).toBeCloseTo(
      (1 * (2 / 3) * 300) / 30,
    );
    // A won deal's date is still checked, naming the cell.
    expect(() =>
      fn('SALES_CYCLE_DAYS', col(['2026-01-01', 'Q3']), col(['2026-02-01', '2026-03-01']), col(['Won', 'Won']), TABLE),
    ).toThrow('SALES_CYCLE_DAYS: row 2 of created: "Q3" is not a date');
  });

  test("FORECAST_BY_MONTH reads open and won deals' close dates, not lost ones'", () => {
    const out = fn(
      'FORECAST_BY_MONTH',
      col([100, 200]),
      col(['Lead', 'Lost']),
      col([d('2026-03-05'), 'never']),
      TABLE,
    ) as unknown[][];
    expect(out).toEqual([
      ['Month', 'Deals', 'Pipeline', 'Weighted', 'Won'],
      ['2026-03', 1, 100, 10, 0],
    ]);
    expect(() =>
      fn('FORECAST_BY_MONTH', col([100, 200]), col(['Lead', 'Lead']), col([d('2026-03-05'), 'soon']), TABLE),
    ).toThrow('FORECAST_BY_MONTH: row 2 of close_dates: "soon" is not a date');
  });

  test('a row with a blank stage but a date is still refused (a deal must have a stage)', () => {
    expect(() =>
      fn('SALES_CYCLE_DAYS', col(['2026-01-01', '']), col(['2026-02-01', '2026-03-01']), col(['Won', '']), TABLE),
    ).toThrow('SALES_CYCLE_DAYS: row 2 of stages: the stage is blank');
    expect(() =>
      fn('FORECAST_BY_MONTH', col([1, '']), col(['Lead', '']), col([d('2026-03-05'), d('2026-04-01')]), TABLE),
    ).toThrow('FORECAST_BY_MONTH: row 2 of stages: the stage is blank');
  });
});
