/** The Pipeline Settings tab: the stage table (A:E) and automation settings below it. */
import { parseStageTable, StageTableParse } from '../core/settings';
import { CellGrid } from '../core/values';
import { TABS } from './tabs';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The stage rows (columns A:E of the used range), or undefined when the tab does not exist. */
export function readSettingsGrid(book: Book): CellGrid | undefined {
  const sheet = book.getSheetByName(TABS.settings);
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  if (last < 1) return [];
  return sheet.getRange(1, 1, last, 5).getValues() as CellGrid;
}

export function readStageTable(book: Book): StageTableParse | undefined {
  const grid = readSettingsGrid(book);
  if (grid === undefined) return undefined;
  return parseStageTable(grid, { name: TABS.settings, origin: { row: 1, column: 1 }, requireClosedStages: true });
}
