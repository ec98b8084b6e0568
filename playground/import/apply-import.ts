/**
 * Writes a checked import onto a fresh Deals tab. setValues behaves like typing, so text that starts
 * with = + - @ (or an apostrophe) is written behind an apostrophe and stays the text it was; only
 * the cells the user asked to import as formulas are written as formulas.
 */
import type { Emulator } from '../../emulator';
import type { CellValue } from '../../src/core/values';
import type { ImportPlan } from './read-import';

const FORMULA_START = /^[=+\-@']/;
/** "-500" or "+3.5" is a number to Sheets, not a formula: it is written as typed. */
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A value as it must be typed for Sheets to store exactly it. */
export function literal(v: CellValue): CellValue {
  return typeof v === 'string' && FORMULA_START.test(v) && !PLAIN_NUMBER.test(v.trim()) ? `'${v}` : v;
}

/** Replaces the deals (and the history and generated tabs that described the old ones), keeps the settings. */
export function applyImport(emu: Emulator, plan: ImportPlan): void {
  const rows = plan.grid.map((row, r) => row.map((v, c) => plan.formulas.get(`${r},${c}`) ?? literal(v)));
  emu.counter.quiet(() => {
    for (const name of ['Deals', 'Stage History', 'Pipeline Summary', 'Pipeline Snapshots', 'Forecast']) {
      const s = emu.book.getSheetByName(name);
      if (s) emu.book.deleteSheet(s as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    }
    const deals = emu.book.insertSheet('Deals', 0);
    if (rows.length > deals.getMaxRows()) deals.insertRowsAfter(deals.getMaxRows(), rows.length - deals.getMaxRows());
    const width = (rows[0] as CellValue[]).length;
    if (width > deals.getMaxColumns()) deals.insertColumnsAfter(deals.getMaxColumns(), width - deals.getMaxColumns());
    deals.getRange(1, 1, rows.length, width).setValues(rows);
    deals.activate();
  });
  emu.call('menuSetUpPipeline');
}
