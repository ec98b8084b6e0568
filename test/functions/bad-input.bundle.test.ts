/**
 * Messy cells through the shipped bundle: numeric stage names, numbers near the double limit,
 * malformed signs, mistyped years, and text with a leading apostrophe. Every refusal names the
 * function (or tab), the row and the value; every accepted value is checked against a sum worked
 * out here.
 */
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { asColumn as col } from '../../fixtures/ranges';
import { summaryFigure } from '../helpers/summary-tab';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

describe('numeric stage names ("1", "2") are read the same way by custom functions and jobs', () => {
  const SETTINGS = [
    ['Stage', 'Win probability', 'Outcome', 'Stale after (days)', 'Entry requirements'],
    [1, 0.2, 'Open', '', ''],
    [2, 0.6, 'Open', '', ''],
    ['Won', 1, 'Won', '', ''],
    ['Lost', 0, 'Lost', '', ''],
  ];
  const TABLE = SETTINGS.map((r) => r.slice(0, 3));

  test('custom functions accept a stage cell holding the number 1 or the text "2"', () => {
    const emu = loadedEmulator();
    const values = col([100, 200, 300, 400, 500]);
    const stages = col([1, 2, '2', 'Won', 'Lost']);
    expect(emu.callCustomFunction('WEIGHTED_FORECAST', values, stages, TABLE)).toBeCloseTo(
      100 * 0.2 + 200 * 0.6 + 300 * 0.6 + 400,
    );
    expect(emu.callCustomFunction('PIPELINE_VALUE', values, stages, TABLE)).toBe(600);
    expect(emu.callCustomFunction('STAGE_PROBABILITY', 1, TABLE)).toBe(0.2);
    expect(emu.callCustomFunction('STAGE_PROBABILITY', col([2, '', 1]), TABLE)).toEqual([[0.6], [''], [0.2]]);
    // Reached 1: the four not lost; reached 2: the two in 2 and the won one.
    expect(emu.callCustomFunction('CONVERSION_RATE', stages, 1, 2, TABLE)).toBeCloseTo(3 / 4);
    expect(() => emu.callCustomFunction('PIPELINE_VALUE', col([1]), col([3]), TABLE)).toThrow(
      'PIPELINE_VALUE: row 1 of stages: 3 is not a known stage (known: 1, 2, Won, Lost)',
    );
  });

  test('the summary job and the functions agree on a Deals tab whose stages are numbers', () => {
    const emu = loadedEmulator();
    writeTab(emu, 'Pipeline Settings', SETTINGS);
    const deals = [
      { Deal: 'A', Owner: 'Ann', Company: 'C', Stage: 1, Value: 1000 },
      { Deal: 'B', Owner: 'Bob', Company: 'C', Stage: 2, Value: 2000 },
      { Deal: 'C', Owner: 'Bob', Company: 'C', Stage: 'Won', Value: 500 },
    ];
    writeTab(emu, 'Deals', [DEAL_HEADERS, ...deals.map(dealRow)]);
    emu.call('menuSetUpPipeline');
    emu.call('menuRefreshSummary');
    const expected = 1000 * 0.2 + 2000 * 0.6 + 500;
    expect(summaryFigure(emu, 'Weighted forecast')).toBeCloseTo(expected);
    expect(emu.callCustomFunction('WEIGHTED_FORECAST', col([1000, 2000, 500]), col([1, 2, 'Won']))).toBeCloseTo(
      expected,
    );
  });
});

describe('numbers near the largest double never give Infinity or NaN', () => {
  const TABLE = [
    ['Stage', 'Win probability', 'Outcome'],
    ['Lead', 0.5, 'Open'],
    ['Won', 1, 'Won'],
    ['Lost', 0, 'Lost'],
  ];

  test('each function refuses the cell, naming the row and the value', () => {
    const emu = loadedEmulator();
    const values = col([10, 1.7e308, 1.7e308]);
    const stages = col(['Lead', 'Lead', 'Won']);
    for (const name of ['WEIGHTED_FORECAST', 'PIPELINE_VALUE']) {
      expect(() => emu.callCustomFunction(name, values, stages, TABLE)).toThrow(
        `${name}: row 2 of values: 1.7e+308 is too large: amounts must be within ±1e15`,
      );
    }
    // AVERAGE_DEAL_SIZE reads won deals' values only: the won deal on row 3.
    expect(() => emu.callCustomFunction('AVERAGE_DEAL_SIZE', values, stages, TABLE)).toThrow(
      'AVERAGE_DEAL_SIZE: row 3 of values: 1.7e+308 is too large',
    );
    expect(() => emu.callCustomFunction('FUNNEL', stages, values, TABLE)).toThrow(
      'FUNNEL: row 2 of values: 1.7e+308 is too large',
    );
    expect(() => emu.callCustomFunction('PIPELINE_VALUE', col(['-1.7e308']), col(['Lead']), TABLE)).toThrow(
      'row 1 of values: "-1.7e308" is not a number',
    );
  });

  test('large but sane amounts still add up exactly', () => {
    const emu = loadedEmulator();
    expect(
      emu.callCustomFunction(
        'PIPELINE_VALUE',
        col([9e14, 9e14, '$1,000,000,000,000,000']),
        col(['Lead', 'Lead', 'Lead']),
        TABLE,
      ),
    ).toBe(2.8e15);
  });

  test('the summary job lists the cell under Data problems and keeps its figures finite', () => {
    const emu = loadedEmulator();
    writeTab(emu, 'Deals', [
      DEAL_HEADERS,
      dealRow({ Deal: 'Huge', Owner: 'A', Company: 'C', Stage: 'Proposal', Value: 1.7e308 }),
      dealRow({ Deal: 'Fine', Owner: 'A', Company: 'C', Stage: 'Proposal', Value: 1000 }),
      dealRow({ Deal: 'Also huge', Owner: 'A', Company: 'C', Stage: 'Proposal', Value: 1.7e308 }),
    ]);
    emu.call('menuSetUpPipeline');
    emu.call('menuRefreshSummary');
    const tab = readTab(emu, 'Pipeline Summary');
    expect(summaryFigure(emu, 'Pipeline value')).toBe(1000);
    expect(summaryFigure(emu, 'Weighted forecast')).toBe(500);
    expect(tab.flat().every((v) => typeof v !== 'number' || Number.isFinite(v))).toBe(true);
    expect(JSON.stringify(tab)).toMatch(/too large/);
  });
});

describe('money text with a malformed sign is refused, not guessed', () => {
  const TABLE = [
    ['Stage', 'Win probability'],
    ['Lead', 0.5],
    ['Won', 1],
    ['Lost', 0],
  ];
  test.each(['--5', '(5', '5)', '-(5)', '+-5', '$--5', '((5))'])('%s', (text) => {
    const emu = loadedEmulator();
    expect(() => emu.callCustomFunction('PIPELINE_VALUE', col([1, text]), col(['Lead', 'Lead']), TABLE)).toThrow(
      `PIPELINE_VALUE: row 2 of values: ${JSON.stringify(text)} is not a number`,
    );
  });
  test('well-formed signs and parentheses still read', () => {
    const emu = loadedEmulator();
    // -5 + -5 + -5 + 5 + -1200.5
    expect(
      emu.callCustomFunction(
        'PIPELINE_VALUE',
        col(['-5', '-$5', '$-5', '+5', '($1,200.50)']),
        col(['Lead', 'Lead', 'Lead', 'Lead', 'Lead']),
        TABLE,
      ),
    ).toBeCloseTo(-5 - 5 - 5 + 5 - 1200.5);
  });
});

test('a date typed as "0026-03-01" is refused with the year named, not read as 1926', () => {
  const emu = loadedEmulator();
  const TABLE = [
    ['Stage', 'Win probability'],
    ['Lead', 0.5],
    ['Won', 1],
    ['Lost', 0],
  ];
  expect(() =>
    emu.callCustomFunction(
      'FORECAST_BY_MONTH',
      col([1, 2]),
      col(['Lead', 'Lead']),
      col(['2026-03-01', '0026-03-01']),
      TABLE,
    ),
  ).toThrow(
    'FORECAST_BY_MONTH: row 2 of close_dates: "0026-03-01" is not a date: the year 0026 is outside 1900-9999 (mistyped?)',
  );
  expect(() =>
    emu.callCustomFunction('SALES_CYCLE_DAYS', col(['3/1/0026']), col(['2026-04-01']), col(['Won']), TABLE),
  ).toThrow('row 1 of created: "3/1/0026" is not a date: the year 0026');
});

test("a lost reason typed as 'quoted keeps its apostrophe in the cell", () => {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [
    DEAL_HEADERS,
    dealRow({ Deal: 'Acme', Owner: 'Ann', Company: 'C', Stage: 'Negotiation', Value: 100 }),
  ]);
  emu.call('menuSetUpPipeline');
  const r = emu.call('moveDeal', {
    dealId: 'D-0001',
    row: 2,
    expectedStage: 'Negotiation',
    toStage: 'Closed Lost',
    note: '',
    override: false,
    lostReason: "'quoted",
  }) as { ok: boolean; message: string };
  expect(r.ok).toBe(true);
  expect(readTab(emu, 'Deals')[1]?.[DEAL_HEADERS.indexOf('Lost Reason')]).toBe("'quoted");
  expect(readTab(emu, 'Deals')[1]?.[DEAL_HEADERS.indexOf('Stage')]).toBe('Closed Lost');
});
