/** HyperFormula hosting our custom functions, over the built bundle in the emulator. */
import { recalculate } from '../../playground/formulas';
import { loadedEmulator, writeTab } from '../helpers/workbook';

test('formulas with our functions evaluate like Sheets: scalars, spilled tables, errors with their messages', () => {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [
    ['Stage', 'Value', 'Close'],
    ['Proposal', 1000, '2026-12-10'],
    ['Closed Won', 2000, '2026-12-20'],
    ['Qualification', '$3,000', '2027-01-05'],
  ]);
  writeTab(emu, 'Calc', [
    ['=WEIGHTED_FORECAST(Deals!B2:B4, Deals!A2:A4)', '=SUM(Deals!B2:B3)*2', '=WIN_RATE(Deals!A2:A4)'],
    ['=FORECAST_BY_MONTH(Deals!B2:B4, Deals!A2:A4, Deals!C2:C4)'],
    [],
    [],
    [],
    ['=STAGE_PROBABILITY(Deals!A2)', '=PIPELINE_VALUE(Deals!B2:B4, Deals!A2:A3)'],
  ]);
  const { spills, errors } = recalculate(emu);
  const calc = emu.counter.quiet(() => emu.book.getSheetByName('Calc')!.getDataRange().getValues());
  expect(calc[0]?.[0]).toBe(1000 * 0.5 + 2000 + 3000 * 0.3);
  expect(calc[0]?.[1]).toBe(6000);
  expect(calc[0]?.[2]).toBe(1);
  expect(calc[1]?.[0]).toBe('Month');
  expect(spills.get('Calc')?.get('2,0')).toBe('2026-12');
  expect(spills.get('Calc')?.get('3,0')).toBe('2027-01');
  expect(spills.get('Calc')?.get('2,4')).toBe(2000);
  expect(calc[5]?.[0]).toBe(0.5);
  expect(calc[5]?.[1]).toBe('#ERROR!');
  expect(errors.get('Calc')?.get('5,1')).toBe(
    'PIPELINE_VALUE: values has 3 rows but stages has 2; give ranges of the same height',
  );
});
