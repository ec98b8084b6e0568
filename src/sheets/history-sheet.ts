/** The Stage History tab: found by the tab registry, read once, appended to by write plans. */
import { foldHeader } from '../core/columns';
import {
  FIELD_COLUMN,
  HISTORY_HEADERS,
  HistoryEntry,
  HistoryRecord,
  historyCells,
  parseHistory,
} from '../core/history';
import { CellGrid, readText } from '../core/values';
import { appendRows } from './append-rows';
import { Book, Range, Sheet } from './book';
import { HEADER_ROW } from './deals-sheet';
import { literal } from './safe-text';
import { TabRegistry } from './tab-registry';

/** The history tab, created with its header row when missing (the one get-or-create: TabRegistry.ensure). */
export function ensureHistoryTab(registry: TabRegistry): { sheet: Sheet; created: boolean } {
  const found = registry.find('history');
  if (found && registry.isRemembered('history')) return { sheet: found, created: false };
  return { sheet: registry.ensure('history', HISTORY_HEADERS), created: !found };
}

/** The history's stage moves (Timestamp, Deal ID, From, To; rows whose Field names a column are left out). */
export function readHistory(book: Book, registry: TabRegistry = new TabRegistry(book)): HistoryEntry[] {
  return parseHistory(readHistoryRows(book, registry));
}

/** The history's rows below the header, columns A:I (Timestamp to Field), in one read; [] without a tab. */
export function readHistoryRows(book: Book, registry: TabRegistry = new TabRegistry(book)): CellGrid {
  const sheet = registry.find('history');
  if (!sheet || sheet.getLastRow() <= HEADER_ROW) return [];
  const width = Math.min(HISTORY_HEADERS.length, Math.max(5, sheet.getLastColumn()));
  return sheet.getRange(HEADER_ROW + 1, 1, sheet.getLastRow() - HEADER_ROW, width).getValues() as CellGrid;
}

/**
 * Why the tab cannot take history rows (its header row is not ours), or undefined when it can. A tab
 * made before field changes has no Field header (I1 blank): it still takes rows, and the first field
 * change (or setup) adds the header.
 */
export function historyTabProblem(sheet: Sheet): string | undefined {
  const width = Math.min(HISTORY_HEADERS.length, sheet.getMaxColumns());
  const headers = sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] ?? [];
  const same = HISTORY_HEADERS.every(
    (h, i) => foldHeader(readText(headers[i])) === foldHeader(h) || (i === FIELD_COLUMN && readText(headers[i]) === ''),
  );
  return same
    ? undefined
    : `The ${sheet.getName()} tab's first row is not the history header (${HISTORY_HEADERS.join(', ')}).`;
}

/** Adds the Field header (I1) to a history tab made with eight columns; true when it wrote it. */
export function ensureFieldHeader(sheet: Sheet): boolean {
  const columns = sheet.getMaxColumns();
  if (columns <= FIELD_COLUMN) sheet.insertColumnsAfter(columns, FIELD_COLUMN + 1 - columns);
  const cell = sheet.getRange(HEADER_ROW, FIELD_COLUMN + 1);
  if (readText(cell.getValue()) !== '') return false;
  cell.setValue(HISTORY_HEADERS[FIELD_COLUMN]);
  return true;
}

/** Appends the records after the last row in one write (see append-rows.ts); each record's 9 cells come from historyCells. */
export function appendHistoryRecords(sheet: Sheet, records: readonly HistoryRecord[]): Range | undefined {
  if (records.length === 0) return undefined;
  if (records.some((r) => r.field !== undefined)) ensureFieldHeader(sheet);
  return appendRows(
    sheet,
    records.map((r) => historyCells(r).map(literal)),
  );
}
