/**
 * Calendar days: whole days since 1970-01-01, counted in a named time zone.
 * All pipeline dates are calendar dates in the spreadsheet's time zone, not the script's.
 */
import { floor, isFiniteNumber } from './numbers';
import { CellValue, isDate, readNumber } from './values';

/** Days since 1970-01-01 (a calendar date, no time of day). */
export type CalendarDay = number;

export const MS_PER_DAY = 86_400_000;
/** Sheets' serial number of 1970-01-01 (serial 0 is 1899-12-30). */
export const SERIAL_OF_EPOCH = 25_569;

/** Turns an instant into the calendar day it falls on somewhere. */
export type DayReader = (d: Date) => CalendarDay;

const MS_PER_MINUTE = 60_000;
const WEEK = 7 * MS_PER_DAY;
/** Month, day, year, hour, minute of the last formatted instant (no allocation per Intl call). */
const FIELDS = new Float64Array(5);
const utc = Date.UTC;

/**
 * The offset (wall clock minus UTC, in ms) of an IANA time zone at an instant. Intl is slow (a few
 * microseconds a call), so the offset is asked for on a weekly grid (week j starts at j x 7 days
 * since the epoch): when a week starts and ends with the same offset it holds all week; when not,
 * a binary search finds the minute it changes. A column of dates over a year costs about 60 Intl
 * calls, plus 14 per change, whatever the number of cells. Assumes a zone changes its offset at
 * most once a week: true of every zone in the tz database since 1970 (the closest changes, 7 days
 * apart, were in Brazil in October 2000; checked with Intl over 1970-2039). Each call returns a fresh
 * cache: Apps Script loads the script anew for every custom-function call anyway.
 */
export interface ZoneOffset {
  (t: number): number;
  /** The offset that holds all through grid week j (UTC days 7j to 7j + 6), or NaN when it changes that week. */
  weekOffset(j: number): number;
}

export function zoneOffset(timeZone: string): ZoneOffset {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  /** The offset at the minute holding t, from Intl: "3/1/2026, 00:30" read digit by digit. */
  const measure = (t: number): number => {
    const minute = floor(t / MS_PER_MINUTE) * MS_PER_MINUTE;
    const text = format.format(minute);
    let count = 0;
    let n = 0;
    let inNumber = false;
    for (let i = 0; i <= text.length; i++) {
      const digit = i < text.length ? text.charCodeAt(i) - 48 : -1;
      if (digit >= 0 && digit <= 9) {
        n = n * 10 + digit;
        inNumber = true;
      } else if (inNumber) {
        if (count < 5) FIELDS[count] = n;
        count++;
        n = 0;
        inNumber = false;
      }
    }
    let wall: number;
    if (count === 5 && (FIELDS[2] as number) >= 100) {
      wall = utc(
        FIELDS[2] as number,
        (FIELDS[0] as number) - 1,
        FIELDS[1] as number,
        FIELDS[3] as number,
        FIELDS[4] as number,
      );
    } else {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(minute)) if (part.type !== 'literal') p[part.type] = Number(part.value);
      const d = new Date(0);
      d.setUTCFullYear(p.year as number, (p.month as number) - 1, p.day as number);
      d.setUTCHours(p.hour as number, p.minute as number);
      wall = d.getTime();
    }
    return wall - minute;
  };
  const atWeekStart = new Map<number, number>();
  const changeInWeek = new Map<number, number>();
  const weekStartOffset = (j: number): number => {
    let off = atWeekStart.get(j);
    if (off === undefined) {
      off = measure(j * WEEK);
      atWeekStart.set(j, off);
    }
    return off;
  };
  /** First minute of `[lo, hi)` minutes (lo has `off`, hi does not) whose offset is not `off`. */
  const search = (lo: number, hi: number, step: number, off: number): number => {
    while (hi - lo > step) {
      const mid = lo + floor((hi - lo) / (2 * step)) * step;
      if (measure(mid * MS_PER_MINUTE) === off) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  /**
   * First minute of week j with the next week's offset: by half hours (almost every change falls
   * on a UTC half hour), then by minutes when the minute before that half hour already has the new one.
   */
  const changeMinute = (j: number, off: number): number => {
    const start = (j * WEEK) / MS_PER_MINUTE;
    const slot = search(start, start + WEEK / MS_PER_MINUTE, 30, off);
    if (measure((slot - 1) * MS_PER_MINUTE) === off) return slot * MS_PER_MINUTE;
    return search(slot - 30, slot, 1, off) * MS_PER_MINUTE;
  };
  const offsetAt = ((t: number): number => {
    const j = floor(t / WEEK);
    const a = weekStartOffset(j);
    const b = weekStartOffset(j + 1);
    if (a === b) return a;
    let change = changeInWeek.get(j);
    if (change === undefined) {
      change = changeMinute(j, a);
      changeInWeek.set(j, change);
    }
    return t < change ? a : b;
  }) as ZoneOffset;
  offsetAt.weekOffset = (j) => {
    const a = weekStartOffset(j);
    return a === weekStartOffset(j + 1) ? a : Number.NaN;
  };
  return offsetAt;
}

const MAX_TABLE_DAYS = 200_000;

/**
 * Calendar days of instants in an IANA time zone. Per UTC day met whose offset holds all day (all
 * but the few days a zone changes it), the table keeps the local day at its start and the instant
 * the local day turns, so a date cell costs one division and two array reads after a few dozen
 * Intl calls for the whole column.
 */
export class ZoneDays {
  private base = 0;
  /** Per UTC day from `base`: the local day at its start; NaN when unknown or when the offset changes that day. */
  private first = new Float64Array(0);
  /** Per UTC day from `base`: the instant the local day becomes first + 1 (+Infinity when it does not). */
  private turn = new Float64Array(0);
  private readonly offsetAt: ZoneOffset;

  constructor(timeZone: string) {
    this.offsetAt = zoneOffset(timeZone);
  }

  /** The calendar day of instant t (ms since the epoch); NaN for NaN. */
  day(t: number): CalendarDay {
    const k = floor(t / MS_PER_DAY) - this.base;
    const first = this.first[k];
    if (first !== undefined && first === first) return t >= (this.turn[k] as number) ? first + 1 : first;
    return this.learnDay(t);
  }

  private learnDay(t: number): CalendarDay {
    if (t !== t) return t;
    const utcDay = floor(t / MS_PER_DAY);
    const offset = this.offsetAt(t);
    // A week whose offset holds throughout is remembered whole: one lookup for its seven days.
    const week = floor(utcDay / 7);
    const weekOffset = this.offsetAt.weekOffset(week);
    if (weekOffset === weekOffset) {
      for (let u = week * 7; u < week * 7 + 7; u++) this.rememberDay(u, weekOffset);
    } else {
      const start = utcDay * MS_PER_DAY;
      if (this.offsetAt(start) === offset && this.offsetAt(start + MS_PER_DAY - 1) === offset)
        this.rememberDay(utcDay, offset);
    }
    return floor((t + offset) / MS_PER_DAY);
  }

  /** The local day at the start of a UTC day with a constant offset, and when (if at all that day) it turns. */
  private rememberDay(utcDay: number, offset: number): void {
    const firstDay = floor((utcDay * MS_PER_DAY + offset) / MS_PER_DAY);
    this.remember(utcDay, firstDay, (firstDay + 1) * MS_PER_DAY - offset);
  }

  private remember(utcDay: number, firstDay: number, turn: number): void {
    let k = utcDay - this.base;
    const length = this.first.length;
    if (k < 0 || k >= length) {
      const grow = length < 256 ? 256 : length;
      const from = length === 0 ? utcDay - grow / 2 : Math.min(this.base, utcDay - grow);
      const to = length === 0 ? utcDay + grow / 2 : Math.max(this.base + length, utcDay + grow);
      // Dates centuries apart (a mistyped year) are read without the table rather than grow it without bound.
      if (to - from > MAX_TABLE_DAYS) return;
      const first = new Float64Array(to - from).fill(Number.NaN);
      const turns = new Float64Array(to - from);
      if (length > 0) {
        first.set(this.first, this.base - from);
        turns.set(this.turn, this.base - from);
      }
      this.first = first;
      this.turn = turns;
      this.base = from;
      k = utcDay - from;
    }
    this.first[k] = firstDay;
    this.turn[k] = turn;
  }
}

/** The calendar day an instant falls on in an IANA time zone. */
export function zoneDayReader(timeZone: string): DayReader {
  const days = new ZoneDays(timeZone);
  return (d) => days.day(d.getTime());
}

/** The instant of midnight starting a calendar day in a time zone (for writing dates back). */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  const offsetAt = zoneOffset(timeZone);
  const wall = day * MS_PER_DAY;
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  // Where the clocks jump forward at midnight (America/Santiago, 6 Sep 2026) that instant is 23:00 of
  // the day before: the day then starts when the clocks jump, at the offset in force before it.
  if (Math.floor((t + offsetAt(t)) / MS_PER_DAY) < day) t = wall - offsetAt(t);
  return new Date(t);
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_DATE = /^(\d{1,2})[\s-]([a-z]{3})[a-z]*[\s-,]+(\d{4})$|^([a-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/i;

/**
 * Text dates must name a year from 1900 to 9999: "0026-03-01" is a typing mistake, and reading it
 * as 1926 (what Date.UTC does with years below 100) or as the year 26 would both be wrong.
 */
export const MIN_TEXT_YEAR = 1900;
const MAX_TEXT_YEAR = 9999;

function dayFromParts(y: number, m: number, d: number): CalendarDay | undefined {
  if (y < MIN_TEXT_YEAR || y > MAX_TEXT_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCDate() !== d) return undefined;
  return t / MS_PER_DAY;
}

/** Year, month and day of text typed as a date, before any range check; undefined when it is not date-shaped. */
function textDateParts(s: string): [number, number, number] | undefined {
  let m = ISO_DATE.exec(s);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  m = US_DATE.exec(s);
  if (m) return [Number(m[3]), Number(m[1]), Number(m[2])];
  m = NAMED_DATE.exec(s);
  if (m) {
    if (m[1] !== undefined) return [Number(m[3]), MONTHS.indexOf((m[2] as string).toLowerCase()) + 1, Number(m[1])];
    return [Number(m[6]), MONTHS.indexOf((m[4] as string).toLowerCase()) + 1, Number(m[5])];
  }
  return undefined;
}

/**
 * A date cell: a Date (read in the given zone), a Sheets serial number, or text typed as a date
 * ("2026-03-01", "3/1/2026" month first, "1 Mar 2026", "Mar 1, 2026").
 */
export function readDay(v: CellValue, readZone: DayReader): CalendarDay | undefined {
  if (isDate(v)) return readZone(v);
  if (typeof v === 'number') {
    return isFiniteNumber(v) && v > 0 && v < 2_958_466 ? floor(v) - SERIAL_OF_EPOCH : undefined;
  }
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  const parts = textDateParts(s);
  if (parts) return dayFromParts(parts[0], parts[1], parts[2]);
  const n = readNumber(s);
  return n === undefined ? undefined : readDay(n, readZone);
}

/** Why readDay refused a cell: what follows "<value> is" in a message naming it. */
export function dateProblem(v: CellValue): string {
  const parts = typeof v === 'string' ? textDateParts(v.trim()) : undefined;
  if (parts && (parts[0] < MIN_TEXT_YEAR || parts[0] > MAX_TEXT_YEAR)) {
    return `not a date: the year ${String(parts[0]).padStart(4, '0')} is outside ${MIN_TEXT_YEAR}-${MAX_TEXT_YEAR} (mistyped?)`;
  }
  return 'not a date';
}

export function dayToIso(day: CalendarDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Month index (year*12 + month0) of a calendar day, by arithmetic on the day count (the proleptic
 * Gregorian calendar in 400-year eras) so a per-row forecast builds no Date.
 */
export function monthIndex(day: CalendarDay): number {
  const z = day + 719_468; // days from 0000-03-01
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const marchMonth = floor((5 * dayOfYear + 2) / 153); // 0 = March
  const month0 = marchMonth < 10 ? marchMonth + 2 : marchMonth - 10;
  const year = yearOfEra + era * 400 + (month0 < 2 ? 1 : 0);
  return year * 12 + month0;
}

/**
 * Month index (monthIndex) of calendar days through a table filled a year at a time around the
 * days asked for, so a column of dates costs one array read per cell.
 */
export class MonthOfDay {
  private base = 0;
  /** Month index per day from `base`; NaN not filled yet. */
  private table = new Float64Array(0);

  month(day: CalendarDay): number {
    const m = this.table[day - this.base];
    if (m !== undefined && m === m) return m;
    return this.fill(day);
  }

  private fill(day: CalendarDay): number {
    const from = day - 200;
    const to = day + 200;
    const length = this.table.length;
    const lo = length === 0 ? from : Math.min(this.base, from);
    const hi = length === 0 ? to : Math.max(this.base + length, to);
    // Days centuries apart are worked out one by one rather than grow the table without bound.
    if (hi - lo > MAX_TABLE_DAYS) return monthIndex(day);
    if (lo !== this.base || hi - lo !== length) {
      const next = new Float64Array(hi - lo).fill(Number.NaN);
      if (length > 0) next.set(this.table, this.base - lo);
      this.table = next;
      this.base = lo;
    }
    let m = monthIndex(from);
    let next = from + daysLeftInMonth(from, m);
    for (let d = from; d < to; d++) {
      if (d === next) {
        m++;
        next = d + daysLeftInMonth(d, m);
      }
      this.table[d - lo] = m;
    }
    return this.table[day - lo] as number;
  }
}

/** Days from `day` to the first day of the next month (monthIndex(day) is `month`). */
function daysLeftInMonth(day: CalendarDay, month: number): number {
  let n = 1;
  while (monthIndex(day + n) === month) n++;
  return n;
}

export function monthLabel(index: number): string {
  const y = floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}
