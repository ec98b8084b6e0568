/** The Pipeline Settings tab: the stage table (A:E) and automation settings below it. */
import { DEFAULT_STAGE_ROWS, parseStageTable, SETTINGS_HEADERS, StageTableParse } from '../core/settings';
import { CellGrid } from '../core/values';
import { Book, Range, Sheet } from './book';
import { HEADER_ROW } from './deals-sheet';
import { TabRegistry, TABS } from './tab-registry';

/**
 * The stage rows (columns A:E of the used range), or undefined when the tab does not exist. With a
 * registry the tab is found by its remembered sheet ID (a renamed settings tab still counts).
 */
export function readSettingsGrid(book: Book, registry?: TabRegistry): CellGrid | undefined {
  const sheet = registry ? registry.find('settings') : book.getSheetByName(TABS.settings);
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  if (last < 1) return [];
  return sheet.getRange(1, 1, last, 5).getValues() as CellGrid;
}

export function readStageTable(book: Book, registry?: TabRegistry): StageTableParse | undefined {
  const grid = readSettingsGrid(book, registry);
  if (grid === undefined) return undefined;
  return parseStageTable(grid, { name: TABS.settings, origin: { row: 1, column: 1 }, requireClosedStages: true });
}

/** The settings tab, created with the default stages when missing. */
export function ensureSettingsTab(registry: TabRegistry): { sheet: Sheet; created: boolean } {
  const created = registry.find('settings') === undefined;
  const sheet = registry.ensure('settings', SETTINGS_HEADERS);
  if (created) {
    sheet.getRange(HEADER_ROW + 1, 1, DEFAULT_STAGE_ROWS.length, SETTINGS_HEADERS.length).setValues(DEFAULT_STAGE_ROWS);
    sheet.getRange(HEADER_ROW + 1, 2, DEFAULT_STAGE_ROWS.length, 1).setNumberFormat('0%');
  }
  return { sheet, created };
}

/** The stage names column (A2:A), for the Deals tab's Stage dropdown. */
export function stageNamesRange(settings: Sheet): Range {
  return settings.getRange(`A${HEADER_ROW + 1}:A`);
}
