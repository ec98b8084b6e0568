/**
 * The bundle runs with the script's time zone (appsscript.json) as its local zone, as Apps Script
 * runs it, and custom functions get date cells as Sheets hands them: midnight in the spreadsheet's
 * zone. Sources: emulator/script-zone.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Emulator } from '../../emulator';

const MANIFEST_ZONE = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8')) as { timeZone: string }
).timeZone;
const processZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;
/** Minutes west of UTC of a zone on 15 January 2026 noon UTC, by Intl alone (what getTimezoneOffset() should say there). */
const januaryOffset = (zone: string): number => {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(Date.UTC(2026, 0, 15, 12)))
      .find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? -(m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
};

const ZONE_PROBE = `
  var zoneAtLoad = Intl.DateTimeFormat().resolvedOptions().timeZone;
  function zone() { return [Intl.DateTimeFormat().resolvedOptions().timeZone, new Date(2026, 0, 15, 12).getTimezoneOffset(), Session.getScriptTimeZone(), zoneAtLoad]; }
  function boom() { throw new Error('boom'); }`;

describe('the script time zone', () => {
  test("is the manifest's by default, and the bundle's local zone when it loads and on every call", () => {
    expect(MANIFEST_ZONE).toBe('America/New_York');
    const e = new Emulator().load(ZONE_PROBE);
    expect(e.session.getScriptTimeZone()).toBe(MANIFEST_ZONE);
    expect(e.call('zone')).toEqual([MANIFEST_ZONE, januaryOffset(MANIFEST_ZONE), MANIFEST_ZONE, MANIFEST_ZONE]);
    expect(januaryOffset(MANIFEST_ZONE)).toBe(300);
    expect(e.evaluate('new Date(2026, 6, 1).getTimezoneOffset()')).toBe(240);
  });

  test('follows the scriptTimeZone option', () => {
    const e = new Emulator({ scriptTimeZone: 'Australia/Adelaide' }).load(ZONE_PROBE);
    expect(e.call('zone')).toEqual([
      'Australia/Adelaide',
      januaryOffset('Australia/Adelaide'),
      'Australia/Adelaide',
      'Australia/Adelaide',
    ]);
    expect(januaryOffset('Australia/Adelaide')).toBe(-630);
  });

  test("leaves the caller's zone as it was, also when the bundle throws", () => {
    const before = [processZone(), new Date(2026, 0, 15, 12).getTimezoneOffset()];
    const e = new Emulator({
      scriptTimeZone: before[0] === 'Australia/Adelaide' ? 'Europe/Berlin' : 'Australia/Adelaide',
    }).load(ZONE_PROBE);
    e.call('zone');
    expect(() => e.call('boom')).toThrow('boom');
    expect([processZone(), new Date(2026, 0, 15, 12).getTimezoneOffset()]).toEqual(before);
  });
});

describe('date cells reaching a custom function', () => {
  const FN = `function DAY_PARTS(d) {
    var tz = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
    return [Object.prototype.toString.call(d), d instanceof Date, d.getDate(), d.getHours(), Utilities.formatDate(d, tz, 'yyyy-MM-dd')];
  }
  function SHAPE(x) { return Array.isArray(x) ? 'grid ' + x.length + 'x' + x[0].length : typeof x; }`;

  test("arrive as midnight in the spreadsheet's zone, which the script's zone reads as the day before east of it", () => {
    const e = new Emulator({ timeZone: 'Europe/Berlin' }).load(FN);
    const a1 = e.book.insertSheet('Deals').getRange('A1');
    a1.setValue('2026-03-01');
    // Midnight in Berlin (UTC+1 in March) is 23:00 UTC on 28 February, 18:00 in New York.
    expect((a1.getValue() as Date).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(e.callCustomFunction('DAY_PARTS', a1)).toEqual(['[object Date]', true, 28, 18, '2026-03-01']);
    expect(e.dateCell('2026-03-01').getTime()).toBe((a1.getValue() as Date).getTime());
  });

  test('a one-cell range arrives as its value, a larger one as a 2-D array', () => {
    const e = new Emulator().load(FN);
    const sheet = e.book.insertSheet('Deals');
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    expect(e.callCustomFunction('SHAPE', sheet.getRange('A1'))).toBe('number');
    expect(e.callCustomFunction('SHAPE', sheet.getRange('A1:B2'))).toBe('grid 2x2');
  });
});
