/**
 * The README's history worked example (TIME_IN_STAGE, HISTORICAL_WIN_RATE, observed probabilities in
 * WEIGHTED_FORECAST and FORECAST_BY_MONTH), evaluated by the formula engine over the built bundle,
 * with dates typed as date cells, as a user's sheet holds them.
 */
import { cellValue, evaluateExample, expectCell, resultTables, tableAfter } from '../helpers/readme-example';
import { loadedEmulator } from '../helpers/workbook';

const ZONE = 'America/New_York';
const cell = (t: string): string | number | Date => cellValue(t, ZONE);

test('the README history example matches what the functions return', () => {
  const emu = loadedEmulator({ timeZone: ZONE });
  const deals = tableAfter('<!-- history-example:deals -->').map((r) => r.map(cell));
  const history = tableAfter('<!-- history-example:history -->').map((r) => r.map(cell));
  const formulas = tableAfter('<!-- history-example:formulas -->').slice(1);
  const tables = resultTables('history-example');
  expect([deals.length, history.length, formulas.length, tables.length]).toEqual([6, 12, 4, 2]);
  const { at, errors } = evaluateExample(emu, (s) => {
    s.getRange(1, 1, deals.length, 4).setValues(deals);
    s.getRange(1, 6, history.length, 5).setValues(history);
    formulas.forEach((f, i) => s.getRange(20 + i * 2, 1).setValue((f[0] as string).replace(/`/g, '')));
    tables.forEach((t, i) => s.getRange(40 + i * 12, 1).setValue(`=${t.call}`));
  });
  expect(errors).toEqual([]);
  formulas.forEach((f, i) => expectCell(at(20 + i * 2, 1), f[1] as string));
  tables.forEach((t, i) =>
    t.rows.forEach((row, r) => row.forEach((c, k) => expectCell(at(40 + i * 12 + r, k + 1), c))),
  );
});

test("the README's sums hold: observed FORECAST_BY_MONTH's Weighted total is WEIGHTED_FORECAST's", () => {
  const rows = tableAfter('<!-- history-example:table FORECAST_BY_MONTH');
  const total = rows.slice(1).reduce((s, r) => s + Number(r[3]), 0);
  expect(total).toBeCloseTo(7000 + (5000 * 7) / 13 + (1000 * 5) / 13, 1);
});
