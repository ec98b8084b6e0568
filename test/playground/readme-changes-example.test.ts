/** The README's PIPELINE_CHANGES worked example, evaluated by the formula engine over the built bundle. */
import { cellValue, evaluateExample, resultTables, tableAfter } from '../helpers/readme-example';
import { loadedEmulator } from '../helpers/workbook';

test('the README PIPELINE_CHANGES example matches what the function returns, and reconciles', () => {
  const emu = loadedEmulator();
  const deals = tableAfter('<!-- changes-example:deals -->').map((r) => r.map((t) => cellValue(t)));
  const history = tableAfter('<!-- changes-example:history -->').map((r) => r.map((t) => cellValue(t)));
  const tables = resultTables('changes-example');
  expect(tables).toHaveLength(1);
  const { call, rows } = tables[0]!;
  const expected = rows.map((r) => r.map((t) => cellValue(t)));
  const { at } = evaluateExample(emu, (s) => {
    s.getRange(1, 1, deals.length, 5).setValues(deals);
    s.getRange(1, 8, history.length, 9).setValues(history);
    s.getRange(30, 1).setValue(`=${call}`);
  });
  const got = expected.map((row, r) => row.map((_, c) => at(30 + r, c + 1)));
  expect(got).toEqual(expected);
  // The first seven rows reconcile: start + the five changes = end (independent of the function).
  const money = expected.slice(1, 8).map((r) => r[2] as number);
  expect(money.slice(0, 6).reduce((a, b) => a + b, 0)).toBe(money[6]);
});
