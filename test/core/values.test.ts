import {
  describeValue,
  readCheckbox,
  readNumber,
  readProbability,
  readText,
  isBlank,
  isDate,
} from '../../src/core/values';
import { startOfDayIn, zoneDayReader } from '../../src/core/calendar';

test('numbers as text with currency signs and thousands separators are numbers', () => {
  expect(readNumber('$12,500.50')).toBe(12500.5);
  expect(readNumber(' 1,000 ')).toBe(1000);
  expect(readNumber('-3.5')).toBe(-3.5);
  expect(readNumber('(200)')).toBe(-200);
  expect(readNumber('tbd')).toBeUndefined();
  expect(readNumber('12,50')).toBeUndefined();
  expect(readNumber(true)).toBeUndefined();
  expect(readNumber(Infinity)).toBeUndefined();
});

test('probabilities: fractions, percentages and percent text; out of range is unreadable', () => {
  expect(readProbability(0.35)).toBe(0.35);
  expect(readProbability(35)).toBe(0.35);
  expect(readProbability('35%')).toBe(0.35);
  expect(readProbability(1)).toBe(1);
  expect(readProbability(150)).toBeUndefined();
  expect(readProbability('-5%')).toBeUndefined();
});

test('checkboxes', () => {
  expect([true, 'TRUE', 'yes', 'x', 1].map(readCheckbox)).toEqual([true, true, true, true, true]);
  expect([false, '', 'no', 0, null].map(readCheckbox)).toEqual([false, false, false, false, false]);
});

test('isDate works across realms and rejects invalid dates', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const other = require('node:vm').runInNewContext('new Date(0)');
  expect(isDate(other)).toBe(true);
  expect(isDate(new Date(NaN))).toBe(false);
});

test('money text: one sign or parentheses, never both, never doubled or unbalanced', async () => {
  const { numberProblem } = await import('../../src/core/values');
  expect(['-$5', '$-5', '+5', '- 5', '( $1,200.50 )'].map(readNumber)).toEqual([-5, -5, 5, -5, -1200.5]);
  for (const bad of ['--5', '(5', '5)', '-(5)', '(-5)', '+-5', '-+5', '$$5', '5-']) {
    expect([bad, readNumber(bad)]).toEqual([bad, undefined]);
    expect(numberProblem(bad)).toBe('not a number');
  }
});

test('messages print a date cell as the day it is in the sheet, not in UTC', () => {
  // A Tokyo sheet's 1 March is 15:00 UTC on 28 February.
  const tokyoFirstOfMarch = startOfDayIn(Date.UTC(2026, 2, 1) / 86_400_000, 'Asia/Tokyo');
  expect(tokyoFirstOfMarch.toISOString()).toBe('2026-02-28T15:00:00.000Z');
  expect(describeValue(tokyoFirstOfMarch, zoneDayReader('Asia/Tokyo'))).toBe('2026-03-01');
  // Without a zone: the local calendar day (in Apps Script, the script's zone), whatever the process's zone.
  expect(describeValue(new Date(2026, 2, 1))).toBe('2026-03-01');
  expect(readText(new Date(2026, 2, 1, 0, 30))).toBe('2026-03-01');
});

test('numbers beyond ±1e15 are refused, so sums of a column stay finite', async () => {
  const { numberProblem, MAX_NUMBER } = await import('../../src/core/values');
  expect(readNumber(1e15)).toBe(1e15);
  expect(readNumber(-1e15)).toBe(-1e15);
  for (const big of [1.7e308, -1.7e308, 1e15 + 2, Number.MAX_VALUE]) {
    expect(readNumber(big)).toBeUndefined();
    expect(numberProblem(big)).toBe('too large: amounts must be within ±1e15');
  }
  expect(numberProblem(NaN)).toBe('not a number');
  // 100k rows at the limit still add up to a finite number.
  expect(Number.isFinite(MAX_NUMBER * 1e5)).toBe(true);
});

test('textToWrite keeps text exactly as Sheets would otherwise read it as typed input', async () => {
  const { textToWrite } = await import('../../src/core/values');
  expect(textToWrite("'quoted")).toBe("''quoted");
  expect(textToWrite('=1+1')).toBe("'=1+1");
  expect(textToWrite('+1 555')).toBe("'+1 555");
  expect(textToWrite('-x')).toBe("'-x");
  expect(textToWrite('@x')).toBe("'@x");
  expect(textToWrite("O'Brien")).toBe("O'Brien");
});

test('isBlank: empty, null, undefined and whitespace-only text; 0 and FALSE are values', () => {
  for (const v of ['', '   ', '\t\n', null, undefined]) expect([v, isBlank(v)]).toEqual([v, true]);
  for (const v of [0, false, 'x', ' 0 ', new Date(0)]) expect([v, isBlank(v)]).toEqual([v, false]);
});

test('more numbers: leading-dot decimals, euro and pound signs, NaN, blank text', () => {
  expect(['.5', '€1,200', '£ 3', '¥1,000,000', '+$2.25', '0'].map(readNumber)).toEqual([
    0.5, 1200, 3, 1_000_000, 2.25, 0,
  ]);
  for (const bad of [NaN, '', ' ', '1,00', '1,0000', '$', '1.2.3', '1e5', null, undefined, new Date(0)])
    expect([bad, readNumber(bad)]).toEqual([bad, undefined]);
});

test('more probabilities: 0 and 100% are the ends; a number above 1 is a percentage, so 1.5 is 1.5%', () => {
  expect([0, '0%', '100%', 100, ' 35 % ', 1.5, '12.5%'].map(readProbability)).toEqual([0, 0, 1, 1, 0.35, 0.015, 0.125]);
  for (const bad of [100.01, '101%', -0.1, 'high', '', true])
    expect([bad, readProbability(bad)]).toEqual([bad, undefined]);
});

test('more checkboxes: ticks and case-insensitive words, trimmed; anything else unticked', () => {
  expect(['✓', '✔', ' Y ', 'True', '1'].map(readCheckbox)).toEqual([true, true, true, true, true]);
  expect(['2', 2, 'ok', 'checked', undefined, new Date(0)].map(readCheckbox)).toEqual([
    false,
    false,
    false,
    false,
    false,
    false,
  ]);
});

test('describeValue: blanks say "blank", text is quoted and cut at 60 characters, numbers and booleans as typed', () => {
  expect([describeValue(''), describeValue(null), describeValue(undefined)]).toEqual(['blank', 'blank', 'blank']);
  expect([describeValue('tbd'), describeValue(' '), describeValue('say "hi"')]).toEqual([
    '"tbd"',
    '" "',
    '"say \\"hi\\""',
  ]);
  const long = 'x'.repeat(61);
  expect(describeValue(long)).toBe(`"${'x'.repeat(57)}..."`);
  expect(describeValue('y'.repeat(60))).toBe(`"${'y'.repeat(60)}"`);
  expect([describeValue(0), describeValue(12.5), describeValue(false), describeValue(true)]).toEqual([
    '0',
    '12.5',
    'false',
    'true',
  ]);
});

test('readText: trimmed text of any cell, blank for null and undefined', () => {
  expect([
    readText(null),
    readText(undefined),
    readText('  Acme  '),
    readText(12),
    readText(false),
    readText(''),
  ]).toEqual(['', '', 'Acme', '12', 'false', '']);
});
