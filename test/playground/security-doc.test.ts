/** docs/PLAYGROUND-SECURITY.md states the caps the code enforces: the table is checked against the constants. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_JSON_BODY_BYTES } from '../../playground/http/body';
import { MAX_IMPORT_BODY_BYTES } from '../../playground/http/app';
import {
  MAX_CELL_CHARS,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_CELLS,
  MAX_IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
} from '../../playground/import/limits';
import { MAX_XLSX_PART_BYTES, MAX_XLSX_PARTS } from '../../playground/import/zip';

const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'PLAYGROUND-SECURITY.md'), 'utf8');
const row = (label: string): string => {
  const line = doc.split('\n').find((l) => l.startsWith(`| ${label} |`));
  if (!line) throw new Error(`no caps row "${label}"`);
  return line.split('|')[2]?.trim() ?? '';
};
const n = (x: number): string => x.toLocaleString('en-US');

test('the caps table matches the code', () => {
  expect(row('JSON request body (every route but import)')).toBe(`${MAX_JSON_BODY_BYTES / 1024} KiB`);
  expect(row('Import request body')).toMatch(new RegExp(`^${n(MAX_IMPORT_BODY_BYTES)} bytes`));
  expect(row('Import file')).toBe(`${MAX_IMPORT_BYTES / 1024 / 1024} MiB`);
  expect(row('Deal rows')).toMatch(new RegExp(`^${n(MAX_IMPORT_ROWS)} `));
  expect(row('Columns')).toMatch(new RegExp(`^${MAX_IMPORT_COLUMNS} `));
  expect(row('Cells (rows x widest row)')).toBe(n(MAX_IMPORT_CELLS));
  expect(row('Characters in a cell')).toBe(n(MAX_CELL_CHARS));
  expect(row('One XLSX part, unpacked')).toBe(`${MAX_XLSX_PART_BYTES / 1024 / 1024} MiB`);
  expect(row('Parts in an XLSX file')).toBe(n(MAX_XLSX_PARTS));
});
