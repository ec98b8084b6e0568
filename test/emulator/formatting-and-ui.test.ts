/** The rest of SpreadsheetApp the add-on relies on: notes, colours, validation, conditional formats, charts, visibility, selection and the Ui. */
import { Emulator } from '../../emulator';

const setup = (): { emu: Emulator; sheet: ReturnType<Emulator['book']['insertSheet']> } => {
  const emu = new Emulator();
  return { emu, sheet: emu.book.insertSheet('T') };
};

test('notes, backgrounds and font weights are kept per cell and cleared by clear()', () => {
  const { sheet } = setup();
  const r = sheet.getRange('A1:B1');
  r.setNotes([['why', '']]);
  r.setBackgrounds([['#ff0000', '#00ff00']]);
  sheet.getRange('A1').setFontWeight('bold');
  expect(r.getNotes()).toEqual([['why', '']]);
  expect(r.getBackgrounds()).toEqual([['#ff0000', '#00ff00']]);
  expect(r.getFontWeights()).toEqual([['bold', 'normal']]);
  sheet.getRange('A1').clear();
  expect(sheet.getRange('A1').getNote()).toBe('');
  expect(sheet.getRange('A1').getBackground()).toBe('#ffffff');
});

test('data validation: list and range dropdowns, checkboxes that leave blanks blank', () => {
  const { emu, sheet } = setup();
  const options = emu.book.insertSheet('Options');
  options.getRange('A1:A3').setValues([['Lead'], ['Won'], ['']]);
  sheet
    .getRange('A1')
    .setDataValidation(emu.spreadsheetApp.newDataValidation().requireValueInList(['x', 'y']).build() as never);
  sheet.getRange('B1').setDataValidation(
    emu.spreadsheetApp
      .newDataValidation()
      .requireValueInRange(options.getRange('A1:A3') as never, true)
      .setAllowInvalid(false)
      .build() as never,
  );
  sheet.getRange('C1:C2').setDataValidation(emu.spreadsheetApp.newDataValidation().requireCheckbox().build() as never);
  expect(sheet.getRange('A1').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
  expect(sheet.getRange('B1').getDataValidation()?._options()).toEqual(['Lead', 'Won']);
  expect(sheet.getRange('B1').getDataValidation()?.getAllowInvalid()).toBe(false);
  expect(sheet.getRange('C1').getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
  expect(sheet.getRange('C1:C2').getValues()).toEqual([[''], ['']]);
  sheet.getRange('D1:D2').insertCheckboxes();
  expect(sheet.getRange('D1:D2').getValues()).toEqual([[false], [false]]);
});

test('conditional format rules are replaced whole by setConditionalFormatRules and report their condition', () => {
  const { emu, sheet } = setup();
  const rule = emu.spreadsheetApp
    .newConditionalFormatRule()
    .whenTextStartsWith('Stale:')
    .setBackground('#fce8e6')
    .setRanges([sheet.getRange('A2:A9') as never])
    .build();
  sheet.setConditionalFormatRules([rule as never]);
  const [got] = sheet.getConditionalFormatRules();
  expect(got?.getBooleanCondition()?.getCriteriaType()).toBe('TEXT_STARTS_WITH');
  expect(got?.getBooleanCondition()?.getCriteriaValues()).toEqual(['Stale:']);
  expect(got?.getRanges().map((r) => r.getA1Notation())).toEqual(['A2:A9']);
  expect(got?._matchesText('Stale: 3 days')).toBe(true);
  sheet.setConditionalFormatRules([]);
  expect(sheet.getConditionalFormatRules()).toHaveLength(0);
});

test('charts are inserted, modified in place and removed; their options and ranges read back', () => {
  const { sheet } = setup();
  const built = sheet
    .newChart()
    .setChartType('BAR')
    .addRange(sheet.getRange('A1:A5') as never)
    .setOption('title', 'Funnel')
    .setPosition(1, 9, 0, 0)
    .build();
  sheet.insertChart(built as never);
  const [chart] = sheet.getCharts();
  expect(chart?.getOptions().get('title')).toBe('Funnel');
  sheet.updateChart(
    chart!
      .modify()
      .clearRanges()
      .addRange(sheet.getRange('B1:B3') as never)
      .build() as never,
  );
  expect(sheet.getCharts()).toHaveLength(1);
  expect(
    sheet
      .getCharts()[0]
      ?.getRanges()
      .map((r) => r.getA1Notation()),
  ).toEqual(['B1:B3']);
  sheet.removeChart(sheet.getCharts()[0] as never);
  expect(sheet.getCharts()).toHaveLength(0);
});

test('hidden sheets, frozen rows, the active sheet and selection, a duplicate sheet name', () => {
  const { emu, sheet } = setup();
  sheet.hideSheet();
  expect(sheet.isSheetHidden()).toBe(true);
  sheet.setFrozenRows(1);
  expect(sheet.getFrozenRows()).toBe(1);
  const other = emu.book.insertSheet('Other');
  other.getRange('C5').activate();
  expect(emu.book.getActiveSheet().getName()).toBe('Other');
  expect(emu.book.getActiveCell().getA1Notation()).toBe('C5');
  expect(() => emu.book.insertSheet('Other')).toThrow('A sheet with the name "Other" already exists');
  expect(emu.book.getRange("'Other'!C5").getA1Notation()).toBe('C5');
});

test('the Ui records add-on menus, sidebars, dialogs, alerts and toasts; prompts take queued answers', () => {
  const emu = new Emulator().load(`
    function build() { SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addSeparator().addToUi(); }
    function side() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>').setTitle('S')); }
    function ask() { var ui = SpreadsheetApp.getUi(); var r = ui.prompt('Hour', 'Which hour?', ui.ButtonSet.OK_CANCEL); return [r.getSelectedButton(), r.getResponseText()]; }
    function tell() { SpreadsheetApp.getUi().alert('Done', 'All good', SpreadsheetApp.getUi().ButtonSet.OK); SpreadsheetApp.getActive().toast('Saved', 'Deal Pipeline'); }`);
  emu.call('build');
  expect(emu.ui.menus).toEqual([
    { title: 'Deal Pipeline', items: [{ caption: 'Go', functionName: 'go' }, 'separator'] },
  ]);
  emu.call('side');
  expect(emu.ui.sidebar?.getTitle()).toBe('S');
  emu.ui.answers.push({ button: 'OK', text: '7' });
  expect(emu.call('ask')).toEqual(['OK', '7']);
  expect(emu.call('ask')).toEqual(['CANCEL', '']);
  emu.call('tell');
  expect(emu.ui.alerts.at(-1)).toEqual({ title: 'Done', prompt: 'All good', buttons: 'OK' });
  expect(emu.book.toasts).toEqual([{ message: 'Saved', title: 'Deal Pipeline' }]);
});

test('SpreadsheetApp.flush is counted, so tests can see a lock released after a flush', () => {
  const emu = new Emulator().load(
    'function run() { var l = LockService.getDocumentLock(); l.waitLock(1000); SpreadsheetApp.flush(); l.releaseLock(); }',
  );
  emu.call('run');
  expect(emu.spreadsheetApp.flushes).toBe(1);
  expect(emu.locks.state.releasesWithoutFlush).toBe(0);
});

test('an unformatted cell reports Sheets\' automatic format "0.###############", not "" or "General"', () => {
  const { sheet } = setup();
  sheet.getRange('A1:B2').setValues([
    [12.5, 'x'],
    ['', 3],
  ]);
  expect(sheet.getRange('A1').getNumberFormat()).toBe('0.###############');
  expect(sheet.getRange('A1:B2').getNumberFormats()).toEqual([
    ['0.###############', '0.###############'],
    ['0.###############', '0.###############'],
  ]);
  sheet.getRange('B2').setNumberFormat('$#,##0');
  expect(sheet.getRange('A2:B2').getNumberFormats()).toEqual([['0.###############', '$#,##0']]);
  // The automatic format displays like General.
  expect(sheet.getRange('A1').getDisplayValue()).toBe('12.5');
  sheet.getRange('B2').clearFormat();
  expect(sheet.getRange('B2').getNumberFormat()).toBe('0.###############');
});
