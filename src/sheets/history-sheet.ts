/** The Stage History tab: found by the tab registry, read once, appended to by write plans. */
import { foldHeader } from '../core/columns';
import { HISTORY_HEADERS, HistoryEntry, HistoryRecord, historyCells, parseHistory } from '../core/history';
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

/** The history's moves (Timestamp, Deal ID, From, To: columns A:E only, not the notes). */
export function readHistory(book: Book, registry: TabRegistry = new TabRegistry(book)): HistoryEntry[] {
  const sheet = registry.find('history');
  if (!sheet || sheet.getLastRow() <= HEADER_ROW) return [];
  return parseHistory(sheet.getRange(HEADER_ROW + 1, 1, sheet.getLastRow() - HEADER_ROW, 5).getValues() as CellGrid);
}

/** Why the tab cannot take history rows (its header row is not ours), or undefined when it can. */
export function historyTabProblem(sheet: Sheet): string | undefined {
  const headers = sheet.getRange(HEADER_ROW, 1, 1, HISTORY_HEADERS.length).getValues()[0] ?? [];
  const same = HISTORY_HEADERS.every((h, i) => foldHeader(readText(headers[i])) === foldHeader(h));
  return same
    ? undefined
    : `The ${sheet.getName()} tab's first row is not the history header (${HISTORY_HEADERS.join(', ')}).`;
}

/** Appends the records after the last row in one write (see append-rows.ts); each record's 8 cells come from historyCells. */
export function appendHistoryRecords(sheet: Sheet, records: readonly HistoryRecord[]): Range | undefined {
  if (records.length === 0) return undefined;
  return appendRows(
    sheet,
    records.map((r) => historyCells(r).map(literal)),
  );
}
