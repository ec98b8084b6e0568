import { Emulator } from '../../emulator';
import { exportState, importState } from '../../emulator/state';
import { DEAL_HEADERS, readTab, writeTab } from '../helpers/workbook';

test('a workbook survives export to JSON and import into a fresh emulator', () => {
  const a = new Emulator({ timeZone: 'Europe/Paris' }).load();
  writeTab(a, 'Deals', [DEAL_HEADERS, DEAL_HEADERS.map((h) => ({ Deal: 'Acme', Owner: 'Ann', Company: 'C', Stage: 'Proposal', Value: 10, 'Stage Entered': '2026-10-01' } as Record<string, unknown>)[h] ?? '')]);
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
  expect(b.book.getSheetByName('Pipeline Summary')!.getCharts()).toHaveLength(3);
  expect(b.book.getSpreadsheetTimeZone()).toBe('Europe/Paris');
  // The restored workbook keeps working with the add-on.
  b.call('menuRefreshSummary');
  expect(b.book.getSheetByName('Pipeline Summary')!.getCharts()).toHaveLength(3);
  expect(b.triggers.triggers.map((t) => t.handler)).toEqual(['onDealEdit', 'onAutomationTick']);
});
