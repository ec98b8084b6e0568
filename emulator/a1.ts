/** A1 notation: "B2", "A1:C8", "A:A", "2:5", "'Pipeline Settings'!A1:C8". */

export interface GridRef {
  row: number;
  column: number;
  numRows?: number;
  numColumns?: number;
}

export function letterToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnToLetter(column: number): string {
  let n = column;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Splits "'My tab'!A1:B2" into sheet name (or undefined) and the reference. */
export function splitSheet(a1: string): { sheet?: string; ref: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { ref: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: a1.slice(bang + 1) };
}

const CELL = /^\$?([A-Za-z]+)?\$?(\d+)?$/;

/** Parses a reference; open ends (A:A, 2:5) extend to maxRows/maxColumns. */
export function parseA1(ref: string, maxRows: number, maxColumns: number): Required<GridRef> | undefined {
  const [a, b] = ref.split(':');
  const first = CELL.exec(a ?? '');
  if (!first || (!first[1] && !first[2])) return undefined;
  const second = b === undefined ? first : CELL.exec(b);
  if (!second || (!second[1] && !second[2])) return undefined;
  const c1 = first[1] ? letterToColumn(first[1]) : 1;
  const r1 = first[2] ? Number(first[2]) : 1;
  const c2 = second[1] ? letterToColumn(second[1]) : maxColumns;
  const r2 = second[2] ? Number(second[2]) : maxRows;
  if (r1 < 1 || c1 < 1) return undefined;
  return {
    row: Math.min(r1, r2),
    column: Math.min(c1, c2),
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

export function toA1(row: number, column: number, numRows = 1, numColumns = 1): string {
  const start = `${columnToLetter(column)}${row}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetter(column + numColumns - 1)}${row + numRows - 1}`;
}
