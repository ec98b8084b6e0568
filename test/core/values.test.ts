import { describeValue, readCheckbox, readNumber, readProbability, readText, isDate } from '../../src/core/values';
import { readDay, zoneDayReader, dayToIso, startOfDayIn } from '../../src/core/calendar';

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

test('dates typed as text, serials and Dates become calendar days in the given zone', () => {
  const ny = zoneDayReader('America/New_York');
  expect(dayToIso(readDay('2026-03-01', ny) as number)).toBe('2026-03-01');
  expect(dayToIso(readDay('3/1/2026', ny) as number)).toBe('2026-03-01');
  expect(dayToIso(readDay('1 Mar 2026', ny) as number)).toBe('2026-03-01');
  expect(dayToIso(readDay('Mar 1, 2026', ny) as number)).toBe('2026-03-01');
  expect(dayToIso(readDay(46082, ny) as number)).toBe('2026-03-01');
  expect(readDay('2026-02-30', ny)).toBeUndefined();
  expect(readDay('soon', ny)).toBeUndefined();
  // 02:00 UTC on 1 March is still 28 February in New York.
  expect(dayToIso(readDay(new Date('2026-03-01T02:00:00Z'), ny) as number)).toBe('2026-02-28');
  expect(dayToIso(readDay(new Date('2026-03-01T02:00:00Z'), zoneDayReader('Asia/Tokyo')) as number)).toBe('2026-03-01');
});

test('startOfDayIn gives local midnight across DST changes', () => {
  const day = readDay('2026-03-08', zoneDayReader('UTC')) as number;
  expect(startOfDayIn(day, 'America/New_York').toISOString()).toBe('2026-03-08T05:00:00.000Z');
  expect(startOfDayIn(day + 1, 'America/New_York').toISOString()).toBe('2026-03-09T04:00:00.000Z');
});

test('isDate works across realms and rejects invalid dates', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const other = require('node:vm').runInNewContext('new Date(0)');
  expect(isDate(other)).toBe(true);
  expect(isDate(new Date(NaN))).toBe(false);
});

test('monthIndex by arithmetic agrees with the calendar on every day from 1900 to 2100', async () => {
  const { monthIndex } = await import('../../src/core/calendar');
  for (let day = -25_567; day <= 47_482; day++) {
    const d = new Date(day * 86_400_000);
    expect(monthIndex(day)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
  }
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

test('text dates need a year from 1900 to 9999: "0026-03-01" is refused, not read as 1926', async () => {
  const { dateProblem } = await import('../../src/core/calendar');
  const utc = zoneDayReader('UTC');
  for (const t of ['0026-03-01', '3/1/0026', '1 Mar 0026', 'Mar 1, 0026', '1899-12-31']) {
    expect([t, readDay(t, utc)]).toEqual([t, undefined]);
    expect(dateProblem(t)).toMatch(/^not a date: the year \d{4} is outside 1900-9999 \(mistyped\?\)$/);
  }
  expect(dateProblem('0026-03-01')).toBe('not a date: the year 0026 is outside 1900-9999 (mistyped?)');
  expect(dayToIso(readDay('1900-01-01', utc) as number)).toBe('1900-01-01');
  expect(dateProblem('soon')).toBe('not a date');
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
