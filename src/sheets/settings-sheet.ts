/**
 * The Pipeline Settings tab: the stage table (A:H) and, right of it, the named settings (J:L,
 * src/core/named-settings.ts) and the targets table (M:O, src/core/targets.ts).
 */
import {
  missingNamedSettings,
  NAMED_SETTINGS_COLUMN,
  NAMED_SETTINGS_HEADERS,
  NamedSettings,
  parseNamedSettings,
} from '../core/named-settings';
import {
  DEFAULT_STAGE_ROWS,
  parseStageTable,
  SETTINGS_HEADERS,
  STAGE_TABLE_WIDTH,
  StageTableParse,
} from '../core/settings';
import { DayReader } from '../core/calendar';
import { parseTargets, TARGETS_COLUMN, TARGETS_HEADERS, TargetsParse } from '../core/targets';
import { CellGrid, CellValue, isBlank } from '../core/values';
import { Book, Range, Sheet } from './book';
import { HEADER_ROW } from './deals-sheet';
import { TabRegistry, TABS } from './tab-registry';

/** The settings tab's cells A1:O{last row}: stage table, named settings and targets in one read. */
export interface SettingsCells {
  readonly tab: string;
  readonly grid: CellGrid;
}

const SETTINGS_WIDTH = TARGETS_COLUMN + TARGETS_HEADERS.length - 1;

/** Columns [from, from + width) (1-based `from`) of every row. */
const columnsOf = (grid: CellGrid, from: number, width: number): CellGrid =>
  grid.map((row) => row.slice(from - 1, from - 1 + width));

/**
 * The whole settings tab in one getValues, or undefined when the tab does not exist. With a registry
 * the tab is found by its remembered sheet ID (a renamed settings tab still counts).
 */
export function readSettingsCells(book: Book, registry?: TabRegistry): SettingsCells | undefined {
  const sheet = registry ? registry.find('settings') : book.getSheetByName(TABS.settings);
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  return {
    tab: sheet.getName(),
    grid: last < 1 ? [] : (sheet.getRange(1, 1, last, SETTINGS_WIDTH).getValues() as CellGrid),
  };
}

export function stageTableFrom(cells: SettingsCells): StageTableParse {
  return parseStageTable(columnsOf(cells.grid, 1, STAGE_TABLE_WIDTH), {
    name: TABS.settings,
    origin: { row: 1, column: 1 },
    requireClosedStages: true,
  });
}

/** The named settings (defaults when the tab or a row is missing), with problems naming cells. */
export function namedSettingsFrom(cells: SettingsCells | undefined): NamedSettings {
  return parseNamedSettings(
    cells ? columnsOf(cells.grid, NAMED_SETTINGS_COLUMN, 2) : [],
    { row: 1, column: NAMED_SETTINGS_COLUMN },
    cells ? cells.tab : TABS.settings,
  );
}

/** The targets table (M:O; src/core/targets.ts), dates read in the spreadsheet's zone; empty without a tab. */
export function targetsFrom(cells: SettingsCells | undefined, readZone: DayReader): TargetsParse {
  if (!cells || cells.grid.length === 0) return { targets: [], problems: [] };
  return parseTargets(
    columnsOf(cells.grid, TARGETS_COLUMN, TARGETS_HEADERS.length),
    { row: 1, column: TARGETS_COLUMN },
    cells.tab,
    readZone,
  );
}

/** The stage rows (A:H), for custom functions (one read of those columns); undefined without the tab. */
export function readSettingsGrid(book: Book): CellGrid | undefined {
  const sheet = book.getSheetByName(TABS.settings);
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  if (last < 1) return [];
  return sheet.getRange(1, 1, last, STAGE_TABLE_WIDTH).getValues() as CellGrid;
}

/** The named settings' Setting | Value cells (J:K from row 1), for custom functions; undefined without the tab. */
export function readNamedSettingsGrid(book: Book): CellGrid | undefined {
  const sheet = book.getSheetByName(TABS.settings);
  if (!sheet) return undefined;
  const last = sheet.getLastRow();
  return last < 1 ? [] : (sheet.getRange(1, NAMED_SETTINGS_COLUMN, last, 2).getValues() as CellGrid);
}

/** The stage table alone (the whole tab read once), or undefined when the tab does not exist. */
export function readStageTable(book: Book, registry?: TabRegistry): StageTableParse | undefined {
  const cells = readSettingsCells(book, registry);
  return cells ? stageTableFrom(cells) : undefined;
}

/** The settings tab, created with the default stages when missing. */
export function ensureSettingsTab(registry: TabRegistry): { sheet: Sheet; created: boolean } {
  const created = registry.find('settings') === undefined;
  const sheet = registry.ensure('settings', SETTINGS_HEADERS);
  if (created) {
    sheet.getRange(HEADER_ROW + 1, 1, DEFAULT_STAGE_ROWS.length, SETTINGS_HEADERS.length).setValues(DEFAULT_STAGE_ROWS);
    sheet.getRange(HEADER_ROW + 1, 2, DEFAULT_STAGE_ROWS.length, 1).setNumberFormat('0%');
  } else addStageHeaders(sheet);
  addNamedSettings(sheet);
  addTargetsHeader(sheet);
  return { sheet, created };
}

/**
 * A settings tab from an earlier version has the stage table's first columns only: the later
 * columns' headers go into their blank header cells (values stay blank: the defaults apply).
 */
function addStageHeaders(sheet: Sheet): void {
  const first = 5;
  const header = (sheet.getRange(HEADER_ROW, 1, 1, STAGE_TABLE_WIDTH).getValues()[0] ?? []) as CellValue[];
  if (!header.slice(first).every(isBlank) || header.slice(0, first).some(isBlank)) return;
  sheet.getRange(HEADER_ROW, first + 1, 1, STAGE_TABLE_WIDTH - first).setValues([SETTINGS_HEADERS.slice(first)]);
}

/** Lists the named settings the tab does not have yet, with their defaults, below the ones it has. */
function addNamedSettings(sheet: Sheet): void {
  const last = Math.max(sheet.getLastRow(), 1);
  const grid = sheet.getRange(1, NAMED_SETTINGS_COLUMN, last, 3).getValues() as CellGrid;
  const rows = missingNamedSettings(grid);
  if (rows.length === 0) return;
  let used = grid.length;
  while (used > 0 && (grid[used - 1] as CellValue[]).every(isBlank)) used--;
  const out: (string | number)[][] = used === 0 ? [[...NAMED_SETTINGS_HEADERS], ...rows] : rows;
  sheet.getRange(used + 1, NAMED_SETTINGS_COLUMN, out.length, 3).setValues(out);
}

/** The targets table's header (M1:O1), written only when all three cells are blank: they may hold a user's own text. */
function addTargetsHeader(sheet: Sheet): void {
  const range = sheet.getRange(HEADER_ROW, TARGETS_COLUMN, 1, TARGETS_HEADERS.length);
  if ((range.getValues()[0] as CellValue[]).every(isBlank)) range.setValues([[...TARGETS_HEADERS]]);
}

/** The stage names column (A2:A), for the Deals tab's Stage dropdown. */
export function stageNamesRange(settings: Sheet): Range {
  return settings.getRange(`A${HEADER_ROW + 1}:A`);
}
