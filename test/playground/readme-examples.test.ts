/** The README's worked example, evaluated by the formula engine over the built bundle: docs that cannot drift. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recalculate } from '../../playground/formulas';
import { loadedEmulator } from '../helpers/workbook';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The markdown table right after a marker comment, as rows of cell text (header included). */
function tableAfter(marker: string): string[][] {
  const at = readme.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const lines = readme.slice(at).split('\n').slice(1);
  const rows: string[][] = [];
  for (const line of lines) {
    if (!line.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    if (/^\|[-| ]+\|$/.test(line)) continue;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}
const num = (t: string): string | number => (t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t);
const close = (actual: unknown, expected: string): void => {
  // To the precision the README writes it with.
  if (typeof actual === 'number' && typeof num(expected) === 'number')
    expect(actual).toBeCloseTo(num(expected) as number, (expected.split('.')[1] ?? '').length);
  else expect(actual).toBe(num(expected));
};

test('the README worked example matches what the functions return', () => {
  const emu = loadedEmulator();
  const data = tableAfter('<!-- worked-example:data -->').map((r) => r.map(num));
  const formulas = tableAfter('<!-- worked-example:formulas -->').slice(1);
  const tables = [...readme.matchAll(/<!-- worked-example:table (.+) -->/g)].map((m) => ({
    call: m[1] as string,
    rows: tableAfter(m[0]),
  }));
  const sheet = emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Example');
    s.getRange(1, 1, data.length, 5).setValues(data);
    formulas.forEach((f, i) => s.getRange(20 + i * 5, 1).setValue((f[0] as string).replace(/`/g, '')));
    tables.forEach((t, i) => s.getRange(80 + i * 12, 1).setValue(`=${t.call}`));
    return s;
  });
  const { spills } = recalculate(emu);
  const at = (r: number, c: number): unknown =>
    spills.get('Example')?.get(`${r - 1},${c - 1}`) ?? emu.counter.quiet(() => sheet.getRange(r, c).getValue());
  formulas.forEach((f, i) => {
    const expected = (f[1] as string).split(' / ');
    expected.forEach((e, k) => close(at(20 + i * 5 + k, 1), e));
  });
  tables.forEach((t, i) =>
    t.rows.forEach((row, r) => row.forEach((cell, c) => close(at(80 + i * 12 + r, c + 1), cell))),
  );
  expect(formulas).toHaveLength(9);
  expect(tables).toHaveLength(3);
});
