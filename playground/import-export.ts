/**
 * Importing the user's deals from CSV or XLSX, and exporting the workbook to XLSX. A bad import
 * (wrong columns, unreadable values, a huge file) is refused with a clear message and changes nothing.
 */
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator';
import { zoneDayReader } from '../src/core/calendar';
import { COLUMN_LABELS, mapHeaders } from '../src/core/columns';
import { parseDeals } from '../src/core/deals';
import { defaultStageTable, parseStageTable } from '../src/core/settings';
import type { CellGrid, CellValue } from '../src/core/values';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export class ImportError extends Error {}

/** RFC 4180 CSV: quoted fields, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (quoted) throw new ImportError('The CSV file ends inside a quoted field; it looks cut short.');
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

async function parseXlsx(bytes: Buffer): Promise<CellGrid> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ImportError('That file is not a readable XLSX workbook.');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new ImportError('The workbook has no sheets.');
  const grid: CellGrid = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value as unknown;
      cells[col - 1] = v === null || v === undefined ? '' : v instanceof Date ? v : typeof v === 'object' ? String((v as { result?: unknown; text?: unknown }).result ?? (v as { text?: unknown }).text ?? '') : (v as CellValue);
    });
    grid.push(Array.from(cells, (c) => c ?? ''));
  });
  return grid;
}

/** Reads and checks an upload; returns the rows to put on the Deals tab, or throws ImportError. */
export async function readImport(emu: Emulator, fileName: string, bytes: Buffer): Promise<CellGrid> {
  if (bytes.length > MAX_IMPORT_BYTES) throw new ImportError(`The file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the playground imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  const lower = fileName.toLowerCase();
  let grid: CellGrid;
  if (lower.endsWith('.csv')) grid = parseCsv(bytes.toString('utf8'));
  else if (lower.endsWith('.xlsx')) grid = await parseXlsx(bytes);
  else throw new ImportError('Import a .csv or .xlsx file.');
  if (grid.length < 2) throw new ImportError('The file has no deals: it needs a header row and at least one deal row.');
  if (grid.length - 1 > MAX_IMPORT_ROWS) throw new ImportError(`The file has ${grid.length - 1} rows; the playground imports up to ${MAX_IMPORT_ROWS}.`);
  const headers = grid[0] as CellValue[];
  const columns = mapHeaders(headers);
  if (columns.stage === undefined || (columns.deal === undefined && columns.value === undefined)) {
    throw new ImportError(`The first row must name the columns, with at least "${COLUMN_LABELS.stage}" and "${COLUMN_LABELS.deal}" or "${COLUMN_LABELS.value}" (found: ${headers.map(String).filter(Boolean).join(', ') || 'nothing'}).`);
  }
  const settings = emu.counter.quiet(() => emu.book.getSheetByName('Pipeline Settings')?.getDataRange().getValues() as CellGrid | undefined);
  const table = settings ? parseStageTable(settings, { name: 'Pipeline Settings', requireClosedStages: false }).table : defaultStageTable();
  const { problems } = parseDeals(grid.slice(1), columns, table, zoneDayReader(emu.book.getSpreadsheetTimeZone()), fileName);
  if (problems.length > 0) {
    const shown = problems.slice(0, 8).map((p) => `row ${p.row}, ${p.column}: ${p.value} is ${p.problem}`);
    throw new ImportError(`Nothing was imported: ${problems.length} cell${problems.length === 1 ? '' : 's'} could not be read.\n${shown.join('\n')}${problems.length > 8 ? `\n... and ${problems.length - 8} more` : ''}`);
  }
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Replaces the deals (and the history and generated tabs that described the old ones), keeps the settings. */
export function applyImport(emu: Emulator, grid: CellGrid): void {
  emu.counter.quiet(() => {
    for (const name of ['Deals', 'Stage History', 'Pipeline Summary', 'Pipeline Snapshots', 'Forecast']) {
      const s = emu.book.getSheetByName(name);
      if (s) emu.book.deleteSheet(s as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    }
    const deals = emu.book.insertSheet('Deals', 0);
    if (grid.length > deals.getMaxRows()) deals.insertRowsAfter(deals.getMaxRows(), grid.length - deals.getMaxRows());
    const width = (grid[0] as CellValue[]).length;
    if (width > deals.getMaxColumns()) deals.insertColumnsAfter(deals.getMaxColumns(), width - deals.getMaxColumns());
    deals.getRange(1, 1, grid.length, width).setValues(grid);
    deals.activate();
  });
  emu.call('menuSetUpPipeline');
}

export async function exportXlsx(emu: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  emu.counter.quiet(() => {
    for (const sheet of emu.book._sheets()) {
      const ws = book.addWorksheet(sheet.getName().slice(0, 31));
      const d = sheet._data();
      const rows = d.lastRow();
      const cols = d.lastColumn();
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const v = d.get(r, c);
          const f = d.meta(d.formulas, r, c);
          if (v === '' && !f) continue;
          const cell = ws.getCell(r + 1, c + 1);
          cell.value = f ? { formula: f.slice(1), result: v as never } : (v as ExcelJS.CellValue);
          const fmt = d.meta(d.formats, r, c);
          if (fmt) cell.numFmt = fmt;
          if (d.meta(d.fontWeights, r, c) === 'bold') cell.font = { bold: true };
          const note = d.meta(d.notes, r, c);
          if (note) cell.note = note;
        }
      }
      if (sheet.getFrozenRows() > 0) ws.views = [{ state: 'frozen', ySplit: sheet.getFrozenRows() }];
    }
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
