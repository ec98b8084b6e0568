/** The README's PIPELINE_CHANGES worked example, evaluated by the formula engine over the built bundle. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recalculate } from '../../playground/formulas';
import { loadedEmulator } from '../helpers/workbook';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function tableAfter(marker: string): string[][] {
  const at = readme.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of readme.slice(at).split('\n').slice(1)) {
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

test('the README PIPELINE_CHANGES example matches what the function returns, and reconciles', () => {
  const emu = loadedEmulator();
  const deals = tableAfter('<!-- changes-example:deals -->').map((r) => r.map(num));
  const history = tableAfter('<!-- changes-example:history -->').map((r) => r.map(num));
  const marker = /<!-- changes-example:table (.+) -->/.exec(readme);
  expect(marker).not.toBeNull();
  const expected = tableAfter(marker![0]).map((r) => r.map(num));
  const sheet = emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Example');
    s.getRange(1, 1, deals.length, 5).setValues(deals);
    s.getRange(1, 8, history.length, 9).setValues(history);
    s.getRange(30, 1).setValue(`=${marker![1]}`);
    return s;
  });
  const { spills } = recalculate(emu);
  const at = (r: number, c: number): unknown =>
    spills.get('Example')?.get(`${r - 1},${c - 1}`) ?? emu.counter.quiet(() => sheet.getRange(r, c).getValue());
  const got = expected.map((row, r) => row.map((_, c) => at(30 + r, c + 1)));
  expect(got).toEqual(expected);
  // The first seven rows reconcile: start + the five changes = end (independent of the function).
  const money = expected.slice(1, 8).map((r) => r[2] as number);
  expect(money.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(money[6]);
});
