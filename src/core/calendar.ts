/**
 * Calendar days: whole days since 1970-01-01, counted in a named time zone.
 * All pipeline dates are calendar dates in the spreadsheet's time zone, not the script's.
 */
import { floor, isFiniteNumber } from './numbers';
import { CellValue, isDate, readNumber } from './values';


/** Days since 1970-01-01 (a calendar date, no time of day). */
export type CalendarDay = number;

export const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
/** Sheets' serial number of 1970-01-01 (serial 0 is 1899-12-30). */
export const SERIAL_OF_EPOCH = 25_569;

/** Turns an instant into the calendar day it falls on somewhere. */
export type DayReader = (d: Date) => CalendarDay;

/** The calendar day in the process's local zone (in Apps Script: the script's time zone). */
export const localDay: DayReader = (d) => floor((d.getTime() - d.getTimezoneOffset() * 60_000) / MS_PER_DAY);

const zoneOffsets = new Map<string, (t: number) => number>();

/**
 * The offset (wall clock minus UTC, in ms) of an IANA time zone at an instant. Offsets are cached
 * per hour, so a column of 100k dates costs one Intl call per distinct hour, not per cell.
 */
export function zoneOffset(timeZone: string): (t: number) => number {
  const known = zoneOffsets.get(timeZone);
  if (known) return known;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
  });
  const cache = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const hour = floor(t / MS_PER_HOUR);
    let off = cache.get(hour);
    if (off === undefined) {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(new Date(hour * MS_PER_HOUR))) {
        if (part.type !== 'literal') p[part.type] = Number(part.value);
      }
      const wall = Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number);
      off = wall - hour * MS_PER_HOUR;
      cache.set(hour, off);
    }
    return off;
  };
  zoneOffsets.set(timeZone, offsetAt);
  return offsetAt;
}

/** The calendar day an instant falls on in an IANA time zone. */
export function zoneDayReader(timeZone: string): DayReader {
  const offsetAt = zoneOffset(timeZone);
  return (d) => {
    const t = d.getTime();
    return floor((t + offsetAt(t)) / MS_PER_DAY);
  };
}

/** The instant of midnight starting a calendar day in a time zone (for writing dates back). */
export function startOfDayIn(day: CalendarDay, timeZone: string): Date {
  const offsetAt = zoneOffset(timeZone);
  const wall = day * MS_PER_DAY;
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
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

/** "2026-11" for the month a day falls in. */
export function monthOf(day: CalendarDay): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 7);
}

/**
 * Month index (year*12 + month0) of a calendar day, by arithmetic on the day count (the proleptic
 * Gregorian calendar in 400-year eras) so a per-row forecast builds no Date.
 */
export function monthIndex(day: CalendarDay): number {
  const z = day + 719_468; // days from 0000-03-01
  const era = floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = floor((dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36_524) - floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const marchMonth = floor((5 * dayOfYear + 2) / 153); // 0 = March
  const month0 = marchMonth < 10 ? marchMonth + 2 : marchMonth - 10;
  const year = yearOfEra + era * 400 + (month0 < 2 ? 1 : 0);
  return year * 12 + month0;
}

export function monthLabel(index: number): string {
  const y = floor(index / 12);
  const m = (index % 12) + 1;
  return `${y}-${m < 10 ? '0' : ''}${m}`;
}
