/**
 * The add-on's Archive tab (created and registered by the add-on; a user's own tab named "Archive"
 * is never written: the add-on makes "Archive (2)"). Rows are appended in one write and read back
 * to verify before any Deals row is deleted; Deals rows are deleted bottom-up, one call per run of
 * adjacent rows.
 */
import { mapHeaders } from '../core/columns';
import { archiveLayout, archiveRow } from '../core/hygiene/archive';
import { CellGrid, CellValue, readText } from '../core/values';
import { appendRows, blankRange } from './append-rows';
import { Book, Sheet } from './book';
import { HEADER_ROW } from './deals-sheet';
import { ensureGeneratedTab, findGeneratedTab } from './generated-tab';
import { literal } from './safe-text';
import { TabRegistry } from './tab-registry';

export interface ArchiveRows {
  readonly sheet: Sheet;
  readonly headers: CellValue[];
  readonly rows: CellGrid;
}

/** The Archive tab's header and rows (one read), or undefined when the add-on has made none. */
export function readArchive(registry: TabRegistry): ArchiveRows | undefined {
  const sheet = findGeneratedTab(registry, 'archive');
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  if (last < HEADER_ROW) return { sheet, headers: [], rows: [] };
  const all = sheet.getRange(HEADER_ROW, 1, last, Math.max(1, sheet.getLastColumn())).getValues() as CellGrid;
  return { sheet, headers: (all[0] ?? []) as CellValue[], rows: all.slice(1) };
}

export type Archived =
  { ok: true; sheet: Sheet; notice: string | undefined } | { ok: false; message: string; notice: string | undefined };

/**
 * Appends the Deals rows to the Archive tab (creating it, and adding any Deals header it lacks),
 * then reads the written Deal IDs back. A failed or unverified write is blanked again and reported.
 */
export function appendToArchive(
  book: Book,
  registry: TabRegistry,
  dealsHeaders: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  ids: readonly string[],
): Archived {
  const tab = ensureGeneratedTab(book, registry, 'archive');
  const sheet = tab.sheet;
  const width = Math.max(1, sheet.getLastColumn());
  const current = sheet.getLastRow() < HEADER_ROW ? [] : (sheet.getRange(HEADER_ROW, 1, 1, width).getValues()[0] ?? []);
  const layout = archiveLayout(dealsHeaders, current as CellValue[]);
  if (layout.added.length > 0) {
    const at = layout.headers.length - layout.added.length;
    const need = layout.headers.length - sheet.getMaxColumns();
    if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
    sheet.getRange(HEADER_ROW, at + 1, 1, layout.added.length).setValues([layout.added.map(literal)]);
    if (at === 0) {
      sheet.getRange(HEADER_ROW, 1, 1, layout.added.length).setFontWeight('bold');
      sheet.setFrozenRows(HEADER_ROW);
    }
  }
  const idColumn = mapHeaders(layout.headers).dealId ?? -1;
  let written;
  try {
    written = appendRows(
      sheet,
      rows.map((r) => archiveRow(r, layout.source).map(literal)),
      Math.max(sheet.getLastRow(), HEADER_ROW),
    );
  } catch (e) {
    return {
      ok: false,
      message: `could not write to the ${sheet.getName()} tab (${(e as Error).message}); no deal was removed from Deals`,
      notice: tab.notice,
    };
  }
  const back =
    idColumn < 0
      ? []
      : written
          .offset(0, idColumn, written.getNumRows(), 1)
          .getValues()
          .map((r) => readText(r[0] as CellValue));
  if (back.length !== ids.length || back.some((id, i) => id !== ids[i])) {
    blankRange(written);
    return {
      ok: false,
      message: `the ${sheet.getName()} tab did not read back as written; no deal was removed from Deals`,
      notice: tab.notice,
    };
  }
  return { ok: true, sheet, notice: tab.notice };
}

/** Deletes runs of rows (bottom-up, as deletionRuns gives them); returns how many rows went, and the error that stopped it. */
export function deleteRowRuns(
  sheet: Sheet,
  runs: readonly { start: number; count: number }[],
): { deleted: number; error?: string } {
  let deleted = 0;
  for (const run of runs) {
    try {
      sheet.deleteRows(run.start, run.count);
    } catch (e) {
      return { deleted, error: (e as Error).message };
    }
    deleted += run.count;
  }
  return { deleted };
}
