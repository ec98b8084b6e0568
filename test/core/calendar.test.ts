/**
 * src/core/calendar.ts: calendar days in a named time zone. Zone offsets learned as intervals agree
 * with Intl at every instant tried; date cells of every kind read as the day a person sees.
 */
import { dayNumber } from '../../fixtures/calendar-days';
import { seededRandom } from '../../fixtures/random';
import {
  dateProblem,
  dayToIso,
  monthIndex,
  monthLabel,
  MonthOfDay,
  readDay,
  SERIAL_OF_EPOCH,
  startOfDayIn,
  zoneDayReader,
  zoneOffset,
} from '../../src/core/calendar';

/** Offset in ms at an instant, straight from Intl (the independent reference). */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(timeZone: string, t: number): number {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formats.set(timeZone, f);
  }
  const minute = Math.floor(t / 60_000) * 60_000;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(minute)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return (
    Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number) - minute
  );
}

const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Africa/Casablanca',
  'America/Santiago',
  'UTC',
];

test.each(ZONES)(
  '%s: offsets agree with Intl around every DST change of 2024-2027 and at random instants since 1950',
  (zone) => {
    const offsetAt = zoneOffset(zone);
    const instants: number[] = [];
    // Every 3 hours over 2024-2027 (every transition, both sides), in shuffled order.
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 3 * 3_600_000) instants.push(t + 17 * 60_000);
    let seed = 12345;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let i = 0; i < 400; i++)
      instants.push(Date.UTC(1950, 0, 1) + Math.floor(random() * 100 * 365.25 * 86_400_000));
    for (let i = instants.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [instants[i], instants[j]] = [instants[j] as number, instants[i] as number];
    }
    const wrong = instants.filter((t) => offsetAt(t) !== intlOffset(zone, t)).map((t) => new Date(t).toISOString());
    expect(wrong).toEqual([]);
  },
);

test('the minutes either side of a change: Berlin on 29 March 2026 (01:00 UTC) and 25 October 2026', () => {
  const offsetAt = zoneOffset('Europe/Berlin');
  const change = Date.UTC(2026, 2, 29, 1);
  expect(offsetAt(change - 1)).toBe(3_600_000);
  expect(offsetAt(change)).toBe(7_200_000);
  const back = Date.UTC(2026, 9, 25, 1);
  expect(offsetAt(back - 1)).toBe(7_200_000);
  expect(offsetAt(back)).toBe(3_600_000);
  // A date cell at Berlin midnight on 29 March is that day, whatever was asked before.
  const day = zoneDayReader('Europe/Berlin')(new Date(Date.UTC(2026, 2, 28, 23)));
  expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe('2026-03-29');
});

test.each(['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Tokyo'])(
  '%s: zoneDayReader gives the Intl calendar day for instants in any order, also on change days and centuries apart',
  (zone) => {
    const read = zoneDayReader(zone);
    const instants: number[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 47 * 60_000 * 7) instants.push(t);
    instants.push(Date.UTC(1, 0, 1), Date.UTC(9999, 11, 31, 20), Date.UTC(1900, 0, 1), Date.UTC(2100, 5, 1, 12));
    let seed = 99;
    for (let i = instants.length - 1; i > 0; i--) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const j = seed % (i + 1);
      [instants[i], instants[j]] = [instants[j] as number, instants[i] as number];
    }
    const wrong = instants
      .filter((t) => read(new Date(t)) !== Math.floor((t + intlOffset(zone, t)) / 86_400_000))
      .map((t) => new Date(t).toISOString());
    expect(wrong).toEqual([]);
  },
);

test('a change off the half hour is found to the minute: Australia/Eucla (UTC+8:45) in 2007-2009', () => {
  const offsetAt = zoneOffset('Australia/Eucla');
  for (let t = Date.UTC(2006, 9, 1); t < Date.UTC(2009, 5, 1); t += 37 * 60_000) {
    if (offsetAt(t) !== intlOffset('Australia/Eucla', t)) throw new Error(`wrong at ${new Date(t).toISOString()}`);
  }
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

test('monthIndex by arithmetic agrees with the calendar on every day from 1900 to 2100', () => {
  for (let day = -25_567; day <= 47_482; day++) {
    const d = new Date(day * 86_400_000);
    expect(monthIndex(day)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
  }
});

test('text dates need a year from 1900 to 9999: "0026-03-01" is refused, not read as 1926', () => {
  const utc = zoneDayReader('UTC');
  for (const t of ['0026-03-01', '3/1/0026', '1 Mar 0026', 'Mar 1, 0026', '1899-12-31']) {
    expect([t, readDay(t, utc)]).toEqual([t, undefined]);
    expect(dateProblem(t)).toMatch(/^not a date: the year \d{4} is outside 1900-9999 \(mistyped\?\)$/);
  }
  expect(dateProblem('0026-03-01')).toBe('not a date: the year 0026 is outside 1900-9999 (mistyped?)');
  expect(dayToIso(readDay('1900-01-01', utc) as number)).toBe('1900-01-01');
  expect(dateProblem('soon')).toBe('not a date');
});

describe('readDay: more date cells', () => {
  const utc = zoneDayReader('UTC');
  const read = (v: Parameters<typeof readDay>[0]): string | undefined => {
    const d = readDay(v, utc);
    return d === undefined ? undefined : dayToIso(d);
  };

  test('serial numbers: whole days since 1899-12-30, time of day dropped, 1 to 2,958,465 (9999-12-31)', () => {
    expect(SERIAL_OF_EPOCH).toBe(25_569);
    expect([read(46082), read(46082.75), read(1), read(2_958_465), read('46082')]).toEqual([
      '2026-03-01',
      '2026-03-01',
      '1899-12-31',
      '9999-12-31',
      '2026-03-01',
    ]);
    for (const v of [0, -1, 2_958_466, NaN, Infinity, -Infinity]) expect([v, read(v)]).toEqual([v, undefined]);
  });

  test('text shapes: ISO with or without a time and leading zeros, month-first US, named months with or without a dot', () => {
    const cases: [string, string][] = [
      ['2026-3-1', '2026-03-01'],
      ['2026-03-01T10:00:00', '2026-03-01'],
      ['2026-03-01 23:59', '2026-03-01'],
      [' 2026-03-01 ', '2026-03-01'],
      ['12/1/2026', '2026-12-01'],
      ['1-Mar-2026', '2026-03-01'],
      ['01 March 2026', '2026-03-01'],
      ['March 1 2026', '2026-03-01'],
      ['Mar. 1, 2026', '2026-03-01'],
      ['2/29/2028', '2028-02-29'],
    ];
    expect(cases.map(([t]) => [t, read(t)])).toEqual(cases);
  });

  test('what is not a date: impossible days, unknown month names, booleans, blanks', () => {
    for (const v of [
      '2/29/2027',
      '2026-13-01',
      '2026-04-31',
      '13/1/2026',
      'Smarch 1, 2026',
      'soon',
      '',
      true,
      false,
      null,
      undefined,
    ])
      expect([v, read(v)]).toEqual([v, undefined]);
    expect(dateProblem(46082)).toBe('not a date');
    expect(dateProblem('10000-01-01')).toBe('not a date');
  });
});

test('dayToIso and monthLabel', () => {
  expect([dayToIso(0), dayToIso(-1), dayToIso(dayNumber('2026-11-23'))]).toEqual([
    '1970-01-01',
    '1969-12-31',
    '2026-11-23',
  ]);
  // A month index is year x 12 + month (0-based).
  expect([monthLabel(2026 * 12), monthLabel(2026 * 12 + 9), monthLabel(2026 * 12 + 11), monthLabel(2027 * 12)]).toEqual(
    ['2026-01', '2026-10', '2026-12', '2027-01'],
  );
});

test('MonthOfDay: days asked in any order, and centuries apart, give the UTC calendar month', () => {
  const months = new MonthOfDay();
  const days: number[] = [];
  for (let d = dayNumber('1995-01-01'); d < dayNumber('2035-01-01'); d += 3) days.push(d);
  days.push(dayNumber('1900-03-01'), dayNumber('2400-02-29'), -719_162 /* 0001-01-01 */, 2_932_896 /* 9999-12-31 */);
  const random = seededRandom(5);
  for (let i = days.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [days[i], days[j]] = [days[j]!, days[i]!];
  }
  const wrong = days.filter((d) => {
    const t = new Date(d * 86_400_000);
    return months.month(d) !== t.getUTCFullYear() * 12 + t.getUTCMonth();
  });
  expect(wrong).toEqual([]);
  expect(monthIndex(-719_162)).toBe(12);
});

test('startOfDayIn: midnight in zones with odd offsets and far from UTC', () => {
  const day = dayNumber('2026-03-01');
  expect(startOfDayIn(day, 'Asia/Tokyo').toISOString()).toBe('2026-02-28T15:00:00.000Z'); // UTC+9
  expect(startOfDayIn(day, 'Asia/Kathmandu').toISOString()).toBe('2026-02-28T18:15:00.000Z'); // UTC+5:45
  expect(startOfDayIn(day, 'Pacific/Kiritimati').toISOString()).toBe('2026-02-28T10:00:00.000Z'); // UTC+14
  expect(startOfDayIn(day, 'Pacific/Pago_Pago').toISOString()).toBe('2026-03-01T11:00:00.000Z'); // UTC-11
  expect(startOfDayIn(day, 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
});

/**
 * Where the clocks jump forward at midnight (Chile: 24:00 on 5 Sep 2026 becomes 01:00 on the 6th) the
 * day has no midnight; startOfDayIn used to return 23:00 on the 5th, so every Stage Entered written
 * that day read back as the day before. The day starts when the clocks jump.
 */
test('startOfDayIn on a day with no midnight gives its first instant (America/Santiago, 6 Sep 2026: 01:00 local, 04:00 UTC)', () => {
  const day = dayNumber('2026-09-06');
  expect(startOfDayIn(day, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
});
