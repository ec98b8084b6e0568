/**
 * The workbook as an XLSX file. A formula cell is exported as its formula; every other cell as its
 * value, so text that starts with = + - @ stays a text cell (never a formula). Dates are written as
 * the wall-clock time in the spreadsheet's zone, which is what an XLSX date means.
 */
import ExcelJS from 'exceljs';
import type { Emulator } from '../emulator';
import { zoneOffset } from '../src/core/calendar';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export async function exportXlsx(emu: Emulator): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  emu.counter.quiet(() => {
    const offset = zoneOffset(emu.book.getSpreadsheetTimeZone());
    const wall = (d: Date): Date => new Date(d.getTime() + offset(d.getTime()));
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
          const value = isDate(v) ? wall(v) : v;
          const cell = ws.getCell(r + 1, c + 1);
          // A string is always written as a string cell; only the emulator's formula cells carry a formula.
          cell.value = f ? { formula: f.slice(1), result: value as never } : value;
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
