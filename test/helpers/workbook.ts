/** Builds emulated workbooks for tests: a loaded bundle, and deals written as a user would type them. */
import { Emulator, EmulatorOptions } from '../../emulator';
import type { EmuSheet } from '../../emulator';

export function loadedEmulator(opts: EmulatorOptions = {}): Emulator {
  return new Emulator(opts).load();
}

/** Writes a header row and rows onto a new or existing tab, without counting service calls. */
export function writeTab(emu: Emulator, name: string, rows: unknown[][]): EmuSheet {
  return emu.counter.quiet(() => {
    const sheet = emu.book.getSheetByName(name) ?? emu.book.insertSheet(name);
    const width = Math.max(...rows.map((r) => r.length));
    const padded = rows.map((r) => [...r, ...Array(width - r.length).fill('')]);
    if (padded.length > sheet.getMaxRows())
      sheet.insertRowsAfter(sheet.getMaxRows(), padded.length - sheet.getMaxRows());
    sheet.getRange(1, 1, padded.length, width).setValues(padded);
    return sheet;
  });
}

/** The values of a tab, uncounted. */
export function readTab(emu: Emulator, name: string): unknown[][] {
  return emu.counter.quiet(() => {
    const sheet = emu.book.getSheetByName(name);
    if (!sheet) throw new Error(`no tab ${name}`);
    return sheet.getDataRange().getValues();
  });
}

export function select(emu: Emulator, tab: string, row: number, column = 1): void {
  emu.counter.quiet(() => {
    const sheet = emu.book.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    sheet.getRange(row, column).activate();
  });
}
