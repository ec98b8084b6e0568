/** The job's cursor, on the TypeScript sources with the emulator's services as globals. */
import { Emulator } from '../../emulator';
import { ALL_PHASES, pendingPhases, runJob } from '../../src/actions/jobs';
import { automationTick } from '../../src/actions/automation';
import { DEAL_HEADERS, writeTab } from '../helpers/workbook';

test('a job short of time stops between phases, saves a cursor, and the next tick finishes it', () => {
  const emu = new Emulator();
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, { SpreadsheetApp: emu.spreadsheetApp, PropertiesService: emu.properties, LockService: emu.locks, Charts: { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE' } }, Utilities: { formatDate: (d: Date) => d.toISOString() }, Session: emu.session });
  try {
    writeTab(emu, 'Deals', [DEAL_HEADERS, DEAL_HEADERS.map((h) => ({ Deal: 'A', Stage: 'Proposal', Value: 1 } as Record<string, unknown>)[h] ?? '')]);
    const status = runJob(emu.book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet, 'Daily job', ALL_PHASES, -1);
    expect(status.result).toBe('Continuing');
    expect(pendingPhases()).toEqual(['summary']);
    expect(emu.book.getSheetByName('Pipeline Snapshots')).toBeNull();
    const next = automationTick(emu.book as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet);
    expect(next?.result).toBe('OK');
    expect(pendingPhases()).toEqual([]);
    expect(emu.book.getSheetByName('Pipeline Snapshots')).not.toBeNull();
  } finally {
    for (const k of ['SpreadsheetApp', 'PropertiesService', 'LockService', 'Charts', 'Utilities', 'Session']) delete g[k];
  }
});
