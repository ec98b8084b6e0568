/** src/core/settings.ts: the stage table from the Pipeline Settings tab or a function argument; every problem names its cell. */
import { DEFAULT_STAGES } from '../../fixtures/stages';
import {
  defaultStageTable,
  DEFAULT_STAGE_ROWS,
  formatProblems,
  parseStageTable,
  SETTINGS_HEADERS,
} from '../../src/core/settings';

const TAB = { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true };
const ARG = { name: 'stage_table', requireClosedStages: false };
const CLOSED: (string | number)[][] = [
  ['Closed Won', 1, 'Won', '', ''],
  ['Closed Lost', 0, 'Lost', '', ''],
];

describe('settings', () => {
  test('the default stages parse without problems', () => {
    const p = parseStageTable([SETTINGS_HEADERS.slice(), ...DEFAULT_STAGE_ROWS], {
      name: 'Pipeline Settings',
      origin: { row: 1, column: 1 },
      requireClosedStages: true,
    });
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.outcome)).toEqual(['Open', 'Open', 'Open', 'Open', 'Open', 'Won', 'Lost']);
    expect(p.table.find(' proposal ')?.requirements.map((r) => r.label)).toEqual([
      'Budget',
      'Authority',
      'Need',
      'Timeline',
    ]);
  });

  test('every problem names its cell', () => {
    const rows = [
      SETTINGS_HEADERS.slice(),
      ['Lead', 150, 'Open', 14, ''],
      ['Lead', 0.2, 'Open', '', ''],
      ['', 0.3, 'Open', '', ''],
      ['Demo', 0.4, 'Maybe', 'soon', 'Budgett'],
      ['Done', 1, 'Won', '', ''],
    ];
    const p = parseStageTable(rows, {
      name: 'Pipeline Settings',
      origin: { row: 1, column: 1 },
      requireClosedStages: true,
    });
    const byCell = Object.fromEntries(p.problems.map((x) => [x.cell, x.message]));
    expect(byCell["'Pipeline Settings'!B2"]).toMatch(/win probability of "Lead" is 150/);
    expect(byCell["'Pipeline Settings'!A3"]).toMatch(/listed twice/);
    expect(byCell["'Pipeline Settings'!A4"]).toMatch(/blank/);
    expect(byCell["'Pipeline Settings'!C5"]).toMatch(/use Open, Won or Lost/);
    expect(byCell["'Pipeline Settings'!D5"]).toMatch(/whole number of days/);
    expect(byCell["'Pipeline Settings'!E5"]).toMatch(/unknown column "Budgett"/);
    expect(byCell['Pipeline Settings']).toMatch(/no stage has the outcome Lost/);
  });

  test('a function stage table without an Outcome column takes outcomes from the names', () => {
    const p = parseStageTable(
      [
        ['Prospecting', 0.1],
        ['Engaging', '50%'],
        ['Won', 1],
        ['Lost', 0],
      ],
      { name: 'stage_table', requireClosedStages: false },
    );
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.outcome)).toEqual(['Open', 'Open', 'Won', 'Lost']);
  });
});

describe('an open stage listed after a closed one is refused, naming its row and stage', () => {
  test('on the settings tab: the cell of the misplaced stage and the closed stage before it', () => {
    const rows = [
      SETTINGS_HEADERS.slice(),
      ['Lead', 0.1, 'Open', '', ''],
      ['Proposal', 0.5, 'Open', '', ''],
      ['Closed Won', 1, 'Won', '', ''],
      ['Closed Lost', 0, 'Lost', '', ''],
      ['Nurture', 0.05, 'Open', 30, ''],
    ];
    const { problems } = parseStageTable(rows, TAB);
    expect(problems).toEqual([
      {
        cell: "'Pipeline Settings'!A6",
        message:
          'open stage "Nurture" is listed after the Won stage "Closed Won" (\'Pipeline Settings\'!A4); list the open stages first, in pipeline order, then the Won and Lost stages',
      },
    ]);
  });

  test('every misplaced open stage is named, also between Won and Lost, and in a function argument', () => {
    const rows = [
      ['Lead', 0.1, 'Open'],
      ['Lost', 0, 'Lost'],
      ['Demo', 0.3, 'Open'],
      ['Won', 1, 'Won'],
      ['Recycle', 0.1, 'Open'],
    ];
    const { problems } = parseStageTable(rows, { name: 'stage_table', requireClosedStages: false });
    expect(problems.map((p) => p.cell)).toEqual(['row 3 of stage_table', 'row 5 of stage_table']);
    expect(problems[0]?.message).toMatch(
      /^open stage "Demo" is listed after the Lost stage "Lost" \(row 2 of stage_table\)/,
    );
    expect(problems[1]?.message).toMatch(/^open stage "Recycle" is listed after the Lost stage "Lost"/);
  });

  test('closed stages in either order after the open ones are fine, and so is a table with no closed stage', () => {
    expect(
      parseStageTable(
        [
          ['A', 0.1, 'Open'],
          ['B', 0.5, 'Open'],
          ['Lost', 0, 'Lost'],
          ['Won', 1, 'Won'],
        ],
        { name: 't', requireClosedStages: true },
      ).problems,
    ).toEqual([]);
    expect(
      parseStageTable(
        [
          ['A', 0.1],
          ['B', 0.5],
        ],
        { name: 't', requireClosedStages: false },
      ).problems,
    ).toEqual([]);
  });

  test('outcomes taken from the names (no Outcome column) follow the same rule', () => {
    const { problems } = parseStageTable(
      [
        ['Stage', 'Win probability'],
        ['Lead', 0.1],
        ['Deal won', 1],
        ['Follow-up', 0.2],
      ],
      { name: 'stage_table', requireClosedStages: false },
    );
    expect(problems.map((p) => p.cell)).toEqual(['row 4 of stage_table']);
  });
});

describe('reading the cells', () => {
  test('headers are found by alias in any order; without a header the columns are positional', () => {
    const aliased = parseStageTable(
      [
        ['Criteria', 'Stale days', 'Type', 'Stage name', 'Win probability %'],
        ['Budget', 5, 'open', 'Demo', 0.4],
        ['', '', 'WIN', 'Signed', 1],
        ['', '', 'lose', 'Gone', 0],
      ],
      TAB,
    );
    expect(aliased.problems).toEqual([]);
    expect(
      aliased.table.stages.map((s) => [
        s.name,
        s.index,
        s.probability,
        s.outcome,
        s.staleAfter,
        s.requirements.map((r) => r.label),
      ]),
    ).toEqual([
      ['Demo', 0, 0.4, 'Open', 5, ['Budget']],
      ['Signed', 1, 1, 'Won', null, []],
      ['Gone', 2, 0, 'Lost', null, []],
    ]);
    const positional = parseStageTable([['Demo', '40%', 'Open', '5', 'Need'], ...CLOSED], TAB);
    expect(positional.problems).toEqual([]);
    expect(positional.table.stages[0]).toMatchObject({
      name: 'Demo',
      probability: 0.4,
      outcome: 'Open',
      staleAfter: 5,
    });
  });

  test('a probability may be a fraction, a percentage or percent text', () => {
    const p = parseStageTable(
      [
        ['A', 0.35, 'Open'],
        ['B', 35, 'Open'],
        ['C', '35%', 'Open'],
        ['D', ' 0.35 ', 'Open'],
        ['E', 0, 'Open'],
        ['F', 1, 'Open'],
      ],
      ARG,
    );
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.probability)).toEqual([0.35, 0.35, 0.35, 0.35, 0, 1]);
  });

  test('a bad probability is named with its value; the stage is kept with probability 0 so later rows still parse', () => {
    const p = parseStageTable([['Demo', 'high', 'Open', '', ''], ['Next', 0.5, 'Open', '', ''], ...CLOSED], TAB);
    expect(p.problems).toEqual([
      { cell: "'Pipeline Settings'!B1", message: 'win probability of "Demo" is "high"; use 0-100% (e.g. 35% or 0.35)' },
    ]);
    expect(p.table.stages.map((s) => [s.name, s.probability])).toEqual([
      ['Demo', 0],
      ['Next', 0.5],
      ['Closed Won', 1],
      ['Closed Lost', 0],
    ]);
  });

  test('Stale after: a whole number of days, 1 or more, or blank; ignored on closed stages', () => {
    const p = parseStageTable(
      [
        ['A', 0.1, 'Open', '7', ''],
        ['B', 0.1, 'Open', '', ''],
        ['Closed Won', 1, 'Won', 30, ''],
        ['Closed Lost', 0, 'Lost', '', ''],
      ],
      TAB,
    );
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.staleAfter)).toEqual([7, null, null, null]);
    for (const bad of [0, 1.5, -3, 'soon']) {
      const q = parseStageTable([['A', 0.1, 'Open', bad, ''], ...CLOSED], TAB);
      const shown = typeof bad === 'string' ? `"${bad}"` : String(bad);
      expect(q.problems).toEqual([
        {
          cell: "'Pipeline Settings'!D1",
          message: `stale after for "A" is ${shown}; use a whole number of days (1 or more), or leave it blank`,
        },
      ]);
    }
  });

  test('a requirement problem names the stage; blank rows are skipped; names are compared without case or spaces', () => {
    const p = parseStageTable(
      [['Demo', 0.4, 'Open', '', 'Value > lots'], ['', '', '', '', ''], [' demo ', 0.5, 'Open', '', ''], ...CLOSED],
      TAB,
    );
    expect(p.problems).toEqual([
      { cell: "'Pipeline Settings'!E1", message: '"lots" is not a number in requirement "Value > lots" for "Demo"' },
      { cell: "'Pipeline Settings'!A3", message: 'stage "demo" is listed twice (first at \'Pipeline Settings\'!A1)' },
    ]);
  });

  test('cells are named from the grid origin: a table starting at C5', () => {
    const p = parseStageTable([SETTINGS_HEADERS.slice(), ['A', 150, 'Open', '', '']], {
      name: 'Setup',
      origin: { row: 5, column: 3 },
      requireClosedStages: false,
    });
    // Header at row 5; the stage on row 6; Win probability is the second column from C, so D.
    expect(p.problems).toEqual([
      { cell: "'Setup'!D6", message: 'win probability of "A" is 150; use 0-100% (e.g. 35% or 0.35)' },
    ]);
  });

  test('whole-table problems: no stages, no Open stage, no Won or Lost stage on the tab', () => {
    expect(parseStageTable([], TAB).problems).toEqual([{ cell: 'Pipeline Settings', message: 'no stages are listed' }]);
    expect(parseStageTable([SETTINGS_HEADERS.slice()], TAB).problems).toEqual([
      { cell: 'Pipeline Settings', message: 'no stages are listed' },
    ]);
    expect(parseStageTable(CLOSED, TAB).problems).toEqual([
      { cell: 'Pipeline Settings', message: 'no stage has the outcome Open' },
    ]);
    expect(parseStageTable([['A', 0.1, 'Open', '', '']], TAB).problems.map((p) => p.message)).toEqual([
      'no stage has the outcome Won',
      'no stage has the outcome Lost',
    ]);
    expect(parseStageTable([['A', 0.1, 'Open', '', '']], ARG).problems).toEqual([]);
  });
});

describe('the default table', () => {
  test('matches the table of DOMAIN.md, stage by stage, and is built once', () => {
    const t = defaultStageTable();
    expect(defaultStageTable()).toBe(t);
    expect(
      t.stages.map((s) => [
        s.name,
        s.probability,
        s.outcome,
        s.staleAfter,
        s.requirements.map((r) => r.label).join(', '),
      ]),
    ).toEqual(DEFAULT_STAGES.map((s) => [s.name, s.probability, s.outcome, s.staleAfter, s.requirements]));
    expect(DEFAULT_STAGE_ROWS.map((r) => r[0])).toEqual(DEFAULT_STAGES.map((s) => s.name));
    expect([...SETTINGS_HEADERS]).toEqual([
      'Stage',
      'Win probability',
      'Outcome',
      'Stale after (days)',
      'Entry requirements',
      'Next step required',
      'Clean up after (days)',
      'Color',
    ]);
  });

  test('follow-up, cleanup and color columns: read, defaulted when absent, errors name the cell', () => {
    const grid = [
      SETTINGS_HEADERS.slice(),
      ['Lead', 0.1, 'Open', 14, '', '', '', ''],
      ['Demo', 0.4, 'Open', 7, '', 'yes', 30, '#ABC'],
      ['Won', 1, 'Won', '', '', true, 20, '#009E73'],
      ['Lost', 0, 'Lost', '', '', 'No', '', ''],
    ];
    const p = parseStageTable(grid, TAB);
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => [s.nextStepRequired, s.cleanupAfter, s.color])).toEqual([
      [false, null, null],
      [true, 30, '#aabbcc'],
      // closed stages never need a next step and are never cleaned up
      [false, null, '#009e73'],
      [false, null, null],
    ]);
    const old = parseStageTable(
      [
        SETTINGS_HEADERS.slice(0, 5),
        ['Lead', 0.1, 'Open', 14, ''],
        ['Won', 1, 'Won', '', ''],
        ['Lost', 0, 'Lost', '', ''],
      ],
      TAB,
    );
    expect(old.problems).toEqual([]);
    expect(old.table.stages[0]).toMatchObject({ nextStepRequired: false, cleanupAfter: null, color: null });
    const bad = parseStageTable(
      [
        SETTINGS_HEADERS.slice(),
        ['Lead', 0.1, 'Open', 14, '', 'maybe', 2.5, 'blue-ish'],
        ['Won', 1, 'Won', '', ''],
        ['Lost', 0, 'Lost', '', ''],
      ],
      TAB,
    );
    expect(bad.problems.map((q) => q.cell)).toEqual([
      "'Pipeline Settings'!F2",
      "'Pipeline Settings'!G2",
      "'Pipeline Settings'!H2",
    ]);
    expect(bad.problems[0]?.message).toContain('"maybe"');
    expect(bad.problems[2]?.message).toContain('"blue-ish"');
  });

  test('formatProblems: one "cell: message" line each', () => {
    expect(
      formatProblems([
        { cell: 'A1', message: 'x' },
        { cell: 'Pipeline Settings', message: 'y' },
      ]),
    ).toBe('A1: x\nPipeline Settings: y');
    expect(formatProblems([])).toBe('');
  });
});
