/** The README's worked example, evaluated by the formula engine over the built bundle: docs that cannot drift. */
import { cellValue, evaluateExample, expectCell, resultTables, tableAfter } from '../helpers/readme-example';
import { loadedEmulator } from '../helpers/workbook';

test('the README worked example matches what the functions return', () => {
  const emu = loadedEmulator();
  const data = tableAfter('<!-- worked-example:data -->').map((r) => r.map((t) => cellValue(t)));
  const formulas = tableAfter('<!-- worked-example:formulas -->').slice(1);
  const tables = resultTables('worked-example');
  const { at } = evaluateExample(emu, (s) => {
    s.getRange(1, 1, data.length, 5).setValues(data);
    formulas.forEach((f, i) => s.getRange(20 + i * 5, 1).setValue((f[0] as string).replace(/`/g, '')));
    tables.forEach((t, i) => s.getRange(80 + i * 12, 1).setValue(`=${t.call}`));
  });
  formulas.forEach((f, i) => {
    const expected = (f[1] as string).split(' / ');
    expected.forEach((e, k) => expectCell(at(20 + i * 5 + k, 1), e));
  });
  tables.forEach((t, i) =>
    t.rows.forEach((row, r) => row.forEach((cell, c) => expectCell(at(80 + i * 12 + r, c + 1), cell))),
  );
  expect(formulas).toHaveLength(9);
  expect(tables).toHaveLength(3);
});
