/**
 * The add-on under each authorization mode and outside a document, through the built dist/Code.js:
 * onOpen in AuthMode.NONE builds the menu and touches nothing else, onEdit in NONE does nothing, and
 * a run with no document fails with a message that says so, never a TypeError.
 */
import { MENU } from '../../src/actions/menu';
import { DEAL_HEADERS, dealRow } from '../../fixtures/deals';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

const NO_DOCUMENT = /^Deal Pipeline can only run inside a spreadsheet: /;

describe('AuthMode.NONE', () => {
  test('onOpen in a document where the add-on is not yet used builds the whole menu and calls nothing else', () => {
    const emu = loadedEmulator();
    emu.counter.reset();
    emu.open();
    const items = MENU.filter((m) => m !== null).map((m) => ({ caption: m[0], functionName: m[1] }));
    expect(emu.ui.menus).toEqual([
      {
        title: 'Deal Pipeline',
        items: MENU.map((m) => (m === null ? 'separator' : items.find((i) => i.functionName === m[1]))),
      },
    ]);
    expect(Object.keys(emu.counter.snapshot())).toEqual(['SpreadsheetApp.getUi', 'Ui.createAddonMenu']);
  });

  test('onEdit in NONE reads and writes nothing; the same edit in LIMITED is recorded', () => {
    const emu = loadedEmulator();
    writeTab(emu, 'Deals', [
      DEAL_HEADERS,
      dealRow({ 'Deal ID': 'D-0001', Deal: 'Acme', Owner: 'A', Company: 'C', Stage: 'Qualification' }),
    ]);
    emu.call('menuSetUpPipeline');
    const stage = emu.book.getSheetByName('Deals')!.getRange('E2');
    const historyBefore = readTab(emu, 'Stage History');
    emu.counter.reset();
    expect(() => emu.edit(stage, [['Proposal']], 'Qualification', 'NONE')).not.toThrow();
    expect(emu.counter.snapshot()).toEqual({});
    expect(readTab(emu, 'Stage History')).toEqual(historyBefore);
    emu.edit(stage, [['Negotiation']], 'Proposal');
    expect(readTab(emu, 'Stage History')).toHaveLength(historyBefore.length + 1);
  });

  test('onInstall runs in FULL and builds the menu', () => {
    const emu = loadedEmulator();
    emu.install();
    expect(emu.ui.menus[0]?.items.length).toBe(MENU.length);
    expect(emu.enabledInDocument).toBe(true);
  });
});

describe('outside a document (a standalone run from the script editor)', () => {
  test('a menu action fails with a message naming the problem, not a TypeError', () => {
    const emu = loadedEmulator();
    for (const fn of [
      'menuSetUpPipeline',
      'menuCheckSettings',
      'menuRefreshSummary',
      'menuFlagStaleDeals',
      'menuTurnOnAutomation',
    ]) {
      let failure: unknown;
      try {
        emu.outsideDocument(() => emu.call(fn));
      } catch (e) {
        failure = e;
      }
      expect([fn, (failure as Error).name, (failure as Error).message]).toEqual([
        fn,
        'NoDocumentError',
        expect.stringMatching(NO_DOCUMENT),
      ]);
    }
  });

  test('sidebar calls and the hourly trigger fail the same way', () => {
    const emu = loadedEmulator();
    for (const [fn, args] of [
      ['getSelectedDeal', []],
      ['moveDeal', [{ dealId: 'D-0001', toStage: 'Proposal' }]],
      ['onAutomationTick', [{}]],
    ] as const) {
      expect(() => emu.outsideDocument(() => emu.call(fn, ...args))).toThrow(NO_DOCUMENT);
    }
  });
});
