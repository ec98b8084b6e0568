/**
 * What each API route does, typed by playground/api-types.ts. Requests reach these handlers only
 * after the guard (request-guard.ts) and the parser (parse-requests.ts) have passed them. Bundle
 * functions are called only by name from the allow-lists in entry-points.ts.
 */
import type { EmuSheet } from '../../emulator';
import type { PostPath, PostRoutes, SheetView, StateView } from '../api-types';
import { applyImport } from '../import/apply-import';
import { readImport } from '../import/read-import';
import type { PlaygroundSession } from '../session';
import { sheetView } from '../view';
import { BadRequest } from './parse-requests';

export type PostHandlers = { [P in PostPath]: (input: PostRoutes[P]['request']) => PostRoutes[P]['response'] };

export function apiRoutes(session: PlaygroundSession): {
  state(): StateView;
  sheet(name: string | null): SheetView;
  post: PostHandlers;
} {
  const emu = session.emu;
  const quiet = <T>(run: () => T): T => emu.counter.quiet(run);
  const sheetNamed = (name: string | null): EmuSheet => {
    const s = quiet(() => emu.book.getSheetByName(String(name)));
    if (!s) throw new BadRequest(`There is no tab named ${JSON.stringify(name)}.`);
    return s;
  };
  /** A cell of a tab, inside the tab's rows and columns (Sheets has no cells beyond them). */
  const cellOf = (sheet: EmuSheet, row: number, col: number) => {
    const [rows, cols] = quiet(() => [sheet.getMaxRows(), sheet.getMaxColumns()]);
    if (row > rows || col > cols)
      throw new BadRequest(
        `Row ${row}, column ${col} is outside ${sheet.getName()}, which has ${rows} rows and ${cols} columns.`,
      );
    return quiet(() => sheet.getRange(row, col));
  };

  const state = (): StateView =>
    quiet(() => ({
      sheets: emu.book
        ._sheets()
        .filter((s) => !s.isSheetHidden())
        .map((s) => s.getName()),
      active: emu.book.getActiveSheet().getName(),
      menus: emu.ui.menus,
      now: new Date(emu.clock.now()).toISOString(),
      timeZone: emu.book.getSpreadsheetTimeZone(),
      triggers: emu.triggers.triggers.map((t) => ({
        id: t.id,
        handler: t.handler,
        type: t.eventType,
        everyHours: t.everyMs ? t.everyMs / 3_600_000 : null,
        nextRun: t.nextRun ? new Date(t.nextRun).toISOString() : null,
      })),
      sidebar: emu.ui.sidebar ? emu.ui.sidebar.getTitle() || 'Sidebar' : null,
      dialog: emu.ui.dialogs.length > 0 ? (emu.ui.dialogs[emu.ui.dialogs.length - 1]?.title ?? '') || 'Dialog' : null,
    }));

  const post: PostHandlers = {
    '/api/select': ({ sheet, row, col }) => {
      const s = sheetNamed(sheet);
      const cell = cellOf(s, row, col);
      quiet(() => {
        s.activate();
        cell.activate();
      });
      return { ok: true };
    },
    '/api/tab': ({ sheet }) => {
      const s = sheetNamed(sheet);
      quiet(() => s.activate());
      return { ok: true };
    },
    '/api/edit': ({ sheet, row, col, value }) => {
      const s = sheetNamed(sheet);
      cellOf(s, row, col);
      return session.edit(s, row, col, value);
    },
    '/api/menu': ({ fn, answers }) => {
      if (!session.callable.menu(fn, emu.ui.menus)) throw new BadRequest(`${fn} is not a menu item.`);
      return session.act(() => emu.call(fn), answers);
    },
    '/api/run': ({ fn, args }) => {
      // As google.script.run: only the sidebar API, and results travel as JSON (a Date inside arrives as null).
      if (!session.callable.sidebar(fn)) throw new BadRequest(`Script function not found: ${fn}`);
      let result: unknown;
      const r = session.act(() => {
        result = emu.call(fn, ...args);
      });
      return r.error
        ? { error: r.error }
        : { result: result === undefined ? null : JSON.parse(JSON.stringify(result)) };
    },
    '/api/trigger': ({ id }) => {
      const t = emu.triggers.triggers.find((x) => x.id === id);
      if (!t || !session.callable.isDeclared(t.handler)) throw new BadRequest('No such trigger.');
      return session.act(() => emu.runTrigger(t));
    },
    '/api/advance': ({ hours }) => ({ ran: session.advance(hours) }),
    '/api/close-sidebar': () => {
      emu.ui.sidebar = undefined;
      return { ok: true };
    },
    '/api/close-dialog': () => {
      emu.ui.dialogs.length = 0;
      return { ok: true };
    },
    '/api/reset': () => {
      session.reset();
      return { ok: true };
    },
    '/api/import': ({ name, formulas, content }) => {
      const plan = readImport(emu, { name, formulas, bytes: Buffer.from(content, 'base64') });
      const result = session.replace(() => applyImport(emu, plan));
      return result.error ? result : { ...result, message: `Imported ${plan.deals} deals from ${name}.` };
    },
  };
  return { state, sheet: (name) => sheetView(emu, sheetNamed(name), session.computed), post };
}
