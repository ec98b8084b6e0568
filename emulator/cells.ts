/**
 * How Sheets stores what setValue/setValues write: like typing. A string starting with "=" becomes
 * a formula; "'text" stays text without the apostrophe; number-, boolean- and date-like text turn
 * into numbers, booleans and dates (in the spreadsheet's time zone).
 */
import { formatDateJava, wallToInstant } from './time';

export type Stored = string | number | boolean | Date;

export interface Written {
  value: Stored;
  formula?: string;
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isDateValue(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** What a cell holds after a value is written, as Sheets parses typed input. */
export function parseWritten(input: unknown, timeZone: string): Written {
  if (input === null || input === undefined) return { value: '' };
  if (typeof input === 'number') return { value: Number.isFinite(input) ? input : '#NUM!' };
  if (typeof input === 'boolean') return { value: input };
  if (isDateValue(input)) return { value: new Date(input.getTime()) };
  if (typeof input !== 'string') return { value: String(input) };
  if (input.startsWith('=') && input.length > 1) return { value: '', formula: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  const t = input.trim();
  if (NUMBER_TEXT.test(t)) return { value: Number(t) };
  if (/^true$/i.test(t)) return { value: true };
  if (/^false$/i.test(t)) return { value: false };
  let m = ISO_DATE.exec(t);
  if (m) return { value: wallToInstant(Number(m[1]), Number(m[2]), Number(m[3]), timeZone) };
  m = US_DATE.exec(t);
  if (m) return { value: wallToInstant(Number(m[3]), Number(m[1]), Number(m[2]), timeZone) };
  return { value: input };
}

/** A cell's display text under a number format, as getDisplayValues shows it (en-US locale). */
export function displayText(v: Stored, format: string | undefined, timeZone: string): string {
  if (v === '') return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return formatDateJava(v, timeZone, sheetsDatePattern(format ?? 'M/d/yyyy'));
  if (typeof v === 'string') return v;
  if (!format || format === 'General' || format === '') return generalNumber(v);
  if (/[yd]/i.test(format) && !/[#0]/.test(format)) {
    return formatDateJava(new Date((v - 25569) * 86_400_000), 'UTC', sheetsDatePattern(format));
  }
  return formatNumber(v, format);
}

function generalNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(10)));
}

/** Sheets date format ("yyyy-mm-dd", "mmm d") to the Java pattern Utilities.formatDate takes. */
function sheetsDatePattern(format: string): string {
  // In Sheets formats "m" means month unless it follows h or precedes s; our formats use dates only.
  return format
    .replace(/m+/g, (m) => 'M'.repeat(m.length))
    .replace(/D/g, 'd')
    .replace(/Y/g, 'y');
}

function formatNumber(n: number, format: string): string {
  const section = (n < 0 && format.includes(';') ? format.split(';')[1] : format.split(';')[0]) as string;
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const m = /([#0,]*0|#)(\.(0+|#+))?/.exec(section);
  if (!m) return generalNumber(n);
  const decimals = m[3] ? m[3].length : 0;
  const grouping = (m[1] as string).includes(',');
  const abs = Math.abs(value);
  const body = abs.toLocaleString('en-US', {
    minimumFractionDigits: m[3]?.startsWith('0') ? decimals : 0,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  const prefix = section.slice(0, m.index).replace(/["\\]/g, '');
  const suffix = section.slice(m.index + m[0].length).replace(/["\\]/g, '');
  const sign = value < 0 && !format.includes(';') ? '-' : '';
  return `${sign}${prefix}${body}${suffix}`;
}
