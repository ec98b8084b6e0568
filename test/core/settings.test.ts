/** src/core/settings.ts: the stage table's order rule (open stages first, then Won and Lost). */
import { parseStageTable, SETTINGS_HEADERS } from '../../src/core/settings';

const TAB = { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true };

describe('an open stage listed after a closed one is refused, naming its row and stage', () => {
  test('on the settings tab: the cell of the misplaced stage and the closed stage before it', () => {
    const rows = [SETTINGS_HEADERS.slice(), ['Lead', 0.1, 'Open', '', ''], ['Proposal', 0.5, 'Open', '', ''], ['Closed Won', 1, 'Won', '', ''], ['Closed Lost', 0, 'Lost', '', ''], ['Nurture', 0.05, 'Open', 30, '']];
    const { problems } = parseStageTable(rows, TAB);
    expect(problems).toEqual([{
      cell: "'Pipeline Settings'!A6",
      message: 'open stage "Nurture" is listed after the Won stage "Closed Won" (\'Pipeline Settings\'!A4); list the open stages first, in pipeline order, then the Won and Lost stages',
    }]);
  });

  test('every misplaced open stage is named, also between Won and Lost, and in a function argument', () => {
    const rows = [['Lead', 0.1, 'Open'], ['Lost', 0, 'Lost'], ['Demo', 0.3, 'Open'], ['Won', 1, 'Won'], ['Recycle', 0.1, 'Open']];
    const { problems } = parseStageTable(rows, { name: 'stage_table', requireClosedStages: false });
    expect(problems.map((p) => p.cell)).toEqual(['row 3 of stage_table', 'row 5 of stage_table']);
    expect(problems[0]?.message).toMatch(/^open stage "Demo" is listed after the Lost stage "Lost" \(row 2 of stage_table\)/);
    expect(problems[1]?.message).toMatch(/^open stage "Recycle" is listed after the Lost stage "Lost"/);
  });

  test('closed stages in either order after the open ones are fine, and so is a table with no closed stage', () => {
    expect(parseStageTable([['A', 0.1, 'Open'], ['B', 0.5, 'Open'], ['Lost', 0, 'Lost'], ['Won', 1, 'Won']], { name: 't', requireClosedStages: true }).problems).toEqual([]);
    expect(parseStageTable([['A', 0.1], ['B', 0.5]], { name: 't', requireClosedStages: false }).problems).toEqual([]);
  });

  test('outcomes taken from the names (no Outcome column) follow the same rule', () => {
    const { problems } = parseStageTable([['Stage', 'Win probability'], ['Lead', 0.1], ['Deal won', 1], ['Follow-up', 0.2]], { name: 'stage_table', requireClosedStages: false });
    expect(problems.map((p) => p.cell)).toEqual(['row 4 of stage_table']);
  });
});
