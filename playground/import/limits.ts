/**
 * The caps on an import, checked cell by cell while a file is parsed (never after padding rows to
 * the widest), and the error that names what was exceeded and where. No Node imports: the page
 * shares MAX_IMPORT_BYTES to refuse a file before sending it.
 */

/** The largest file the playground imports. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Deal rows (the header row not counted). */
export const MAX_IMPORT_ROWS = 20_000;
/** Columns per row: a deals table has about 20; Sheets allows 18,278 (ZZZ), XLSX 16,384 (XFD). */
export const MAX_IMPORT_COLUMNS = 100;
/** Rows x widest row: the cells the Deals tab would hold once rows are padded to one width. */
export const MAX_IMPORT_CELLS = 400_000;
/** Characters in one cell: Google Sheets' own limit. */
export const MAX_CELL_CHARS = 50_000;

/** A refused import or request: the message is shown to the user as it is. */
export class ImportError extends Error {}

/** Column number (1-based) to letters: 1 -> A, 100 -> CV, 16384 -> XFD. */
export function columnLetters(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Counts rows and cells as a parser meets them, and throws at the first one over a cap. */
export class ImportLimits {
  private rows = 0;
  private widest = 0;

  constructor(private readonly file: string) {}

  /** A cell at (row, column) of the file, 1-based, with this much text. */
  cell(row: number, column: number, chars = 0): void {
    if (column > MAX_IMPORT_COLUMNS) {
      throw new ImportError(
        `Nothing was imported: ${this.file} has a value in cell ${columnLetters(column)}${row} (column ${count(column)}); the playground imports up to ${MAX_IMPORT_COLUMNS} columns (A to ${columnLetters(MAX_IMPORT_COLUMNS)}).`,
      );
    }
    if (chars > MAX_CELL_CHARS) {
      throw new ImportError(
        `Nothing was imported: cell ${columnLetters(column)}${row} of ${this.file} holds more than ${count(MAX_CELL_CHARS)} characters, the most a Sheets cell takes.`,
      );
    }
  }

  /** A non-blank row of the file (its number, 1-based) ending at column `width`. */
  row(row: number, width: number): void {
    this.rows++;
    this.widest = Math.max(this.widest, width);
    if (this.rows - 1 > MAX_IMPORT_ROWS) {
      throw new ImportError(
        `Nothing was imported: ${this.file} has more than ${count(MAX_IMPORT_ROWS)} deal rows (row ${count(row)} is one too many); the playground imports up to ${count(MAX_IMPORT_ROWS)}.`,
      );
    }
    if (this.rows * this.widest > MAX_IMPORT_CELLS) {
      throw new ImportError(
        `Nothing was imported: ${this.file} is ${count(this.widest)} columns wide, and by row ${count(row)} already more than ${count(MAX_IMPORT_CELLS)} cells; the playground imports up to ${count(MAX_IMPORT_CELLS)} cells (rows x columns).`,
      );
    }
  }
}
