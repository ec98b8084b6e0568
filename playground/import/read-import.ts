/**
 * Reads and checks an upload before anything is written: the format, the caps (while parsing),
 * the header row, and every deal cell the add-on reads. Returns the block to put on the Deals tab,
 * or throws ImportError with a message that names the row, column and value.
 */
import type { Emulator } from '../../emulator';
import { zoneDayReader } from '../../src/core/calendar';
import { COLUMN_LABELS, mapHeaders } from '../../src/core/columns';
import { parseDeals } from '../../src/core/deals';
import { defaultStageTable, parseStageTable } from '../../src/core/settings';
import type { CellGrid, CellValue } from '../../src/core/values';
import { parseCsv } from './csv';
import { ImportError, ImportLimits, MAX_IMPORT_BYTES } from './limits';
import { ImportedGrid, parseXlsx } from './xlsx';

export interface ImportFile {
  name: string;
  bytes: Buffer;
  /** The user ticked "formulas": cells starting with = become formulas; otherwise they are text. */
  formulas: boolean;
}

/** What to write: the rows padded to one width, and the formula cells by "row,column" (0-based). */
export interface ImportPlan {
  grid: CellGrid;
  formulas: Map<string, string>;
  deals: number;
}

function csvGrid(bytes: Buffer, file: ImportFile): ImportedGrid {
  const values = parseCsv(bytes.toString('utf8'), new ImportLimits(file.name));
  const formulas = new Map<string, string>();
  if (file.formulas) {
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v.length > 1 && v.startsWith('=')) formulas.set(`${r},${c}`, v);
      }),
    );
  }
  return { values, formulas };
}

export function readImport(emu: Emulator, file: ImportFile): ImportPlan {
  const { name, bytes } = file;
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportError(
      `Nothing was imported: ${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the playground imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
    );
  const lower = name.toLowerCase();
  const timeZone = emu.counter.quiet(() => emu.book.getSpreadsheetTimeZone());
  let read: ImportedGrid;
  if (lower.endsWith('.csv')) read = csvGrid(bytes, file);
  else if (lower.endsWith('.xlsx'))
    read = parseXlsx(bytes, { file: name, timeZone, formulas: file.formulas }, new ImportLimits(name));
  else throw new ImportError('Import a .csv or .xlsx file.');
  const grid = read.values;
  if (grid.length < 2) throw new ImportError('The file has no deals: it needs a header row and at least one deal row.');
  const headers = grid[0] as CellValue[];
  const columns = mapHeaders(headers);
  if (columns.stage === undefined || (columns.deal === undefined && columns.value === undefined)) {
    throw new ImportError(
      `The first row must name the columns, with at least "${COLUMN_LABELS.stage}" and "${COLUMN_LABELS.deal}" or "${COLUMN_LABELS.value}" (found: ${headers.map(String).filter(Boolean).join(', ') || 'nothing'}).`,
    );
  }
  const settings = emu.counter.quiet(
    () => emu.book.getSheetByName('Pipeline Settings')?.getDataRange().getValues() as CellGrid | undefined,
  );
  const table = settings
    ? parseStageTable(settings, { name: 'Pipeline Settings', requireClosedStages: false }).table
    : defaultStageTable();
  const { problems } = parseDeals(grid.slice(1), columns, table, zoneDayReader(timeZone), name);
  if (problems.length > 0) {
    const shown = problems.slice(0, 8).map((p) => `row ${p.row}, ${p.column}: ${p.value} is ${p.problem}`);
    throw new ImportError(
      `Nothing was imported: ${problems.length} cell${problems.length === 1 ? '' : 's'} could not be read.\n${shown.join('\n')}${problems.length > 8 ? `\n... and ${problems.length - 8} more` : ''}`,
    );
  }
  // The caps held while parsing, so rows x width is at most MAX_IMPORT_CELLS here.
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    grid: grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    formulas: read.formulas,
    deals: grid.length - 1,
  };
}
