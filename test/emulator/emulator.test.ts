/**
 * Pins the Apps Script behaviours the add-on relies on, as the emulator implements them.
 * Sources: Apps Script reference (Range.setValues, Utilities.formatDate, LockService, ScriptApp),
 * the add-on trigger restrictions page, and ../shared/ENGINEERING.md.
 */
import { Emulator, ERR } from '../../emulator';

const emu = (): Emulator => new Emulator({ timeZone: 'Asia/Tokyo', scriptTimeZone: 'America/Los_Angeles' });

describe('SpreadsheetApp values', () => {
  test("setValues with the wrong number of rows or columns throws Apps Script's message", () => {
    const e = emu();
    const r = e.book.insertSheet('T').getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(ERR.rowsMismatch(1, 2));
    expect(() => r.setValues([[1, 2], [3]])).toThrow(ERR.columnsMismatch(1, 2));
    expect(ERR.rowsMismatch(1, 2)).toBe(
      'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
  });

  test('writes behave like typing: "=" makes a formula, "\'" keeps text, numbers/booleans/dates are parsed', () => {
    const e = emu();
    const s = e.book.insertSheet('T');
    s.getRange('A1:F1').setValues([['=IMPORTXML("x")', "'=1+1", '42', 'TRUE', '2026-03-01', 'tbd']]);
    expect(s.getRange('A1').getFormula()).toBe('=IMPORTXML("x")');
    const [row] = s.getRange('A1:F1').getValues();
    expect(row?.slice(1, 4)).toEqual(['=1+1', 42, true]);
    expect(s.getRange('B1').getFormula()).toBe('');
    const d = row?.[4] as Date;
    expect(Object.prototype.toString.call(d)).toBe('[object Date]');
    // Midnight in the spreadsheet's zone (Tokyo, UTC+9), not the script's.
    expect(d.toISOString()).toBe('2026-02-28T15:00:00.000Z');
    expect(row?.[5]).toBe('tbd');
  });

  test('empty cells read as "", getValues returns copies, display values follow number formats', () => {
    const e = emu();
    const s = e.book.insertSheet('T');
    expect(s.getRange('C3').getValue()).toBe('');
    s.getRange('A1:C1').setValues([[12500.5, 0.35, new Date('2026-03-01T00:00:00+09:00')]]);
    s.getRange('A1').setNumberFormat('$#,##0.00');
    s.getRange('B1').setNumberFormat('0%');
    s.getRange('C1').setNumberFormat('yyyy-mm-dd');
    expect(s.getRange('A1:C1').getDisplayValues()).toEqual([['$12,500.50', '35%', '2026-03-01']]);
  });

  test('getRange outside the sheet throws; insertRowsAfter grows it', () => {
    const e = emu();
    const s = e.book.insertSheet('T');
    expect(() => s.getRange(1001, 1)).toThrow('outside the dimensions');
    s.insertRowsAfter(1000, 10);
    expect(s.getRange(1010, 1).getValue()).toBe('');
  });

  test('every service call is counted per method', () => {
    const e = emu();
    const s = e.book.insertSheet('T');
    e.counter.reset();
    s.getRange('A1:B2').getValues();
    s.getRange('A1').setValue(1);
    expect(e.counter.get('Sheet.getRange')).toBe(2);
    expect(e.counter.get('Range.getValues')).toBe(1);
    expect(e.counter.get('Range.setValue')).toBe(1);
    expect(e.counter.total()).toBe(4);
  });
});

describe('time zones', () => {
  test('Utilities.formatDate formats in the zone it is given', () => {
    const e = emu().load('');
    const u = e.global('Utilities') as { formatDate(d: Date, tz: string, p: string): string };
    const d = new Date('2026-03-08T09:30:00Z');
    expect(u.formatDate(d, 'America/New_York', 'yyyy-MM-dd HH:mm z')).toBe('2026-03-08 05:30 GMT-04:00');
    expect(u.formatDate(d, 'Asia/Tokyo', 'EEE d MMM yyyy hh:mm a')).toBe('Sun 8 Mar 2026 06:30 PM');
    expect(u.formatDate(d, 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")).toBe('2026-03-08T09:30:00Z');
  });

  test('the spreadsheet and the script have distinct time zones', () => {
    const e = emu();
    expect(e.book.getSpreadsheetTimeZone()).toBe('Asia/Tokyo');
    expect(e.session.getScriptTimeZone()).toBe('America/Los_Angeles');
  });

  test('new Date() inside the bundle reads the emulator clock', () => {
    const e = new Emulator({ now: Date.UTC(2030, 0, 2) }).load('function now() { return new Date().toISOString(); }');
    expect(e.call('now')).toBe('2030-01-02T00:00:00.000Z');
    e.clock.advance(86_400_000);
    expect(e.call('now')).toBe('2030-01-03T00:00:00.000Z');
  });
});

describe('triggers (editor add-on limits)', () => {
  const load = (): Emulator =>
    new Emulator().load(`
    function hourly() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
    function everyMinute() { return ScriptApp.newTrigger('tick').timeBased().everyMinutes(30).create(); }
    function edits() { return ScriptApp.newTrigger('edit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
    function mine() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getHandlerFunction(); }); }
    function clear() { ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
    var ticks = 0; function tick() { ticks++; return ticks; } function count() { return ticks; }`);

  test('time-driven triggers may not recur more often than hourly', () => {
    expect(() => load().call('everyMinute')).toThrow(ERR.addonRecurrence);
  });

  test('one trigger of each event type per user per document', () => {
    const e = load();
    e.call('hourly');
    e.call('edits');
    expect(() => e.call('hourly')).toThrow(ERR.addonTooManyTimeTriggers);
    expect(() => e.call('edits')).toThrow('too many');
    expect(e.call('mine')).toEqual(['tick', 'edit']);
    e.call('clear');
    expect(e.call('mine')).toEqual([]);
  });

  test('due time-driven triggers run when the clock passes them', () => {
    const e = load();
    e.call('hourly');
    expect(e.runDueTriggers()).toHaveLength(0);
    e.clock.advance(3_600_000);
    expect(e.runDueTriggers()).toHaveLength(1);
    expect(e.call('count')).toBe(1);
  });
});

describe('LockService', () => {
  const load = (): Emulator =>
    new Emulator().load(`
    function tryIt(ms) { return LockService.getDocumentLock().tryLock(ms); }
    function waitIt(ms) { var l = LockService.getDocumentLock(); l.waitLock(ms); l.releaseLock(); return true; }`);

  test('tryLock returns false and waitLock throws while another run holds the lock', () => {
    const e = load();
    e.locks.state.heldElsewhereUntil = e.clock.now() + 60_000;
    expect(e.call('tryIt', 1000)).toBe(false);
    expect(() => e.call('waitIt', 1000)).toThrow(ERR.lockTimeout);
  });

  test('waiting long enough gets the lock after the other run releases it', () => {
    const e = load();
    e.locks.state.heldElsewhereUntil = e.clock.now() + 5_000;
    expect(e.call('waitIt', 10_000)).toBe(true);
  });
});

describe('authorization modes', () => {
  test('in AuthMode.NONE only the menu may be built', () => {
    const e = new Emulator()
      .load(`function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('A', 'a').addToUi(); }
      function touch() { return SpreadsheetApp.getActive().getSheets().length; }`);
    e.open('NONE');
    expect(e.ui.menus[0]?.items).toHaveLength(1);
    expect(() => e.inMode('NONE', () => e.call('touch'))).toThrow('AuthMode.NONE');
  });

  test('custom functions may read but not write, nor use services that need authorization', () => {
    const e = new Emulator().load(`function READ() { return SpreadsheetApp.getActiveSpreadsheet().getSheets().length; }
      function WRITE() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('x'); }
      function TRIGGER() { ScriptApp.getUserTriggers(SpreadsheetApp.getActive()); }`);
    expect(e.callCustomFunction('READ')).toBe(0);
    expect(() => e.callCustomFunction('WRITE')).toThrow('do not have permission');
    expect(() => e.callCustomFunction('TRIGGER')).toThrow('do not have permission');
  });
});

describe('properties and cache quotas', () => {
  test('a property value over 9 KB is refused', () => {
    const e = new Emulator();
    expect(() => e.properties.getDocumentProperties()!.setProperty('k', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large',
    );
  });

  test('cache entries expire, at most after 6 hours', () => {
    const e = new Emulator();
    const c = e.cache.getDocumentCache()!;
    c.put('k', 'v', 100_000);
    e.clock.advance(6 * 3_600_000 + 1);
    expect(c.get('k')).toBeNull();
  });
});

describe('HtmlService', () => {
  test('serves the built sidebar file from dist/', () => {
    const e = new Emulator().load(
      'function page() { return HtmlService.createHtmlOutputFromFile("Sidebar").setTitle("Move deal").getTitle(); }',
    );
    expect(e.call('page')).toBe('Move deal');
  });
});

describe('realms', () => {
  test("adopt builds arrays and Dates in the bundle's realm, and passes adopted values through", () => {
    const e = new Emulator().load(
      'function realmOf(v) { return [Array.isArray(v), v instanceof Array, v[0][0] instanceof Date]; }',
    );
    const adopted = e.adopt([[new Date(0)]]);
    expect(e.call('realmOf', adopted)).toEqual([true, true, true]);
    expect(e.adopt(adopted)).toBe(adopted);
  });
});
