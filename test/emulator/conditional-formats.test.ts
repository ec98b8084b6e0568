/**
 * Conditional-format rules as the stage colors rely on them (#14): one boolean condition per rule,
 * "text is exactly", background and font colors read back, copy(), getRanges(), order kept by
 * setConditionalFormatRules, saved and restored with the workbook, and drawn by the playground
 * (first matching rule wins). Font colors of cells too.
 */
import { Emulator } from '../../emulator';
import { exportState, importState } from '../../emulator/state';
import { sheetView } from '../../playground/view';

const setup = () => {
  const emu = new Emulator();
  const sheet = emu.book.insertSheet('T');
  const rule = (text: string, bg: string, fc?: string, a1 = 'A2:A9') => {
    let b = emu.spreadsheetApp.newConditionalFormatRule().whenTextEqualTo(text).setBackground(bg);
    if (fc) b = b.setFontColor(fc);
    return b.setRanges([sheet.getRange(a1) as never]).build();
  };
  return { emu, sheet, rule };
};

test('whenTextEqualTo reports TEXT_EQUAL_TO with its text, background and font color; matches the whole text only', () => {
  const { sheet, rule } = setup();
  sheet.setConditionalFormatRules([rule('Proposal', '#e69f00', '#000000') as never]);
  const cond = sheet.getConditionalFormatRules()[0]!.getBooleanCondition()!;
  expect(cond.getCriteriaType()).toBe('TEXT_EQUAL_TO');
  expect(cond.getCriteriaValues()).toEqual(['Proposal']);
  expect(cond.getBackground()).toBe('#e69f00');
  expect(cond.getFontColor()).toBe('#000000');
  const got = sheet.getConditionalFormatRules()[0]!;
  expect(got._matchesText('Proposal')).toBe(true);
  expect(got._matchesText('Proposal sent')).toBe(false);
  expect(got._matchesText('XProposal')).toBe(false);
});

test('a rule holds one condition: a later when...() replaces the earlier one', () => {
  const { emu, sheet } = setup();
  const r = emu.spreadsheetApp
    .newConditionalFormatRule()
    .whenTextStartsWith('Stale:')
    .whenTextEqualTo('Won')
    .setBackground('#009e73')
    .setRanges([sheet.getRange('A1:A3') as never])
    .build();
  expect(r.getBooleanCondition()?.getCriteriaType()).toBe('TEXT_EQUAL_TO');
  expect(r._matchesText('Stale: 3 days')).toBe(false);
});

test('copy() is a builder preset with the rule: condition, colors and ranges; changing the copy leaves the rule alone', () => {
  const { sheet, rule } = setup();
  const original = rule('Won', '#009e73', '#000000');
  const changed = original
    .copy()
    .setBackground('#ffffff')
    .setRanges([sheet.getRange('B2:B3') as never])
    .build();
  expect(changed.getBooleanCondition()?.getCriteriaValues()).toEqual(['Won']);
  expect(changed.getBooleanCondition()?.getFontColor()).toBe('#000000');
  expect(changed.getBooleanCondition()?.getBackground()).toBe('#ffffff');
  expect(changed.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:B3']);
  expect(original.getBooleanCondition()?.getBackground()).toBe('#009e73');
  expect(original.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A9']);
});

test('setConditionalFormatRules keeps the given order; the rules survive a save and reload', () => {
  const { emu, sheet, rule } = setup();
  sheet.setConditionalFormatRules([rule('A', '#111111') as never, rule('B', '#222222', '#ffffff') as never]);
  const saved = JSON.parse(JSON.stringify(exportState(emu)));
  const again = new Emulator();
  importState(again, saved);
  const rules = again.book.getSheetByName('T')!.getConditionalFormatRules();
  expect(rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0])).toEqual(['A', 'B']);
  expect(rules[1]?.getBooleanCondition()?.getFontColor()).toBe('#ffffff');
  expect(rules[1]?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A9']);
});

test('cell font colors: black when unset, set per cell or per block, cleared by clearFormat, saved and restored', () => {
  const { emu, sheet } = setup();
  const r = sheet.getRange('A1:B1');
  expect(r.getFontColors()).toEqual([['#000000', '#000000']]);
  r.setFontColors([['#ffffff', null]]);
  expect(r.getFontColors()).toEqual([['#ffffff', '#000000']]);
  const saved = JSON.parse(JSON.stringify(exportState(emu)));
  const again = new Emulator();
  importState(again, saved);
  expect(again.book.getSheetByName('T')!.getRange('A1:B1').getFontColors()).toEqual([['#ffffff', '#000000']]);
  r.clearFormat();
  expect(r.getFontColors()).toEqual([['#000000', '#000000']]);
  expect(() => r.setFontColors([['#ffffff']])).toThrow();
});

test('the playground draws the first matching rule of a cell: its background and font color', () => {
  const { emu, sheet, rule } = setup();
  sheet.getRange('A1:A3').setValues([['Stage'], ['Won'], ['Lost']]);
  sheet.setConditionalFormatRules([
    rule('Won', '#ff0000', undefined, 'A2:A2') as never,
    rule('Won', '#009e73', '#000000') as never,
    rule('Lost', '#d55e00', '#ffffff') as never,
  ]);
  const view = sheetView(emu, sheet, undefined);
  expect(view.cells[1]?.[0]).toMatchObject({ t: 'Won', bg: '#ff0000' });
  expect(view.cells[1]?.[0]?.fc).toBeUndefined();
  expect(view.cells[2]?.[0]).toMatchObject({ t: 'Lost', bg: '#d55e00', fc: '#ffffff' });
  expect(view.cells[0]?.[0]?.bg).toBeUndefined();
});

test('a chart with rows and columns switched keeps that through modify() and a reload; the playground draws a series per row in the chart colors', () => {
  const { emu, sheet } = setup();
  sheet.getRange('A1:B3').setValues([
    ['Stage', 'Deals reached'],
    ['Lead', 5],
    ['Won', 2],
  ]);
  const chart = sheet
    .newChart()
    .setChartType('BAR' as never)
    .addRange(sheet.getRange('A1:A3') as never)
    .addRange(sheet.getRange('B1:B3') as never)
    .setTransposeRowsAndColumns(true)
    .setOption('colors', ['#56b4e9', '#009e73'])
    .build();
  sheet.insertChart(chart as never);
  const modified = sheet.getCharts()[0]!.modify().setOption('title', 'Funnel').build();
  expect(modified.getTransposeRowsAndColumns()).toBe(true);
  sheet.updateChart(modified as never);
  const again = new Emulator();
  importState(again, JSON.parse(JSON.stringify(exportState(emu))));
  const view = sheetView(again, again.book.getSheetByName('T')!, undefined);
  expect(view.charts[0]).toMatchObject({
    title: 'Funnel',
    labels: ['Deals reached'],
    series: [
      { name: 'Lead', data: [5] },
      { name: 'Won', data: [2] },
    ],
    colors: ['#56b4e9', '#009e73'],
  });
});
