/**
 * Text copied from users' cells into generated tabs must never run as a formula: setValues treats a
 * string starting with "=" (and Sheets' typing treats "+", "-", "@") as a formula or a number.
 * A leading apostrophe makes Sheets keep it as text, and is not part of the value.
 */
import { textToWrite } from '../core/values';

/** Also keeps a leading apostrophe of the user's own ("'quoted" stays "'quoted"). */
export function safeText(value: string): string {
  return textToWrite(value);
}

/** Makes every string cell of a block safe; numbers, booleans and Dates pass through. */
export function safeRows<T>(rows: T[][]): T[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'string' ? (safeText(v) as unknown as T) : v)));
}

/**
 * A value as written so that Sheets stores exactly it: text always gets the leading apostrophe (so
 * "=x", "00123", "2026-03-01" or "'quoted" stay the text they are), other values pass through.
 */
export function literal(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' && value !== '' ? `'${value}` : value;
}
