/**
 * Readers for the values Sheets hands us: numbers, text, booleans, Dates and "" for blanks.
 * Each reader returns `undefined` for a value it cannot read; the caller names the place.
 */
import { isNone } from './numbers';

/** What a cell can hold as Apps Script and custom functions see it. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** A 2-D block of cells, rows first, as getValues() returns and custom functions receive. */
export type CellGrid = CellValue[][];

const DATE_TAG = '[object Date]';
const tagOf = Object.prototype.toString;

/** This realm's Date, captured once: hot loops test `instanceof` without a global lookup per cell. */
export const LocalDate = Date;

/** True for a valid Date from any realm (Dates built in another vm context fail instanceof). */
export function isDate(v: unknown): v is Date {
  if (v instanceof LocalDate) return !isNone(v.getTime());
  return typeof v === 'object' && v !== null && tagOf.call(v) === DATE_TAG && !isNone((v as Date).getTime());
}

export function isBlank(v: CellValue): boolean {
  return v === '' || v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/**
 * Largest magnitude read as a number: far beyond any deal (doubles keep cents exact to about 9e13),
 * and small enough that sums over millions of rows stay finite. 1.7e308 would give Infinity.
 */
export const MAX_NUMBER = 1e15;

/** One optional sign, or parentheses for a negative amount; an optional currency sign; digits. */
const SIGNED_TEXT = /^([-+]?)\s*([$€£¥]?)\s*([-+]?)\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/;
const PARENTHESISED_TEXT = /^\(\s*[$€£¥]?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*\)$/;

/** Text as a number before the size check: "$12,500.50", "-$3.5", "$-3.5", "(200)"; not "--5", "(5", "-(5)". */
function numberFromText(text: string): number | undefined {
  const t = text.trim();
  const p = PARENTHESISED_TEXT.exec(t);
  if (p !== null) return -Number((p[1] as string).replace(/,/g, ''));
  const m = SIGNED_TEXT.exec(t);
  if (m === null || (m[1] !== '' && m[3] !== '')) return undefined;
  const n = Number((m[4] as string).replace(/,/g, ''));
  return m[1] === '-' || m[3] === '-' ? -n : n;
}

/**
 * A number, or text such as "$12,500.50", "1,000", "-3.5", "(200)". Booleans and dates are not
 * numbers; neither is anything beyond ±MAX_NUMBER (see numberProblem for the message).
 */
export function readNumber(v: CellValue): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberFromText(v) : undefined;
  return n !== undefined && n <= MAX_NUMBER && n >= -MAX_NUMBER ? n : undefined;
}

/** Why readNumber refused a cell: what follows "<value> is" in a message naming it. */
export function numberProblem(v: CellValue): string {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? numberFromText(v) : undefined;
  if (n !== undefined && n === n)
    return `too large: amounts must be within ±${MAX_NUMBER.toExponential(0).replace('e+', 'e')}`;
  return 'not a number';
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
  // Text first, without the global String (a per-row global lookup is slow in Apps Script's V8 context).
  if (typeof v === 'string') return v.trim();
  if (v === null || v === undefined) return '';
  if (isDate(v)) return dateText(v);
  return String(v).trim();
}

/** Text starting like typed input Sheets would not keep as it is: a formula, a sign, or the text marker. */
const TYPED_INPUT_START = /^[=+\-@']/;

/**
 * The string to write (setValue/setValues) so that a cell holds exactly `text`. Sheets reads a
 * written string as typed input: "=", "+", "-", "@" start a formula or a number, and a leading
 * apostrophe only marks text and is dropped ("'quoted" would be stored as "quoted"). One more
 * apostrophe in front keeps the text exactly, its own apostrophe included.
 */
export function textToWrite(text: string): string {
  return TYPED_INPUT_START.test(text) ? `'${text}` : text;
}
