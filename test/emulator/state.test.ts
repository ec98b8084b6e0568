import { Emulator } from '../../emulator';
import { exportState, importState } from '../../emulator/state';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { readTab, writeTab } from '../helpers/workbook';

test('a workbook survives export to JSON and import into a fresh emulator', () => {
  const a = new Emulator({ timeZone: 'Europe/Paris' }).load();
  writeTab(a, 'Deals', [
    DEAL_HEADERS,
    dealRow({ Deal: 'Acme', Owner: 'Ann', Company: 'C', Stage: 'Proposal', Value: 10, 'Stage Entered': '2026-10-01' }),
  ]);
  a.call('menuSetUpPipeline');
  a.call('menuRefreshSummary');
  a.call('menuFlagStaleDeals');
  a.call('menuTurnOnAutomation');
  const json = JSON.stringify(exportState(a));
  const b = new Emulator().load();
  importState(b, JSON.parse(json));
  expect(JSON.stringify(exportState(b))).toBe(json);
  expect(readTab(b, 'Deals')).toEqual(readTab(a, 'Deals'));
  expect(b.book.getSheetByName('Deals')!.getRange('E2').getDataValidation()?._options()).toContain('Closed Won');
  expect(b.book.getSheetByName('Pipeline Summary')!.getCharts()).toHaveLength(4);
  expect(b.book.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  // The restored workbook keeps working with the add-on.
  b.call('menuRefreshSummary');
  expect(b.book.getSheetByName('Pipeline Summary')!.getCharts()).toHaveLength(4);
  expect(b.triggers.triggers.map((t) => t.handler)).toEqual(['onDealEdit', 'onAutomationTick']);
});

test('tabs keep their sheet IDs through export and import, so the add-on still knows its tabs after a reload', () => {
  const a = new Emulator().load();
  writeTab(a, 'Deals', [DEAL_HEADERS, dealRow({ Deal: 'Acme', Stage: 'Proposal', Value: 10 })]);
  a.call('menuSetUpPipeline');
  a.call('menuRefreshSummary');
  a.book.getSheetByName('Deals')!.setName('Our deals');
  const ids = a.book.getSheets().map((s) => [s.getName(), s.getSheetId()]);
  const b = new Emulator().load();
  importState(b, JSON.parse(JSON.stringify(exportState(a))));
  expect(b.book.getSheets().map((s) => [s.getName(), s.getSheetId()])).toEqual(ids);
  b.call('menuRefreshSummary');
  b.call('menuFlagStaleDeals');
  expect(
    b.book
      .getSheets()
      .map((s) => s.getName())
      .sort(),
  ).toEqual(ids.map(([name]) => name).sort());
  // A tab inserted after the reload gets a fresh ID, never one already taken.
  const fresh = b.book.insertSheet('Notes').getSheetId();
  expect(ids.map(([, id]) => id)).not.toContain(fresh);
});
