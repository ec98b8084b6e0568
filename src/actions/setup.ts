/**
 * Set up pipeline: creates what is missing and adopts what exists. Never moves, clears or rewrites
 * a user's cell; running it twice changes nothing the second time.
 */
import { CHECKBOX_COLUMNS, COLUMN_KEYS, COLUMN_LABELS, ColumnKey, DATE_COLUMNS, MONEY_COLUMNS } from '../core/columns';
import { isDefaultNumberFormat } from '../core/number-formats';
import { DEFAULT_STAGE_ROWS, SETTINGS_HEADERS } from '../core/settings';
import { readDealsTable, DealsTable } from '../sheets/deals-sheet';
import { appendHistory, historySheet, HistoryRow, readHistory } from '../sheets/history-sheet';
import { cellsOf } from '../core/deals';
import { CellValue, readText } from '../core/values';
import { findDealsSheet, TABS } from '../sheets/tabs';
import { assignDealIds } from './deal-ids';
import { currentUser, withDocumentLock } from './pipeline-context';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows below the data that get dropdowns and checkboxes ahead of being typed into. */
const HEADROOM_ROWS = 500;
const FORMATS: Partial<Record<ColumnKey, string>> = {};
for (const k of MONEY_COLUMNS) FORMATS[k] = '$#,##0';
for (const k of DATE_COLUMNS) FORMATS[k] = 'yyyy-mm-dd';
FORMATS.probability = '0%';

export interface SetupReport { created: string[]; addedColumns: string[]; assignedIds: number; adopted: string | undefined; loggedStages: number }

function settingsSheet(book: Book, report: SetupReport): Sheet {
  const existing = book.getSheetByName(TABS.settings);
  if (existing) return existing;
  const sheet = book.insertSheet(TABS.settings);
  sheet.getRange(1, 1, 1 + DEFAULT_STAGE_ROWS.length, SETTINGS_HEADERS.length).setValues([SETTINGS_HEADERS.slice(), ...DEFAULT_STAGE_ROWS]);
  sheet.getRange(1, 1, 1, SETTINGS_HEADERS.length).setFontWeight('bold');
  sheet.getRange(2, 2, DEFAULT_STAGE_ROWS.length, 1).setNumberFormat('0%');
  sheet.setFrozenRows(1);
  report.created.push(TABS.settings);
  return sheet;
}

function dealsSheet(book: Book, report: SetupReport): Sheet {
  const found = findDealsSheet(book);
  if (found) {
    if (found.getName() !== TABS.deals) report.adopted = found.getName();
    return found;
  }
  const sheet = book.insertSheet(TABS.deals, 0);
  report.created.push(TABS.deals);
  return sheet;
}

function appendMissingColumns(sheet: Sheet, table: DealsTable, report: SetupReport): void {
  const missing = COLUMN_KEYS.filter((k) => table.columns[k] === undefined);
  if (missing.length === 0) return;
  const used = table.headers.filter((h) => h !== '' && h !== null && h !== undefined).length === 0 ? 0 : table.width;
  const need = used + missing.length - sheet.getMaxColumns();
  if (need > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), need);
  sheet.getRange(1, used + 1, 1, missing.length).setValues([missing.map((k) => COLUMN_LABELS[k])]);
  report.addedColumns.push(...missing.map((k) => COLUMN_LABELS[k]));
}

function applyFormatsAndValidation(book: Book, sheet: Sheet, table: DealsTable): void {
  const rows = Math.min(sheet.getMaxRows() - 1, Math.max(table.rows.length, 1) + HEADROOM_ROWS);
  if (rows < 1) return;
  const col = (k: ColumnKey): number => (table.columns[k] as number) + 1;
  const settings = book.getSheetByName(TABS.settings) as Sheet;
  const stageRule = SpreadsheetApp.newDataValidation()
    .requireValueInRange(settings.getRange('A2:A'), true)
    .setAllowInvalid(true)
    .setHelpText('Pick a stage from the Pipeline Settings tab.')
    .build();
  sheet.getRange(2, col('stage'), rows, 1).setDataValidation(stageRule);
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  for (const k of CHECKBOX_COLUMNS) sheet.getRange(2, col(k), rows, 1).setDataValidation(checkbox);
  // Formats only where the user has set none: their own formatting is theirs.
  for (const [key, format] of Object.entries(FORMATS) as [ColumnKey, string][]) {
    const range = sheet.getRange(2, col(key), rows, 1);
    const current = range.getNumberFormats();
    if (!current.some((r) => isDefaultNumberFormat(r[0]))) continue;
    range.setNumberFormats(current.map((r) => [isDefaultNumberFormat(r[0]) ? format : (r[0] as string)]));
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, sheet.getLastColumn()).setFontWeight('bold');
}

export function setupPipeline(book: Book): SetupReport {
  return withDocumentLock(20_000, () => {
    const report: SetupReport = { created: [], addedColumns: [], assignedIds: 0, adopted: undefined, loggedStages: 0 };
    settingsSheet(book, report);
    const sheet = dealsSheet(book, report);
    appendMissingColumns(sheet, readDealsTable(sheet), report);
    const table = readDealsTable(sheet);
    if (!book.getSheetByName(TABS.history)) { historySheet(book); report.created.push(TABS.history); }
    applyFormatsAndValidation(book, sheet, table);
    report.assignedIds = assignDealIds(table).size;
    report.loggedStages = logStagesAtSetup(book, table);
    return report;
  });
}

/**
 * Gives every deal without history one "import" row with its current stage, so later pasted edits
 * (which carry no oldValue) know each deal's previous stage.
 */
function logStagesAtSetup(book: Book, table: DealsTable): number {
  const logged = new Set(readHistory(book).map((e) => e.dealId));
  const now = new Date();
  const user = currentUser();
  const rows: HistoryRow[] = [];
  for (const raw of table.rows) {
    const cells = cellsOf(raw as CellValue[], table.columns);
    const id = readText(cells('dealId'));
    const stage = readText(cells('stage'));
    if (id === '' || stage === '' || logged.has(id)) continue;
    logged.add(id);
    rows.push([now, id, readText(cells('deal')), '', stage, user, 'import', 'Stage when the pipeline was set up']);
  }
  appendHistory(book, rows);
  return rows.length;
}

export function describeSetup(r: SetupReport): string {
  const lines: string[] = [];
  if (r.created.length) lines.push(`Created: ${r.created.join(', ')}.`);
  if (r.adopted) lines.push(`Using your existing "${r.adopted}" tab as the deals tab.`);
  if (r.addedColumns.length) lines.push(`Added columns at the end: ${r.addedColumns.join(', ')}.`);
  if (r.assignedIds) lines.push(`Gave ${r.assignedIds} deal${r.assignedIds === 1 ? '' : 's'} a Deal ID.`);
  if (r.loggedStages) lines.push(`Logged the current stage of ${r.loggedStages} deal${r.loggedStages === 1 ? '' : 's'} in Stage History (via import).`);
  if (lines.length === (r.adopted ? 1 : 0)) return `Everything was already set up${r.adopted ? ` (deals tab: "${r.adopted}")` : ''}; nothing changed.`;
  return lines.join('\n');
}
