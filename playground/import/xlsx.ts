/**
 * The first worksheet of an XLSX file, read with the import caps checked at every cell: a cell in
 * column XFD stops the read at that cell, before its row exists. Parts are unpacked with a size
 * limit (zip.ts). Values are what Excel last computed; with `formulas`, a cell's formula instead.
 * Dates (numbers under a date format) become instants at that wall-clock time in `timeZone`.
 */
import { MS_PER_DAY, SERIAL_OF_EPOCH, startOfDayIn } from '../../src/core/calendar';
import type { CellValue } from '../../src/core/values';
import { ImportError, ImportLimits } from './limits';
import { attributes, decodeXml, runText } from './xml';
import { ZipParts } from './zip';

/** Cells read from a file: the values, and (when the user asked for them) formulas by "row,column" (0-based). */
export interface ImportedGrid {
  values: CellValue[][];
  formulas: Map<string, string>;
}

export interface XlsxOptions {
  file: string;
  timeZone: string;
  formulas: boolean;
}

/** Excel's built-in date and time number formats. */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** For each cell style (the `s` attribute), whether it shows a date. */
function dateStyles(styles: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(/<numFmt\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const xfs = /<cellXfs\b[^>]*?>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*?)\/?>/g)].map((m) => {
    const id = Number(attributes(m[1] ?? '').get('numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id);
  });
}

/** The path of the workbook's first sheet, from workbook.xml and its relationships. */
function firstSheetPath(zip: ZipParts, file: string): string {
  const sheet = /<(?:\w+:)?sheet\b([^>]*?)\/?>/.exec(zip.text('xl/workbook.xml'));
  if (!sheet) throw new ImportError(`Nothing was imported: ${file} has no sheets.`);
  const id = [...attributes(sheet[1] ?? '')].find(([k]) => /(^|:)id$/.test(k))?.[1];
  for (const m of zip.text('xl/_rels/workbook.xml.rels').matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
    const a = attributes(m[1] ?? '');
    if (a.get('Id') !== id) continue;
    const target = a.get('Target') ?? '';
    return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  }
  throw new ImportError(`Nothing was imported: ${file} does not say where its first sheet is.`);
}

const COLUMN = /^([A-Z]{1,3})(\d+)$/;
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
const inner = (xml: string, tag: string): string | undefined =>
  new RegExp(`<${tag}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${tag}>)`).exec(xml)?.[1];

export function parseXlsx(bytes: Buffer, options: XlsxOptions, limits: ImportLimits): ImportedGrid {
  const { file, timeZone } = options;
  let zip: ZipParts;
  try {
    zip = new ZipParts(bytes, file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(`Nothing was imported: ${file} is not a readable XLSX workbook.`);
  }
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*"(1|true)"/.test(zip.text('xl/workbook.xml'));
  const sheetXml = zip.text(firstSheetPath(zip, file));
  const shared = zip.has('xl/sharedStrings.xml')
    ? [...zip.text('xl/sharedStrings.xml').matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map((m) =>
        runText(m[1] ?? ''),
      )
    : [];
  const dates = zip.has('xl/styles.xml') ? dateStyles(zip.text('xl/styles.xml')) : [];
  const toDate = (serial: number): Date => {
    const day = Math.floor(serial) - SERIAL_OF_EPOCH + (date1904 ? 1462 : 0);
    return new Date(startOfDayIn(day, timeZone).getTime() + Math.round((serial - Math.floor(serial)) * MS_PER_DAY));
  };

  const values: CellValue[][] = [];
  const formulas = new Map<string, string>();
  const data = inner(sheetXml, 'sheetData') ?? '';
  const rowTag = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  let rowNumber = 0;
  for (let r = rowTag.exec(data); r; r = rowTag.exec(data)) {
    rowNumber = Number(attributes(r[1] ?? '').get('r') ?? rowNumber + 1);
    const cells: CellValue[] = [];
    const rowFormulas: [number, string][] = [];
    const cellTag = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    let column = 0;
    const body = r[2] ?? '';
    for (let c = cellTag.exec(body); c; c = cellTag.exec(body)) {
      const a = attributes(c[1] ?? '');
      const ref = COLUMN.exec(a.get('r') ?? '');
      column = ref ? columnNumber(ref[1] as string) : column + 1;
      limits.cell(rowNumber, column);
      const xml = c[2] ?? '';
      const v = inner(xml, 'v');
      let value: CellValue;
      switch (a.get('t')) {
        case 's':
          value = shared[Number(v)] ?? '';
          break;
        case 'inlineStr':
          value = runText(inner(xml, 'is') ?? '');
          break;
        case 'str':
        case 'e':
          value = decodeXml(v ?? '');
          break;
        case 'b':
          value = v === '1' || v === 'true';
          break;
        case 'd':
          value = v ? toDate(Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) / MS_PER_DAY + SERIAL_OF_EPOCH) : '';
          break;
        default: {
          const n = v === undefined || v.trim() === '' ? NaN : Number(v);
          value = Number.isNaN(n) ? decodeXml(v ?? '') : dates[Number(a.get('s') ?? 0)] ? toDate(n) : n;
        }
      }
      if (typeof value === 'string') limits.cell(rowNumber, column, value.length);
      const f = options.formulas ? decodeXml(inner(xml, 'f') ?? '') : '';
      if (f !== '') {
        limits.cell(rowNumber, column, f.length + 1);
        rowFormulas.push([column - 1, `=${f}`]);
      }
      cells[column - 1] = value;
    }
    const row = Array.from(cells, (x) => x ?? '');
    if (!row.some((x) => !(x === '' || (typeof x === 'string' && x.trim() === ''))) && rowFormulas.length === 0)
      continue;
    limits.row(rowNumber, row.length);
    for (const [col, f] of rowFormulas) formulas.set(`${values.length},${col}`, f);
    values.push(row);
  }
  return { values, formulas };
}
