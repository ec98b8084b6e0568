/**
 * The README's history worked example (TIME_IN_STAGE, HISTORICAL_WIN_RATE, observed probabilities in
 * WEIGHTED_FORECAST and FORECAST_BY_MONTH), evaluated by the formula engine over the built bundle,
 * with dates typed as date cells, as a user's sheet holds them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recalculate } from '../../playground/formulas';
import { midnightIn } from '../helpers/date-cells';
import { loadedEmulator } from '../helpers/workbook';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
const ZONE = 'America/New_York';

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
const cell = (t: string): string | number | Date =>
  /^\d{4}-\d{2}-\d{2}$/.test(t) ? midnightIn(t, ZONE) : t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t;
const close = (actual: unknown, expected: string): void => {
  const n = Number(expected);
  if (expected !== '' && !Number.isNaN(n)) expect(actual).toBeCloseTo(n, (expected.split('.')[1] ?? '').length);
  else expect(actual ?? '').toBe(expected);
};

test('the README history example matches what the functions return', () => {
  const emu = loadedEmulator({ timeZone: ZONE });
  const deals = tableAfter('<!-- history-example:deals -->').map((r) => r.map(cell));
  const history = tableAfter('<!-- history-example:history -->').map((r) => r.map(cell));
  const formulas = tableAfter('<!-- history-example:formulas -->').slice(1);
  const tables = [...readme.matchAll(/<!-- history-example:table (.+) -->/g)].map((m) => ({
    call: m[1] as string,
    rows: tableAfter(m[0]),
  }));
  expect([deals.length, history.length, formulas.length, tables.length]).toEqual([6, 12, 4, 2]);
  const sheet = emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Example');
    s.getRange(1, 1, deals.length, 4).setValues(deals);
    s.getRange(1, 6, history.length, 5).setValues(history);
    formulas.forEach((f, i) => s.getRange(20 + i * 2, 1).setValue((f[0] as string).replace(/`/g, '')));
    tables.forEach((t, i) => s.getRange(40 + i * 12, 1).setValue(`=${t.call}`));
    return s;
  });
  const { spills, errors } = recalculate(emu);
  expect([...(errors.get('Example')?.values() ?? [])]).toEqual([]);
  const at = (r: number, c: number): unknown =>
    spills.get('Example')?.get(`${r - 1},${c - 1}`) ?? emu.counter.quiet(() => sheet.getRange(r, c).getValue());
  formulas.forEach((f, i) => close(at(20 + i * 2, 1), f[1] as string));
  tables.forEach((t, i) => t.rows.forEach((row, r) => row.forEach((c, k) => close(at(40 + i * 12 + r, k + 1), c))));
});

test("the README's sums hold: observed FORECAST_BY_MONTH's Weighted total is WEIGHTED_FORECAST's", () => {
  const rows = tableAfter('<!-- history-example:table FORECAST_BY_MONTH');
  const total = rows.slice(1).reduce((s, r) => s + Number(r[3]), 0);
  expect(total).toBeCloseTo(7000 + (5000 * 7) / 13 + (1000 * 5) / 13, 1);
});
