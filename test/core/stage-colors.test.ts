/** src/core/stage-colors.ts: a stage's color (settings, else the Okabe-Ito palette by position) and a readable text color. */
import { DEFAULT_STAGE_ROWS, parseStageTable, SETTINGS_HEADERS } from '../../src/core/settings';
import {
  contrastRatio,
  LOST_COLOR,
  OPEN_PALETTE,
  readableTextColor,
  stageColor,
  stageColors,
  WON_COLOR,
} from '../../src/core/stage-colors';

const TAB = { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true };
const table = (rows: (string | number)[][]) => {
  const p = parseStageTable([SETTINGS_HEADERS.slice(), ...rows], TAB);
  expect(p.problems).toEqual([]);
  return p.table;
};
/** The default rows with every Color cell blank. */
const blankColors = (): (string | number)[][] => DEFAULT_STAGE_ROWS.map((r) => [...r.slice(0, 7), '']);

/** WCAG 2 contrast worked independently: sRGB channel -> linear, weighted sum, (L1 + .05) / (L2 + .05). */
function wcag(a: string, b: string): number {
  const lum = (hex: string): number => {
    const ch = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const lin = ch.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * (lin[0] as number) + 0.7152 * (lin[1] as number) + 0.0722 * (lin[2] as number);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('stage colors', () => {
  test('the default rows carry exactly the palette colors by position, so a blank Color cell shows the default', () => {
    const typed = stageColors(table(DEFAULT_STAGE_ROWS)).map((c) => c.background);
    const blank = stageColors(table(blankColors())).map((c) => c.background);
    expect(blank).toEqual(typed);
    expect(typed).toEqual(DEFAULT_STAGE_ROWS.map((r) => r[7]));
  });

  test('a typed color wins; blank open stages take the open palette in order, Won green and Lost vermillion', () => {
    const rows = [
      ['Discovery', 0.1, 'Open', '', '', '', '', ''],
      ['Demo', 0.3, 'Open', '', '', '', '', '#ABC'],
      ['Trial', 0.6, 'Open', '', '', '', '', ''],
      ['Won', 1, 'Won', '', '', '', '', ''],
      ['Lost', 0, 'Lost', '', '', '', '', ''],
    ];
    const t = table(rows);
    expect(stageColors(t).map((c) => c.background)).toEqual([
      OPEN_PALETTE[0],
      '#aabbcc',
      OPEN_PALETTE[2],
      WON_COLOR,
      LOST_COLOR,
    ]);
  });

  test('more open stages than palette colors cycle through the palette', () => {
    const n = OPEN_PALETTE.length + 2;
    const rows: (string | number)[][] = [];
    for (let i = 0; i < n; i++) rows.push([`S${i}`, 0.1, 'Open', '', '', '', '', '']);
    rows.push(['Won', 1, 'Won', '', '', '', '', ''], ['Lost', 0, 'Lost', '', '', '', '', '']);
    const got = stageColors(table(rows))
      .slice(0, n)
      .map((c) => c.background);
    const expected: string[] = [];
    for (let i = 0; i < n; i++) expected.push(OPEN_PALETTE[i % OPEN_PALETTE.length] as string);
    expect(got).toEqual(expected);
  });

  test('the palette is the colorblind-safe Okabe-Ito set: distinct colors', () => {
    const all = [...OPEN_PALETTE, WON_COLOR, LOST_COLOR];
    expect(new Set(all).size).toBe(all.length);
  });

  test('contrast ratio matches WCAG 2 worked independently', () => {
    for (const [a, b] of [
      ['#000000', '#ffffff'],
      ['#0072b2', '#ffffff'],
      ['#f0e442', '#000000'],
      ['#777777', '#ffffff'],
    ] as const)
      expect(contrastRatio(a, b)).toBeCloseTo(wcag(a, b), 10);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
  });

  test('text is black or white, whichever contrasts more, and every palette color gets at least 4.5:1', () => {
    for (const bg of [...OPEN_PALETTE, WON_COLOR, LOST_COLOR, '#123456', '#fedcba', '#808080']) {
      const text = readableTextColor(bg);
      const other = text === '#000000' ? '#ffffff' : '#000000';
      expect(wcag(bg, text)).toBeGreaterThanOrEqual(wcag(bg, other));
    }
    for (const bg of [...OPEN_PALETTE, WON_COLOR, LOST_COLOR])
      expect(wcag(bg, readableTextColor(bg))).toBeGreaterThanOrEqual(4.5);
    expect(readableTextColor('#0072b2')).toBe('#ffffff');
    expect(readableTextColor('#f0e442')).toBe('#000000');
  });

  test('stageColor gives one stage its color and text', () => {
    const t = table(DEFAULT_STAGE_ROWS);
    expect(stageColor(t, t.find('Initial Contact')!)).toEqual({ background: '#0072b2', text: '#ffffff' });
  });
});
