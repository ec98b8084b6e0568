/** src/sheets/platform.ts on the TypeScript sources, with the emulator's services as globals. */
import { Emulator } from '../../emulator';
import { activeBook, documentLock, documentProperties } from '../../src/sheets/platform';

const SERVICES = ['SpreadsheetApp', 'PropertiesService', 'LockService'] as const;

function withServices(emu: Emulator, run: () => void): void {
  const g = globalThis as Record<string, unknown>;
  Object.assign(g, { SpreadsheetApp: emu.spreadsheetApp, PropertiesService: emu.properties, LockService: emu.locks });
  try {
    run();
  } finally {
    for (const k of SERVICES) delete g[k];
  }
}

test("inside a document the accessors return Apps Script's objects", () => {
  const emu = new Emulator();
  withServices(emu, () => {
    expect(activeBook().getId()).toBe(emu.book.getId());
    documentProperties().setProperty('k', 'v');
    expect(emu.properties.document.getProperty('k')).toBe('v');
    expect(documentLock().tryLock(10)).toBe(true);
  });
});

test('outside a document each one throws a message naming what is missing, never a TypeError', () => {
  const emu = new Emulator();
  withServices(emu, () =>
    emu.outsideDocument(() => {
      for (const [get, what] of [
        [activeBook, 'active spreadsheet'],
        [documentProperties, 'document properties'],
        [documentLock, 'document lock'],
      ] as const) {
        let failure: unknown;
        try {
          get();
        } catch (e) {
          failure = e;
        }
        expect(failure).toBeInstanceOf(Error);
        expect(failure).not.toBeInstanceOf(TypeError);
        expect((failure as Error).message).toBe(
          `Deal Pipeline can only run inside a spreadsheet: Apps Script gave no ${what}. Open the spreadsheet and run it from Extensions > Deal Pipeline.`,
        );
      }
    }),
  );
});
