/**
 * A typed or sidebar change of Expected Close or Value as a Stage History field change: the old and
 * new cell values compared as dates or amounts (text that reads as neither compared as text), the
 * cells to log (a date as midnight in the spreadsheet's zone, an amount as a number, unreadable text
 * as text), and the same as JSON-safe text for the queue of edits that wait for the lock.
 */
import { dayToIso, readDay, startOfDayIn } from './calendar';
import { Clock } from './clock';
import { fieldNumber, fieldOf, UNKNOWN_BEFORE } from './field-history';
import { FIELD_COLUMN, HistoryField } from './history';
import { CellGrid, CellValue, isBlank, readNumber, readText } from './values';

/** What a field held before an edit; `known` false when nothing says (a paste over a deal with no record). */
export interface FieldBefore {
  readonly known: boolean;
  readonly value: CellValue;
}

export interface FieldChangeCells {
  readonly from: CellValue;
  readonly to: CellValue;
  readonly note: string;
  /** Days a close date moved later (0 when not a push). */
  readonly pushDays: number;
  readonly queued: { from: string; to: string };
}

/** The cell to log for a field value: a Date, a number, '' or the text as typed. */
export function fieldCell(field: HistoryField, v: CellValue, clock: Pick<Clock, 'readZone' | 'timeZone'>): CellValue {
  if (isBlank(v)) return '';
  const n = fieldNumber(field, v, clock.readZone);
  if (n !== n) return readText(v);
  return field === 'Value' ? n : startOfDayIn(n, clock.timeZone);
}

/** The change to log, or undefined when the value did not change. */
export function fieldChangeOf(
  field: HistoryField,
  before: FieldBefore,
  now: CellValue,
  clock: Pick<Clock, 'readZone' | 'timeZone'>,
): FieldChangeCells | undefined {
  const to = fieldCell(field, now, clock);
  const from = before.known ? fieldCell(field, before.value, clock) : '';
  const a = fieldNumber(field, from, clock.readZone);
  const b = fieldNumber(field, to, clock.readZone);
  if (before.known && (a === b || (a !== a && b !== b && readText(from) === readText(to)))) return undefined;
  return {
    from,
    to,
    note: before.known ? '' : UNKNOWN_BEFORE,
    pushDays: before.known && field === 'Expected Close' && b > a ? b - a : 0,
    queued: { from: queueText(field, from, clock), to: queueText(field, to, clock) },
  };
}

function queueText(field: HistoryField, v: CellValue, clock: Pick<Clock, 'readZone'>): string {
  if (v instanceof Date) return dayToIso(clock.readZone(v));
  return readText(v);
}

/** A queued field value back as the cell to log. */
export function fromQueueText(field: HistoryField, text: string, timeZone: string): CellValue {
  if (text === '') return '';
  if (field === 'Value') return readNumber(text) ?? text;
  const day = readDay(text, () => NaN);
  return day === undefined ? text : startOfDayIn(day, timeZone);
}

/**
 * Per field and Deal ID (key `${field}\u0001${id}`), the To of its latest field change by Timestamp
 * (as lastStageById does for stages): a multi-cell paste's old value. Undated rows count as oldest.
 */
export function lastFieldById(rows: CellGrid): Map<string, CellValue> {
  const at = new Map<string, number>();
  const out = new Map<string, CellValue>();
  for (const r of rows) {
    const field = fieldOf(r[FIELD_COLUMN] as CellValue);
    const id = readText(r[1] as CellValue);
    if (field === undefined || id === '') continue;
    const key = `${field}\u0001${id}`;
    const t = r[0] instanceof Date ? r[0].getTime() : -Infinity;
    const seen = at.get(key);
    if (seen === undefined || t >= seen) {
      at.set(key, t);
      out.set(key, r[4] as CellValue);
    }
  }
  return out;
}
