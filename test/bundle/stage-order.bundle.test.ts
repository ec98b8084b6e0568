/**
 * An open stage listed after the closed ones must never count as having reached Won: the functions
 * and Check settings in the shipped bundle refuse that order, naming the row and the stage.
 */
import { DEFAULT_STAGE_ROWS, SETTINGS_HEADERS } from '../../src/core/settings';
import { asColumn as col } from '../../fixtures/ranges';
import { loadedEmulator, writeTab } from '../helpers/workbook';

const MISORDERED = [
  ['Stage', 'Win probability', 'Outcome'],
  ['Lead', 0.1, 'Open'],
  ['Won', 1, 'Won'],
  ['Lost', 0, 'Lost'],
  ['Nurture', 0.05, 'Open'],
];
const stages = col(['Lead', 'Nurture', 'Nurture', 'Won', 'Lost']);

test('FUNNEL and CONVERSION_RATE refuse a stage_table with an open stage after the closed ones', () => {
  const emu = loadedEmulator();
  const message =
    'stage_table: row 5 of stage_table: open stage "Nurture" is listed after the Won stage "Won" (row 3 of stage_table)';
  expect(() => emu.callCustomFunction('FUNNEL', stages, col([1, 2, 3, 4, 5]), MISORDERED)).toThrow(
    `FUNNEL: ${message}`,
  );
  expect(() => emu.callCustomFunction('CONVERSION_RATE', stages, 'Lead', 'Won', MISORDERED)).toThrow(
    `CONVERSION_RATE: ${message}`,
  );
});

test('without the misplaced stage, Nurture deals are not counted as won: a correctly ordered table gives the rule', () => {
  const emu = loadedEmulator();
  const ordered = [MISORDERED[0], MISORDERED[1], MISORDERED[4], MISORDERED[2], MISORDERED[3]];
  // Reached Lead: every deal but the lost one (4); reached Won: the won deal only (1).
  expect(emu.callCustomFunction('CONVERSION_RATE', stages, 'Lead', 'Won', ordered)).toBeCloseTo(1 / 4);
});

test('Check settings names the row and the stage', () => {
  const emu = loadedEmulator();
  const rows = [SETTINGS_HEADERS.slice(), ...DEFAULT_STAGE_ROWS, ['Nurture', 0.05, 'Open', 30, '']];
  writeTab(emu, 'Pipeline Settings', rows);
  emu.call('menuCheckSettings');
  const shown = emu.ui.alerts.map((a) => `${a.title} ${a.prompt}`).join('\n');
  expect(shown).toContain(
    `'Pipeline Settings'!A9: open stage "Nurture" is listed after the Won stage "Closed Won" ('Pipeline Settings'!A7)`,
  );
});
