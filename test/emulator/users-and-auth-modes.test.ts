/**
 * Who Apps Script reveals, and what each authorization mode may touch, as the emulator implements
 * them. Sources (quoted in emulator/run-context.ts): Session.getActiveUser/getEffectiveUser, the
 * AuthMode enum, the editor add-on authorization lifecycle, the simple-trigger restrictions, and the
 * LockService/PropertiesService/CacheService/SpreadsheetApp references for null outside a document.
 */
import { Emulator, ERR } from '../../emulator';

const OWNER = 'owner@example.com';
const ANN = 'ann@example.com';

const WHO = `
  var seen = [];
  function who(tag) { seen.push([tag, Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()]); }
  function onOpen(e) { who('onOpen ' + e.authMode); }
  function onEdit(e) { who('onEdit ' + e.authMode + ' e.user=' + e.user.getEmail()); }
  function installedEdit(e) { who('installedEdit ' + e.authMode + ' e.user=' + e.user.getEmail()); }
  function tick(e) { who('tick ' + e.authMode); }
  function menuItem() { who('menu'); }
  function WHO_AM_I() { return Session.getActiveUser().getEmail(); }
  function seenSoFar() { return seen; }
  function makeTriggers() {
    ScriptApp.newTrigger('installedEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create();
    ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
  }`;

describe('Session.getActiveUser()', () => {
  test('is blank in simple triggers and custom functions; installable triggers and menu runs reveal a user', () => {
    const emu = new Emulator({ user: OWNER }).load(WHO);
    emu.call('makeTriggers');
    emu.call('menuItem');
    // Ann, a collaborator, opens the document and types into it.
    emu.session.userEmail = ANN;
    emu.open('LIMITED');
    emu.edit(emu.book.insertSheet('Deals').getRange('A1'), [['x']]);
    emu.clock.advance(3_600_000);
    expect(emu.runDueTriggers()).toHaveLength(1);
    expect(emu.callCustomFunction('WHO_AM_I')).toBe('');
    expect(emu.call('seenSoFar')).toEqual([
      ['menu', OWNER, OWNER],
      ['onOpen LIMITED', '', ''],
      ['onEdit LIMITED e.user=', '', ''],
      // An installable trigger runs as its creator and reveals the editing user.
      ['installedEdit FULL e.user=' + ANN, ANN, OWNER],
      // A time-driven trigger has no one at the keyboard: it runs as, and reveals, its creator.
      ['tick FULL', OWNER, OWNER],
    ]);
  });
});

describe('authorization modes of onOpen (editor add-on lifecycle)', () => {
  const MODES = `var modes = []; function onOpen(e) { modes.push(e.authMode + (e.source ? ' with source' : '')); }
    function onInstall(e) { modes.push('install ' + e.authMode); onOpen(e); }
    function menuItem() {} function seenModes() { return modes; }`;

  test('NONE until the add-on is used in the document, LIMITED after; onInstall runs in FULL', () => {
    const emu = new Emulator().load(MODES);
    emu.open();
    emu.call('menuItem');
    emu.open();
    expect(emu.call('seenModes')).toEqual(['NONE', 'LIMITED with source']);
    const installed = new Emulator().load(MODES);
    installed.install();
    installed.open();
    expect(installed.call('seenModes')).toEqual(['install FULL', 'FULL with source', 'LIMITED with source']);
    const used = new Emulator({ enabledInDocument: true }).load(MODES);
    used.open();
    expect(used.call('seenModes')).toEqual(['LIMITED with source']);
  });

  test('in NONE the menu may be built and nothing else touched', () => {
    const emu = new Emulator().load(`function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'go').addToUi();
      SpreadsheetApp.getActiveSpreadsheet();
    }`);
    expect(() => emu.open('NONE')).toThrow(ERR.authNone('SpreadsheetApp.getActiveSpreadsheet'));
    expect(emu.ui.menus[0]?.items).toEqual([{ caption: 'Go', functionName: 'go' }]);
    expect(() => emu.inMode('NONE', () => emu.properties.getDocumentProperties())).toThrow(
      ERR.authNone('PropertiesService.getDocumentProperties'),
    );
    expect(() => emu.inMode('NONE', () => emu.locks.getDocumentLock())).toThrow(
      ERR.authNone('LockService.getDocumentLock'),
    );
    expect(ERR.authNone('X.y')).toBe(
      'Exception: You do not have permission to call X.y. Required permissions are not available in AuthMode.NONE.',
    );
  });

  test('simple triggers (LIMITED) may read and write the document but not manage triggers', () => {
    const emu = new Emulator().load(
      `function onOpen(e) { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Opened'); ScriptApp.newTrigger('x').timeBased().everyHours(1).create(); }`,
    );
    expect(() => emu.open('LIMITED')).toThrow(ERR.needsAuthorization('ScriptApp.newTrigger'));
    expect(emu.book.getSheetByName('Opened')).not.toBeNull();
    expect(emu.triggers.triggers).toHaveLength(0);
  });
});

describe('outside a document', () => {
  test("the document's spreadsheet, lock, properties and cache are null and getUi() throws", () => {
    const emu = new Emulator().load(`function probe() {
      return [SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.getActive(), LockService.getDocumentLock(),
        PropertiesService.getDocumentProperties(), CacheService.getDocumentCache(), LockService.getScriptLock() !== null];
    }
    function ui() { return SpreadsheetApp.getUi(); }`);
    expect(emu.outsideDocument(() => emu.call('probe'))).toEqual([null, null, null, null, null, true]);
    expect(() => emu.outsideDocument(() => emu.call('ui'))).toThrow(ERR.uiOutsideDocument);
    // Inside the document they are all there.
    expect((emu.call('probe') as unknown[]).every((x) => x !== null)).toBe(true);
  });
});

describe('installable on-edit triggers', () => {
  test('fire after the simple onEdit with the same edit; a missing handler is logged, the edit stands', () => {
    const emu = new Emulator().load(`var log = [];
      function onEdit(e) { log.push('simple ' + e.range.getA1Notation() + '=' + e.value); }
      function installedEdit(e) { log.push('installed ' + e.range.getA1Notation() + '=' + e.value + ' ' + e.triggerUid); }
      function add(name) { ScriptApp.newTrigger(name).forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
      function seen() { return log; }`);
    emu.call('add', 'installedEdit');
    const id = emu.triggers.triggers[0]?.id;
    const b2 = emu.book.insertSheet('T').getRange('B2');
    emu.edit(b2, [['hello']]);
    expect(emu.call('seen')).toEqual(['simple B2=hello', `installed B2=hello ${id}`]);
    emu.triggers.triggers = [];
    emu.call('add', 'gone');
    emu.edit(b2, [['again']]);
    expect(emu.logger.lines.some((l) => l.includes('Script function not found: gone'))).toBe(true);
    expect(b2.getValue()).toBe('again');
  });
});
