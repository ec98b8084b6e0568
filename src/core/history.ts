/**
 * The Stage History tab: an append-only log, one row per stage change, and (column I, "Field") one
 * row per change of Expected Close or Value (see ./field-history.ts). A blank Field (or "Stage")
 * is a stage move; parseHistory returns stage moves only.
 */
import { NO_HISTORY } from './funnel';
import { StageTable } from './stages';
import { CellGrid, CellValue, isBlank, isDate, readText } from './values';

export const HISTORY_HEADERS = [
  'Timestamp',
  'Deal ID',
  'Deal',
  'From',
  'To',
  'Changed by',
  'Via',
  'Note',
  'Field',
] as const;
/** 0-based column of Field; the header a tab made before field changes lacks (setup adds it). */
export const FIELD_COLUMN = 8;
/** What a history row records: a stage move (blank Field) or a change of one of these columns. */
export type HistoryField = 'Expected Close' | 'Value';
export const HISTORY_FIELDS: readonly HistoryField[] = ['Expected Close', 'Value'];
export type Via = 'sidebar' | 'board' | 'edit' | 'import' | 'override' | 'cleanup';

export interface HistoryEntry {
  /** Timestamp in ms; NaN when the cell holds no date. */
  readonly at: number;
  readonly dealId: string;
  readonly from: string;
  readonly to: string;
}

/** One row the add-on appends to Stage History, named field by field. */
export interface HistoryRecord {
  readonly at: Date;
  readonly dealId: string;
  readonly deal: string;
  /** Stage names for a move; for a field change the old and new cell values (a Date, a number, or ''). */
  readonly from: CellValue;
  readonly to: CellValue;
  readonly changedBy: string;
  readonly via: Via;
  readonly note: string;
  /** Set for a field change; absent for a stage move. */
  readonly field?: HistoryField;
}

/** The record as the tab's columns, in HISTORY_HEADERS order. */
export function historyCells(r: HistoryRecord): CellValue[] {
  return [r.at, r.dealId, r.deal, r.from, r.to, r.changedBy, r.via, r.note, r.field ?? ''];
}

/** True when a history row (as read, A:I) is a stage move: its Field cell is blank or "Stage". */
export function isStageRow(r: readonly CellValue[]): boolean {
  const f = r[FIELD_COLUMN];
  return isBlank(f) || readText(f).toLowerCase() === 'stage';
}

/**
 * Stage moves from the rows below the header (columns A:E, and I when read: rows whose Field names
 * a column are field changes and left out); blank rows and rows without a Deal ID are ignored.
 */
export function parseHistory(rows: CellGrid): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const id = readText(r[1] as CellValue);
    if (id === '' || isBlank(r[4] as CellValue) || !isStageRow(r)) continue;
    const t = r[0];
    out.push({
      at: isDate(t) ? t.getTime() : NaN,
      dealId: id,
      from: readText(r[3] as CellValue),
      to: readText(r[4] as CellValue),
    });
  }
  return out;
}

/**
 * The stage each deal was last moved to, by Deal ID (to know the old stage of a pasted edit): the
 * entry with the latest Timestamp, wherever it sits, so a history sorted newest-first still answers
 * right. Rows without a date count as older than any dated row; among equals the lower row wins.
 */
export function lastStageById(entries: readonly HistoryEntry[]): Map<string, string> {
  const best = new Map<string, HistoryEntry>();
  for (const e of entries) {
    const seen = best.get(e.dealId);
    if (seen === undefined || isAtLeastAsNew(e.at, seen.at)) best.set(e.dealId, e);
  }
  const m = new Map<string, string>();
  for (const [id, e] of best) m.set(id, e.to);
  return m;
}

function isAtLeastAsNew(at: number, than: number): boolean {
  if (at !== at) return than !== than;
  return than !== than || at >= than;
}

/**
 * reachedById(parseHistory(rows), table) in one pass over the rows, without an entry object per row
 * (the history functions take 400,000 rows at 100k deals).
 */
export function reachedByIdFromRows(rows: CellGrid, table: StageTable): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as CellValue[];
    const id = readText(r[1] as CellValue);
    if (id === '' || isBlank(r[4] as CellValue) || !isStageRow(r)) continue;
    const seen = m.get(id);
    let top = seen === undefined ? -1 : seen;
    const from = readText(r[3] as CellValue);
    const a = from === '' ? undefined : table.find(from);
    if (a && a.outcome !== 'Lost' && a.index > top) top = a.index;
    const to = readText(r[4] as CellValue);
    const b = to === '' ? undefined : table.find(to);
    if (b && b.outcome !== 'Lost' && b.index > top) top = b.index;
    if (top !== seen) m.set(id, top);
  }
  return m;
}

/** Per deal ID, the highest open/won stage index the history shows it entered (From or To). */
export function reachedById(entries: readonly HistoryEntry[], table: StageTable): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as HistoryEntry;
    const seen = m.get(e.dealId);
    let top = seen === undefined ? -1 : seen;
    // From and To, without allocating a pair per row (400k rows at 100k deals).
    const a = e.from === '' ? undefined : table.find(e.from);
    if (a && a.outcome !== 'Lost' && a.index > top) top = a.index;
    const b = e.to === '' ? undefined : table.find(e.to);
    if (b && b.outcome !== 'Lost' && b.index > top) top = b.index;
    if (top !== seen) m.set(e.dealId, top);
  }
  return m;
}

/** History reach aligned with a list of deal IDs, NO_HISTORY where a deal has none. */
export function historyReach(ids: readonly string[], reach: Map<string, number>): Int32Array {
  const out = new Int32Array(ids.length);
  ids.forEach((id, i) => {
    out[i] = id !== '' && reach.has(id) ? (reach.get(id) as number) : NO_HISTORY;
  });
  return out;
}
