import { isDefaultNumberFormat } from '../../src/core/number-formats';

test('Sheets\' automatic format, "General" and a blank format all mean "no format chosen"', () => {
  for (const f of ['0.###############', 'General', 'general', '', ' ', null, undefined])
    expect([f, isDefaultNumberFormat(f)]).toEqual([f, true]);
});

test('any format a person chose is theirs, however close to the default it looks', () => {
  for (const f of [
    '0',
    '0.00',
    '0.##',
    '0.##############',
    '#,##0',
    '$#,##0',
    '€#,##0',
    '0%',
    'yyyy-mm-dd',
    'M/d/yyyy',
    '@',
  ]) {
    expect([f, isDefaultNumberFormat(f)]).toEqual([f, false]);
  }
});
