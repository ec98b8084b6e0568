/**
 * Readers for the values Sheets hands us: numbers, text, booleans, Dates and "" for blanks.
 * Each reader returns `undefined` for a value it cannot read; the caller names the place.
 */
import { isFiniteNumber, isNone } from './numbers';

/** What a cell can hold as Apps Script and custom functions see it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A 2-D block of cells, rows first, as getValues() returns and custom functions receive. */
export type CellGrid = CellValue[][];

const DATE_TAG = '[object Date]';
const tagOf = Object.prototype.toString;

/** True for a valid Date from any realm (Dates built in another vm context fail instanceof). */
export function isDate(v: unknown): v is Date {
  return tagOf.call(v) === DATE_TAG && !isNone((v as Date).getTime());
}

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

const MONEY_TEXT = /^([-+]?)\(?\s*[$€£¥]?\s*([-+]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*\)?$/;

/** A number, or text such as "$12,500.50", "1,000", "-3.5". Booleans and dates are not numbers. */
export function readNumber(v: CellValue): number | undefined {
  if (typeof v === 'number') return isFiniteNumber(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const m = MONEY_TEXT.exec(v.trim());
  if (m === null) return undefined;
  const negative = m[1] === '-' || m[2] === '-' || (v.includes('(') && v.includes(')'));
  const n = Number((m[3] as string).replace(/,/g, ''));
  return negative ? -n : n;
}

/**
 * A probability as a fraction 0..1. Fractions (0.35) are taken as they are; numbers above 1 up to
 * 100 are percentages (35); text may carry a percent sign ("35%"). Out of range gives `undefined`.
 */
export function readProbability(v: CellValue): number | undefined {
  let n: number | undefined;
  if (typeof v === 'string' && v.trim().endsWith('%')) {
    const inner = readNumber(v.trim().slice(0, -1));
    n = inner === undefined ? undefined : inner / 100;
  } else {
    n = readNumber(v);
    if (n !== undefined && n > 1) n = n / 100;
  }
  if (n === undefined || n < 0 || n > 1) return undefined;
  return n;
}

const TRUE_TEXT = new Set(['true', 'yes', 'y', 'x', '✓', '✔', '1']);

/** A checkbox cell: TRUE, or text a person would mean as ticked. */
export function readCheckbox(v: CellValue): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v === 1;
  if (typeof v === 'string') return TRUE_TEXT.has(v.trim().toLowerCase());
  return false;
}

/** Reads the calendar day (days since 1970-01-01) an instant falls on in some zone (calendar.ts's DayReader). */
type DayOf = (d: Date) => number;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/**
 * "2026-03-01" for a date cell: the day it falls on by `dayOf` (pass the spreadsheet's zone reader),
 * else in the local zone (in Apps Script the script's zone). Never UTC: a sheet east of UTC keeps its
 * dates at local midnight, which is the previous day in UTC.
 */
function dateText(d: Date, dayOf?: DayOf): string {
  if (dayOf) {
    const day = new Date(dayOf(d) * 86_400_000);
    return `${day.getUTCFullYear()}-${pad2(day.getUTCMonth() + 1)}-${pad2(day.getUTCDate())}`;
  }
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** Text of a cell as a person would read it, for messages; dates by `dayOf` when given (see dateText). */
export function describeValue(v: CellValue, dayOf?: DayOf): string {
  if (v === null || v === undefined || v === '') return 'blank';
  if (isDate(v)) return dateText(v, dayOf);
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  return String(v);
}

/** Plain text of a cell for names and labels. */
export function readText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (isDate(v)) return dateText(v);
  return String(v).trim();
}
