/**
 * Sheets passes a date cell to a custom function as midnight in the SPREADSHEET's time zone; the
 * functions must read the calendar date there, not in the script's (or the process's) zone.
 * Dates here are built as absolute instants, so the tests mean the same under any process TZ.
 */
import { wallToInstant } from '../../emulator/time';
import { asColumn as col } from '../../fixtures/ranges';
import { loadedEmulator } from '../helpers/workbook';

const TABLE = [
  ['Stage', 'Win probability', 'Outcome'],
  ['Lead', 0.1, 'Open'],
  ['Won', 1, 'Won'],
  ['Lost', 0, 'Lost'],
];

describe.each(['Europe/Berlin', 'Asia/Tokyo', 'America/Los_Angeles'])('a spreadsheet in %s', (zone) => {
  const march1 = wallToInstant(2026, 3, 1, zone);
  const march31 = wallToInstant(2026, 3, 31, zone);
  const feb28 = wallToInstant(2026, 2, 28, zone);

  test('a close date cell of 1 March (midnight there) counts in March in FORECAST_BY_MONTH', () => {
    const emu = loadedEmulator({ timeZone: zone });
    const out = emu.callCustomFunction(
      'FORECAST_BY_MONTH',
      col([100, 200, 300]),
      col(['Lead', 'Won', 'Lead']),
      col([march1, march31, feb28]),
      TABLE,
    ) as unknown[][];
    expect(out).toEqual([
      ['Month', 'Deals', 'Pipeline', 'Weighted', 'Won'],
      ['2026-02', 1, 300, 30, 0],
      ['2026-03', 2, 100, 210, 200],
    ]);
  });

  test('SALES_CYCLE_DAYS counts whole days between the calendar dates of the cells', () => {
    const emu = loadedEmulator({ timeZone: zone });
    // Created typed as text (a calendar date), closed a date cell: 1 Feb -> 1 Mar is 28 days.
    expect(
      emu.callCustomFunction(
        'SALES_CYCLE_DAYS',
        col(['2026-02-01', '2026-03-01']),
        col([march1, march31]),
        col(['Won', 'Won']),
        TABLE,
      ),
    ).toBe((28 + 30) / 2);
    // Closed on the day it was created: 0 days, not "closed before created".
    expect(emu.callCustomFunction('SALES_CYCLE_DAYS', col(['2026-03-01']), col([march1]), col(['Won']), TABLE)).toBe(0);
  });

  test("FORECAST_BY_MONTH's months start from today in the spreadsheet's zone", () => {
    // 20:00 UTC on 30 November is already 1 December in Tokyo, still 30 November in Berlin and Los Angeles.
    const emu = loadedEmulator({ timeZone: zone, now: Date.UTC(2026, 10, 30, 20) });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' }).format(
      new Date(Date.UTC(2026, 10, 30, 20)),
    );
    const out = emu.callCustomFunction(
      'FORECAST_BY_MONTH',
      col([100]),
      col(['Lead']),
      col([wallToInstant(2027, 1, 10, zone)]),
      TABLE,
      1,
    ) as unknown[][];
    expect(out[1]?.[0]).toBe(today.slice(0, 7));
  });

  test('the zone is asked for once, and only when a Date cell is read', () => {
    const emu = loadedEmulator({ timeZone: zone });
    emu.counter.reset();
    emu.callCustomFunction(
      'FORECAST_BY_MONTH',
      col([1, 2, 3]),
      col(['Lead', 'Lead', 'Lead']),
      col([march1, march31, feb28]),
      TABLE,
    );
    expect(emu.counter.get('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    emu.counter.reset();
    emu.callCustomFunction('FORECAST_BY_MONTH', col([1]), col(['Lead']), col(['2026-03-01']), TABLE);
    expect(emu.counter.total()).toBe(0);
  });
});
