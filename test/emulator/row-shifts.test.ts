/**
 * Deleting and inserting rows moves every cell's metadata with its row, as Sheets does
 * (Sheet.deleteRows / insertRowsBefore: "rows below move up/down"), checked against a plain array
 * model spliced the same way. The metadata is stored row by row (emulator/cell-map.ts) so that
 * deleting rows of a 50,000-row tab does not re-key every cell below.
 */
import { Emulator } from '../../emulator';

const ROWS = 40;
const COLS = 3;

interface Cell {
  value: string;
  format: string;
  note: string;
  formula: string;
  background: string;
}

function cell(r: number, c: number): Cell {
  return {
    value: r % 5 === 0 ? '' : `v${r}.${c}`,
    format: (r + c) % 3 === 0 ? '0.00' : 'General',
    note: r % 4 === c ? `note ${r}` : '',
    formula: r % 5 === 0 && c === 0 ? `=ROW()+${r}` : '',
    background: (r * c) % 7 === 1 ? '#ff0000' : '#ffffff',
  };
}

function seed(e: Emulator): GoogleAppsScript.Spreadsheet.Sheet {
  const s = e.book.insertSheet('T') as unknown as GoogleAppsScript.Spreadsheet.Sheet;
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++) {
      const x = cell(r, c);
      const range = s.getRange(r + 1, c + 1);
      if (x.formula) range.setFormula(x.formula);
      else range.setValue(x.value);
      range.setNumberFormat(x.format).setNote(x.note).setBackground(x.background);
    }
  return s;
}

function read(s: GoogleAppsScript.Spreadsheet.Sheet, rows: number): string[][] {
  const r = s.getRange(1, 1, rows, COLS);
  const formulas = r.getFormulas();
  const formats = r.getNumberFormats();
  const notes = r.getNotes();
  const bgs = r.getBackgrounds();
  const values = r.getValues();
  return values.map((row, i) =>
    row.map((v, j) =>
      [formulas[i]![j] ? formulas[i]![j] : String(v), formats[i]![j], notes[i]![j], bgs[i]![j]].join('|'),
    ),
  );
}

// A new row has no format: getNumberFormats gives Sheets' default (emulator DEFAULT_NUMBER_FORMAT).
const blank: Cell = { value: '', format: '0.###############', note: '', formula: '', background: '#ffffff' };
const show = (x: Cell): string => [x.formula || x.value, x.format, x.note, x.background].join('|');

test('deleteRows and insertRowsBefore move values, formulas, formats, notes and colours with their rows', () => {
  const e = new Emulator();
  const s = seed(e);
  // The model: a plain array of rows, spliced as the sheet is.
  const model: Cell[][] = [];
  for (let r = 0; r < ROWS; r++) {
    const row: Cell[] = [];
    for (let c = 0; c < COLS; c++) row.push(cell(r, c));
    model.push(row);
  }
  s.deleteRows(3, 2);
  model.splice(2, 2);
  s.deleteRow(30);
  model.splice(29, 1);
  s.insertRowsBefore(10, 3);
  model.splice(9, 0, ...[0, 1, 2].map(() => Array.from({ length: COLS }, () => blank)));
  s.deleteRows(1, 1);
  model.splice(0, 1);
  expect(s.getMaxRows()).toBe(1000 - 2 - 1 + 3 - 1);
  expect(read(s, model.length)).toEqual(model.map((row) => row.map(show)));
  // Below the moved rows nothing is left behind.
  expect(read(s, model.length + 5).slice(model.length)).toEqual(
    Array.from({ length: 5 }, () => Array.from({ length: COLS }, () => show(blank))),
  );
});

test('deleting rows drops their validation; the rows below keep theirs one row up', () => {
  const e = new Emulator();
  const s = seed(e);
  const rule = e.spreadsheetApp
    .newDataValidation()
    .requireCheckbox()
    .build() as unknown as GoogleAppsScript.Spreadsheet.DataValidation;
  s.getRange(5, 2, 4, 1).setDataValidation(rule);
  s.deleteRows(4, 2);
  const got = s
    .getRange(1, 2, 10, 1)
    .getDataValidations()
    .map((r) => (r[0] ? 'checkbox' : ''));
  // Rows 5..8 had it; rows 4 and 5 deleted: old 6..8 are now 4..6.
  expect(got).toEqual(['', '', '', 'checkbox', 'checkbox', 'checkbox', '', '', '', '']);
});
