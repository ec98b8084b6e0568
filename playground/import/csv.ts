/**
 * RFC 4180 CSV (quoted fields, doubled quotes, commas and newlines inside quotes), read with the
 * import caps checked at every field: a row of 250,000 fields stops at field 101, before the row
 * or any padding exists. Rows are the file's records, numbered as Sheets would number them.
 */
import { columnLetters, ImportError, ImportLimits } from './limits';

/** Where the unquoted text starting at `from` ends: the next comma, CR, LF, or the end. */
function delimiterAfter(src: string, from: number): number {
  let i = from;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The non-blank rows of a CSV file, as text. Throws ImportError at the first cap exceeded. */
export function parseCsv(text: string, limits: ImportLimits): string[][] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let record = 1;
  const push = (value: string): void => {
    limits.cell(record, row.length + 1, value.length);
    row.push(value);
  };
  const endRecord = (): void => {
    if (row.some((c) => c.trim() !== '')) {
      limits.row(record, row.length);
      rows.push(row);
    }
    row = [];
    record++;
  };
  let i = 0;
  while (i < src.length) {
    let value = '';
    if (src[i] === '"') {
      let from = i + 1;
      for (;;) {
        const quote = src.indexOf('"', from);
        if (quote < 0)
          throw new ImportError(
            `Nothing was imported: the quoted value starting in cell ${columnLetters(row.length + 1)}${record} never ends; the CSV file looks cut short.`,
          );
        value += src.slice(from, quote);
        limits.cell(record, row.length + 1, value.length);
        if (src[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
    }
    // Unquoted text, or text after a closing quote, up to the delimiter (kept, as Sheets keeps it).
    const end = delimiterAfter(src, i);
    value += src.slice(i, end);
    i = end;
    push(value);
    if (src[i] === ',') {
      i++;
      if (i === src.length) push('');
      continue;
    }
    if (src[i] === '\r') i += src[i + 1] === '\n' ? 2 : 1;
    else if (src[i] === '\n') i++;
    endRecord();
  }
  if (row.length > 0) endRecord();
  return rows;
}
