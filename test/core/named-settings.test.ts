/** src/core/named-settings.ts: the Setting | Value table, its defaults and its problems. */
import { missingNamedSettings, NumberSetting, parseNamedSettings } from '../../src/core/named-settings';

const DAYS: NumberSetting = {
  label: 'Archive after (days)',
  defaultValue: 90,
  min: 1,
  max: 3650,
  integer: true,
  help: 'Closed deals older than this move to Archive.',
};
const WEIGHT: NumberSetting = {
  label: 'Priority: value weight',
  defaultValue: 0.4,
  min: 0,
  max: 1,
  integer: false,
  help: '',
};
const SPECS = [DAYS, WEIGHT];
const ORIGIN = { row: 1, column: 10 };

describe('parseNamedSettings', () => {
  test('reads values by label (case and punctuation folded), defaults for blank or missing rows', () => {
    const s = parseNamedSettings(
      [
        ['Setting', 'Value'],
        ['archive AFTER days', 30],
        ['Priority: value weight', ''],
      ],
      ORIGIN,
      'Pipeline Settings',
      SPECS,
    );
    expect(s.problems).toEqual([]);
    expect(s.value(DAYS)).toBe(30);
    expect(s.value(WEIGHT)).toBe(0.4);
    expect(parseNamedSettings([], ORIGIN, 'Pipeline Settings', SPECS).value(DAYS)).toBe(90);
  });

  test('an unreadable or out-of-range value names its cell and value, and the default applies', () => {
    const s = parseNamedSettings(
      [
        ['Setting', 'Value'],
        ['Archive after (days)', 'soon'],
        ['Priority: value weight', 1.5],
      ],
      ORIGIN,
      'Pipeline Settings',
      SPECS,
    );
    expect(s.problems.map((p) => p.cell)).toEqual(["'Pipeline Settings'!K2", "'Pipeline Settings'!K3"]);
    expect(s.problems[0]?.message).toContain('"soon"');
    expect(s.problems[1]?.message).toContain('1.5');
    expect(s.value(DAYS)).toBe(90);
    expect(s.value(WEIGHT)).toBe(0.4);
    const fraction = parseNamedSettings([['Archive after (days)', 2.5]], ORIGIN, 'S', SPECS);
    expect(fraction.problems[0]?.message).toContain('whole number');
  });

  test('missingNamedSettings lists only the settings a grid lacks, with default and help', () => {
    expect(
      missingNamedSettings(
        [
          ['Setting', 'Value'],
          ['ARCHIVE after (days)', 7],
        ],
        SPECS,
      ),
    ).toEqual([['Priority: value weight', 0.4, '']]);
    expect(missingNamedSettings([], SPECS)).toHaveLength(2);
  });
});
