/**
 * Writes as plans: an action reads the sheet once and returns what it means to write, as data:
 * cell values for deal rows (each row keyed by its Deal ID, or by its content when it has no usable
 * ID), the Stage History rows that go with them, and the columns that must exist. The sheet layer
 * (src/sheets/write-plan.ts) re-reads, finds each row again with `locateRows`, and writes the
 * contiguous blocks `cellBlocks` returns. Nothing here knows Apps Script.
 */
import { ColumnKey, ColumnMap, COLUMN_LABELS } from './columns';
import { HistoryRecord } from './history';
import { rowsById } from './rows-by-id';
import { CellGrid, CellValue, isDate, readText } from './values';

/** How a planned row is found again just before the write. */
export type RowKey =
  | { readonly by: 'id'; readonly id: string }
  /** A row without a usable Deal ID (none yet, or one shared with another row): its cells apart from Health. */
  | { readonly by: 'content'; readonly fingerprint: string };

export type CellWrites = Partial<Record<ColumnKey, CellValue>>;

export interface RowWrite {
  readonly key: RowKey;
  /** The sheet row where the plan's read saw the deal. */
  readonly row: number;
  readonly cells: CellWrites;
  /** What some written cells held when the plan was made; a different value there now refuses the plan. */
  readonly was?: CellWrites;
}

export interface WritePlan {
  /** What the plan does, for messages ("Move deal", "Set up pipeline"). */
  readonly action: string;
  readonly rows: readonly RowWrite[];
  /** Stage History rows that land together with the cell writes, or not at all. */
  readonly history: readonly HistoryRecord[];
  /** Columns that must exist besides those written (Deal ID, to find rows again). */
  readonly needs: readonly ColumnKey[];
}

/** A row's cells as one comparable string, skipping the Health column (the add-on rewrites it) and trailing blanks. */
export function rowFingerprint(raw: readonly CellValue[], skip: number | undefined): string {
  const parts: string[] = [];
  for (let c = 0; c < raw.length; c++) {
    const v = raw[c];
    parts.push(
      c === skip || v === '' || v === null || v === undefined
        ? ''
        : isDate(v)
          ? `d${v.getTime()}`
          : `${(typeof v)[0]}${String(v)}`,
    );
  }
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.join('\u0001');
}

/** Columns the plan writes or needs that the header row does not have, in label form. */
export function missingColumns(plan: WritePlan, columns: ColumnMap): string[] {
  const keys = new Set<ColumnKey>(plan.needs);
  for (const w of plan.rows) for (const k of Object.keys(w.cells) as ColumnKey[]) keys.add(k);
  return [...keys].filter((k) => columns[k] === undefined).map((k) => COLUMN_LABELS[k]);
}

/** The Deals tab as read just before the write: the Deal ID column, and whole rows when a plan row is keyed by content. */
export interface FreshRows {
  readonly tab: string;
  /** Sheet row of ids[0] (the row below the header). */
  readonly firstRow: number;
  readonly ids: readonly string[];
  readonly rows?: CellGrid;
  readonly healthColumn?: number;
}

export type Located = { ok: true; rows: number[] } | { ok: false; reason: string };

/**
 * Finds each planned row again: an ID must sit alone on the tab (on its planned row, or elsewhere
 * after a sort or an inserted row); a content key must match the planned row, or exactly one other.
 * A missing or shared ID, or two plan rows landing on one sheet row, refuse the whole plan.
 */
export function locateRows(plan: WritePlan, fresh: FreshRows): Located {
  const rowsOfId = rowsById(fresh.ids, fresh.firstRow);
  let prints: string[] | undefined;
  const out: number[] = [];
  const taken = new Set<number>();
  for (const w of plan.rows) {
    let row: number;
    if (w.key.by === 'id') {
      const list = rowsOfId.get(w.key.id) ?? [];
      if (list.length === 0)
        return {
          ok: false,
          reason: `Deal ${w.key.id} is no longer on the ${fresh.tab} tab (deleted, or its ID changed).`,
        };
      if (list.length > 1)
        return {
          ok: false,
          reason: `Deal ID ${w.key.id} is on rows ${list.join(' and ')}; give each deal its own Deal ID.`,
        };
      row = list[0] as number;
    } else {
      prints ??= (fresh.rows ?? []).map((r) => rowFingerprint(r, fresh.healthColumn));
      const planned = w.row - fresh.firstRow;
      const fingerprint = w.key.fingerprint;
      if (prints[planned] === fingerprint) row = w.row;
      else {
        const hits: number[] = [];
        prints.forEach((p, i) => {
          if (p === fingerprint) hits.push(i + fresh.firstRow);
        });
        if (hits.length !== 1) {
          return { ok: false, reason: `Row ${w.row} changed while this ran (another user edited it).` };
        }
        row = hits[0] as number;
      }
    }
    if (taken.has(row)) return { ok: false, reason: `Two changes aimed at row ${row}.` };
    taken.add(row);
    out.push(row);
  }
  return { ok: true, rows: out };
}

/**
 * The first planned cell whose current text differs from what the plan saw (`was`): someone typed
 * there since. `current(row, column)` reads the value just before the write.
 */
export function changedSince(
  plan: WritePlan,
  rows: readonly number[],
  columns: ColumnMap,
  current: (row: number, column: number) => CellValue,
): string | undefined {
  for (let i = 0; i < plan.rows.length; i++) {
    const w = plan.rows[i] as RowWrite;
    for (const [key, was] of Object.entries(w.was ?? {}) as [ColumnKey, CellValue][]) {
      const c = columns[key];
      if (c === undefined || !(key in w.cells)) continue;
      const now = readText(current(rows[i] as number, c));
      if (now !== readText(was))
        return `${COLUMN_LABELS[key]} on row ${rows[i]} changed to "${now || '(blank)'}" while this ran (it was "${readText(was) || '(blank)'}").`;
    }
  }
  return undefined;
}

/** Marks a cell inside a block that the plan does not change: the sheet layer writes back what is there. */
export const KEEP: unique symbol = Symbol('keep');
export type BlockCell = CellValue | typeof KEEP;

/** A rectangle written with one setValues: sheet row, 0-based column, and its cells. */
export interface CellBlock {
  readonly row: number;
  readonly column: number;
  readonly cells: BlockCell[][];
}

/**
 * The fewest rectangles covering the planned cells: columns written next to each other form one
 * block, and each block spans from the first to the last planned row, keeping the cells between.
 * The number of blocks depends on the columns written, never on how many rows changed.
 */
export function cellBlocks(writes: readonly { row: number; cells: CellWrites }[], columns: ColumnMap): CellBlock[] {
  const byColumn = new Map<number, Map<number, CellValue>>();
  for (const w of writes) {
    for (const [key, value] of Object.entries(w.cells) as [ColumnKey, CellValue][]) {
      const c = columns[key];
      if (c === undefined) continue;
      let m = byColumn.get(c);
      if (!m) byColumn.set(c, (m = new Map()));
      m.set(w.row, value);
    }
  }
  const cols = [...byColumn.keys()].sort((a, b) => a - b);
  const groups: number[][] = [];
  for (const c of cols) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else groups.push([c]);
  }
  return groups.map((group) => {
    let top = Infinity;
    let bottom = -Infinity;
    for (const c of group)
      for (const r of (byColumn.get(c) as Map<number, CellValue>).keys()) {
        top = Math.min(top, r);
        bottom = Math.max(bottom, r);
      }
    const cells: BlockCell[][] = [];
    for (let r = top; r <= bottom; r++) {
      cells.push(
        group.map((c) => {
          const m = byColumn.get(c) as Map<number, CellValue>;
          return m.has(r) ? (m.get(r) as CellValue) : KEEP;
        }),
      );
    }
    return { row: top, column: group[0] as number, cells };
  });
}
