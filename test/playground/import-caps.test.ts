/**
 * The import caps hold while a file is parsed: a hostile row or cell stops the read where it is,
 * with a message naming the cell, before the rows exist or are padded. Each "early" case puts a
 * second, different fault after the first one: seeing the first fault's message shows the parser
 * stopped there rather than reading on.
 */
import { parseCsv } from '../../playground/import/csv';
import {
  ImportError,
  ImportLimits,
  MAX_CELL_CHARS,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
} from '../../playground/import/limits';
import { parseXlsx } from '../../playground/import/xlsx';
import { MAX_XLSX_PART_BYTES } from '../../playground/import/zip';
import { num, text, xlsx, zip } from './xlsx-fixture';

const csv = (s: string): string[][] => parseCsv(s, new ImportLimits('deals.csv'));
const readXlsx = (bytes: Buffer, formulas = false) =>
  parseXlsx(bytes, { file: 'deals.xlsx', timeZone: 'America/New_York', formulas }, new ImportLimits('deals.xlsx'));
const failure = (run: () => unknown): string => {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return (e as Error).message;
  }
  throw new Error('expected an ImportError');
};
/** Column letters computed here, independently of the code under test. */
const letters = (n: number): string =>
  n <= 26 ? String.fromCharCode(64 + n) : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26));

describe('CSV', () => {
  test('reads quoted fields, doubled quotes, newlines inside quotes, CRLF, a BOM and a trailing comma; drops blank rows', () => {
    expect(csv('\uFEFFDeal,Stage\r\n"Acme, ""big"" one",Proposal\n\n"two\nlines",Lead,\n')).toEqual([
      ['Deal', 'Stage'],
      ['Acme, "big" one', 'Proposal'],
      ['two\nlines', 'Lead', ''],
    ]);
  });

  test('a 250,000-field row (0.6 MB) is refused at the first field past the column cap, naming the cell', () => {
    const row = 'xx,'.repeat(200_000) + ','.repeat(50_000);
    const file = `Deal,Stage\n${row}\n"never closed`;
    expect(file.length).toBeGreaterThan(500_000);
    const message = failure(() => csv(file));
    expect(message).toContain(`cell ${letters(MAX_IMPORT_COLUMNS + 1)}2 (column ${MAX_IMPORT_COLUMNS + 1})`);
    expect(message).toContain(`up to ${MAX_IMPORT_COLUMNS} columns`);
  });

  test(`the row cap: ${MAX_IMPORT_ROWS} deal rows are read, one more is refused where it is`, () => {
    const rows = (n: number): string => Array.from({ length: n }, (_, i) => `D${i},Lead`).join('\n');
    expect(csv(`Deal,Stage\n${rows(MAX_IMPORT_ROWS)}`)).toHaveLength(MAX_IMPORT_ROWS + 1);
    const message = failure(() => csv(`Deal,Stage\n${rows(MAX_IMPORT_ROWS + 1)}\n"never closed`));
    expect(message).toContain(
      `more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} deal rows (row ${(MAX_IMPORT_ROWS + 2).toLocaleString('en-US')} is one too many)`,
    );
  });

  test('the cell-length cap (Sheets: 50,000 characters), quoted or not', () => {
    expect(csv(`Deal,Stage\n${'a'.repeat(MAX_CELL_CHARS)},Lead`)[1]?.[0]).toHaveLength(MAX_CELL_CHARS);
    expect(failure(() => csv(`Deal,Stage\nok,${'a'.repeat(MAX_CELL_CHARS + 1)}`))).toContain(
      'cell B2 of deals.csv holds more than 50,000 characters',
    );
    expect(failure(() => csv(`Deal,Stage\n"${'a'.repeat(MAX_CELL_CHARS + 1)}",Lead`))).toContain(
      'cell A2 of deals.csv holds more than 50,000 characters',
    );
  });

  test('the cells cap counts rows x widest row as rows arrive, before any padding', () => {
    const width = 80;
    const wide = Array.from({ length: width }, (_, i) => `c${i}`).join(',');
    const rowsAllowed = Math.floor(MAX_IMPORT_CELLS / width);
    const file = `${wide}\n${'a,b\n'.repeat(rowsAllowed)}"never closed`;
    expect(failure(() => csv(file))).toContain(
      `is ${width} columns wide, and by row ${(rowsAllowed + 1).toLocaleString('en-US')} already more than ${MAX_IMPORT_CELLS.toLocaleString('en-US')} cells`,
    );
  });

  test('a file cut short inside quotes is refused, naming where the quote starts', () => {
    expect(failure(() => csv('Deal,Stage\nAcme,"Propo'))).toContain('starting in cell B2 never ends');
  });
});

describe('XLSX', () => {
  test('a cell in column XFD is refused at that cell (a 100 KB file of such rows), before its row exists', () => {
    const rows = [`<row r="1">${text('A1', 'Deal')}${text('B1', 'Stage')}</row>`];
    for (let r = 2; r <= 3_000; r++) rows.push(`<row r="${r}">${num(`XFD${r}`, 1)}</row>`);
    // A second fault later on: a cell too long to read. The first must be the one reported.
    rows.push(`<row r="3001">${text('A3001', 'a'.repeat(MAX_CELL_CHARS + 1))}</row>`);
    const file = xlsx(rows.join(''));
    expect(file.length).toBeLessThan(200_000);
    const started = Date.now();
    const message = failure(() => readXlsx(file));
    expect(message).toContain('cell XFD2 (column 16,384)');
    expect(message).toContain(`up to ${MAX_IMPORT_COLUMNS} columns (A to ${letters(MAX_IMPORT_COLUMNS)})`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  test('a part that unpacks past its limit (a zip bomb) is refused at the limit', () => {
    const padding = Buffer.alloc(MAX_XLSX_PART_BYTES + 1024 * 1024, 32);
    const file = xlsx(Buffer.concat([Buffer.from(`<row r="1">${text('A1', 'Deal')}</row>`), padding]));
    expect(file.length).toBeLessThan(MAX_XLSX_PART_BYTES / 100);
    expect(failure(() => readXlsx(file))).toContain(`unpacks to more than ${MAX_XLSX_PART_BYTES / 1024 / 1024} MB`);
  });

  test('row and cell-length caps hold for XLSX too', () => {
    const rows = [`<row r="1">${text('A1', 'Deal')}${text('B1', 'Stage')}</row>`];
    for (let r = 2; r <= MAX_IMPORT_ROWS + 2; r++) rows.push(`<row r="${r}">${num(`A${r}`, r)}</row>`);
    expect(failure(() => readXlsx(xlsx(rows.join(''))))).toContain(
      `more than ${MAX_IMPORT_ROWS.toLocaleString('en-US')} deal rows`,
    );
    expect(failure(() => readXlsx(xlsx(`<row r="1">${text('C1', 'a'.repeat(MAX_CELL_CHARS + 1))}</row>`)))).toContain(
      'cell C1 of deals.xlsx holds more than 50,000 characters',
    );
  });

  test('reads shared and inline strings, numbers, booleans, errors, dates (in the spreadsheet zone), and formulas only when asked', () => {
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const serial = Date.UTC(2027, 0, 15) / 86_400_000 + 25_569;
    const rows =
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>` +
      `<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3"><f>SUM(1,2)</f><v>3</v></c><c r="C3" s="1"><v>${serial}</v></c><c r="D3" s="2"><v>${serial + 0.5}</v></c>` +
      `<c r="E3" t="b"><v>1</v></c><c r="F3" t="e"><v>#N/A</v></c>${text('G3', '=HYPERLINK("http://x","y")')}</row>`;
    const file = xlsx(rows, { sharedStrings: ['Deal', 'Value', 'Close', 'A & B <co>'], styles });
    const plain = readXlsx(file);
    // Row 2 is empty in the file and dropped, like a blank CSV line.
    expect(plain.values).toHaveLength(2);
    expect(plain.values[0]).toEqual(['Deal', 'Value', 'Close']);
    const [name, value, close, closeNoon, won, error, hostile] = plain.values[1] as unknown[];
    expect([name, value, won, error, hostile]).toEqual(['A & B <co>', 3, true, '#N/A', '=HYPERLINK("http://x","y")']);
    // 2027-01-15 00:00 and 12:00 in New York (UTC-5 in January).
    expect((close as Date).toISOString()).toBe('2027-01-15T05:00:00.000Z');
    expect((closeNoon as Date).toISOString()).toBe('2027-01-15T17:00:00.000Z');
    expect(plain.formulas.size).toBe(0);
    const withFormulas = readXlsx(file, true);
    expect([...withFormulas.formulas]).toEqual([['1,1', '=SUM(1,2)']]);
  });

  test('a file that is not a zip, or a zip without a workbook, gets a clear message', () => {
    expect(failure(() => readXlsx(Buffer.from('not a zip')))).toContain('deals.xlsx is not a readable XLSX workbook');
    expect(failure(() => readXlsx(zip({ 'hello.txt': 'hi' })))).toContain('has no xl/workbook.xml');
  });
});
