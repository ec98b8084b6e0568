/**
 * Field changes in Stage History: rows whose Field (column I) is "Expected Close" or "Value", From
 * and To holding the old and new cell values (dates for Expected Close, numbers for Value). They are
 * written for typed and pasted edits and for the sidebar's close-date field; parseHistory (./history.ts)
 * leaves them out, parseFieldChanges reads them.
 */
import { DayReader, readDay } from './calendar';
import { FIELD_COLUMN, HISTORY_FIELDS, HistoryField } from './history';
import { CellGrid, CellValue, isBlank, readNumber, readText } from './values';

/**
 * The note of a field change whose old value the add-on could not know (a multi-cell paste over a
 * deal with no earlier record of that field): such a row records the new value only.
 */
export const UNKNOWN_BEFORE = 'previous value unknown (multi-cell paste)';

export interface FieldChange {
  /** Timestamp in ms; NaN when the cell holds no date. */
  readonly at: number;
  readonly dealId: string;
  readonly field: HistoryField;
  /** Expected Close as a calendar day, Value as a number; NaN when blank or unreadable. */
  readonly from: number;
  readonly to: number;
  /** False when the row says the old value was unknown (then From means nothing). */
  readonly fromKnown: boolean;
}

/** The field a history row's Field cell names, or undefined for a stage move or an unknown name. */
export function fieldOf(v: CellValue): HistoryField | undefined {
  const t = readText(v).toLowerCase();
  return HISTORY_FIELDS.find((f) => f.toLowerCase() === t);
}

/** A field's cell value as a number: a calendar day for Expected Close, the amount for Value; NaN when blank or unreadable. */
export function fieldNumber(field: HistoryField, v: CellValue, readZone: DayReader): number {
  if (isBlank(v)) return NaN;
  if (field === 'Value') return readNumber(v) ?? NaN;
  return readDay(v, readZone) ?? NaN;
}

/** Field changes from history rows read as A:I (rows without a Deal ID or a known Field are skipped). */
export function parseFieldChanges(rows: CellGrid, readZone: DayReader): FieldChange[] {
  const out: FieldChange[] = [];
  for (const r of rows) {
    const field = fieldOf(r[FIELD_COLUMN] as CellValue);
    if (field === undefined) continue;
    const dealId = readText(r[1] as CellValue);
    if (dealId === '') continue;
    const t = r[0];
    out.push({
      at: t instanceof Date ? t.getTime() : NaN,
      dealId,
      field,
      from: fieldNumber(field, r[3] as CellValue, readZone),
      to: fieldNumber(field, r[4] as CellValue, readZone),
      fromKnown: readText(r[7] as CellValue) !== UNKNOWN_BEFORE,
    });
  }
  return out;
}

/** How often a deal's Expected Close was moved later, and by how many days in all. */
export interface Slip {
  readonly pushes: number;
  readonly days: number;
}

/**
 * Per Deal ID, the pushes of Expected Close: changes to a later date (both dates known). Pulling a
 * date in is not a push and does not reduce the days slipped (it is reported by the weekly review).
 */
export function slipsById(changes: readonly FieldChange[]): Map<string, Slip> {
  const m = new Map<string, { pushes: number; days: number }>();
  for (const c of changes) {
    if (c.field !== 'Expected Close' || !c.fromKnown || !(c.to > c.from)) continue;
    const s = m.get(c.dealId);
    if (s) {
      s.pushes++;
      s.days += c.to - c.from;
    } else m.set(c.dealId, { pushes: 1, days: c.to - c.from });
  }
  return m;
}

/** A deal counts as slipped when its close date was pushed at least this often... */
export const SLIP_MIN_PUSHES = 2;
/** ...or by at least this many days in all. */
export const SLIP_MIN_DAYS = 30;

export function isSlipped(s: Slip | undefined): s is Slip {
  return s !== undefined && (s.pushes >= SLIP_MIN_PUSHES || s.days >= SLIP_MIN_DAYS);
}

/** The Health part for a slipped deal: "Close date pushed 3 times (+47 days)"; '' when not slipped. */
export function slipText(s: Slip | undefined): string {
  if (!isSlipped(s)) return '';
  return `Close date pushed ${s.pushes === 1 ? 'once' : `${s.pushes} times`} (+${s.days} days)`;
}
