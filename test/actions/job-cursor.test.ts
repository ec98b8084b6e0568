/** The daily job's cursor, on the TypeScript sources with the emulator's services as globals. */
import { Emulator } from '../../emulator';
import { EmuUtilities } from '../../emulator/services';
import { automationTick } from '../../src/actions/automation';
import { JOBS, readCursor, runJob } from '../../src/actions/jobs';
import { clearCursor, saveCursor } from '../../src/actions/jobs/cursor';
import { PROPERTY_KEYS } from '../../src/sheets/property-keys';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { writeTab } from '../helpers/workbook';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
const GLOBALS = ['SpreadsheetApp', 'PropertiesService', 'LockService', 'Charts', 'Utilities', 'Session'];

function withServices(test: (emu: Emulator, book: Book) => void): void {
  const emu = new Emulator();
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, {
    SpreadsheetApp: emu.spreadsheetApp,
    PropertiesService: emu.properties,
    LockService: emu.locks,
    Charts: { ChartType: { BAR: 'BAR', COLUMN: 'COLUMN', LINE: 'LINE' } },
    Utilities: new EmuUtilities(emu.clock),
    Session: emu.session,
  });
  try {
    writeTab(emu, 'Deals', [DEAL_HEADERS, dealRow({ 'Deal ID': 'D-1', Deal: 'A', Stage: 'Proposal', Value: 1 })]);
    test(emu, emu.book as unknown as Book);
  } finally {
    for (const k of GLOBALS) delete g[k];
  }
}

const props = (emu: Emulator): GoogleAppsScript.Properties.Properties =>
  emu.properties.document as unknown as GoogleAppsScript.Properties.Properties;

test('a job short of time stops between phases, saves a cursor it owns, and the next tick finishes it', () => {
  withServices((emu, book) => {
    const status = runJob(book, JOBS.daily, -1);
    expect(status.result).toBe('Continuing');
    expect(status.message).toMatch(
      /^Done: 0 stale deals flagged; continuing with snapshots, forecasts, summary, digest on the next run/,
    );
    expect(readCursor(props(emu))).toEqual({ owner: 'daily', phases: ['snapshots', 'forecasts', 'summary', 'digest'] });
    expect(emu.book.getSheetByName('Pipeline Snapshots')).toBeNull();
    const next = automationTick(book);
    expect(next?.job).toBe('Daily job (continued)');
    expect(next?.result).toBe('OK');
    expect(readCursor(props(emu))).toBeUndefined();
    expect(emu.book.getSheetByName('Pipeline Snapshots')).not.toBeNull();
  });
});

test("a menu run never deletes the daily job's saved continuation", () => {
  withServices((emu, book) => {
    expect(runJob(book, JOBS.daily, -1).result).toBe('Continuing');
    const saved = readCursor(props(emu));
    expect(runJob(book, JOBS.refreshSummary).result).toBe('OK');
    expect(runJob(book, JOBS.flagStale, -1).result).toBe('OK');
    expect(readCursor(props(emu))).toEqual(saved);
    expect(automationTick(book)?.job).toBe('Daily job (continued)');
    expect(readCursor(props(emu))).toBeUndefined();
  });
});

test('only the owner clears a cursor; a cursor saved before owners were recorded belongs to the daily job', () => {
  withServices((emu) => {
    const p = props(emu);
    saveCursor(p, { owner: 'daily', phases: ['summary'] });
    expect(clearCursor(p, 'someone else')).toBe(false);
    expect(readCursor(p)).toEqual({ owner: 'daily', phases: ['summary'] });
    expect(clearCursor(p, 'daily')).toBe(true);
    expect(readCursor(p)).toBeUndefined();
    p.setProperty(PROPERTY_KEYS.jobCursor, JSON.stringify(['summary']));
    expect(readCursor(p)).toEqual({ owner: 'daily', phases: ['snapshots', 'summary'] });
    p.setProperty(PROPERTY_KEYS.jobCursor, '{not json');
    expect(readCursor(p)).toBeUndefined();
  });
});
