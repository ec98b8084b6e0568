/**
 * The only bundle functions the playground calls on a browser's behalf, by name: the entry points
 * dist/Code.js declares (the top-level stubs scripts/build.mjs writes), narrowed per route to the
 * sidebar's and the board's APIs (google.script.run), the menu items the add-on built, and installed triggers' handlers.
 * Anything else in the bundle's context (eval, Function, internals) is never reachable.
 */
import type { BoardServer } from '../src/shared/board-api';
import type { CleanupServer } from '../src/shared/cleanup-api';
import type { SidebarServer } from '../src/shared/sidebar-api';
import type { SnoozeServer } from '../src/shared/snooze-api';

/** The functions the sidebar may call through google.script.run: every key of SidebarServer. */
export const SIDEBAR_FUNCTIONS = [
  'getSelectedDeal',
  'moveDeal',
  'getMyDeals',
  'selectDeal',
  'setNextStep',
  'setExpectedClose',
] as const satisfies readonly (keyof SidebarServer)[];
// A compile error here means SidebarServer gained a function this list lacks.
type Missing = Exclude<keyof SidebarServer, (typeof SIDEBAR_FUNCTIONS)[number]>;
const everySidebarFunction: [Missing] extends [never] ? true : Missing = true;
void everySidebarFunction;

/** The functions the board (a dialog) may call through google.script.run: every key of BoardServer. */
export const BOARD_FUNCTIONS = [
  'getBoard',
  'moveBoardDeal',
  'selectDeal',
] as const satisfies readonly (keyof BoardServer)[];
type MissingOnBoard = Exclude<keyof BoardServer, (typeof BOARD_FUNCTIONS)[number]>;
const everyBoardFunction: [MissingOnBoard] extends [never] ? true : MissingOnBoard = true;
void everyBoardFunction;

/** Page functions that only read: the playground neither recalculates nor saves the workbook after them. */
export const READ_ONLY_PAGE_FUNCTIONS: readonly string[] = ['getSelectedDeal', 'getBoard'];
/** The functions the add-on's other HTML (the cleanup dialog, the sidebar's snooze) may call: every key of their APIs. */
export const DIALOG_FUNCTIONS = ['getCleanupList', 'cleanUpDeals', 'snoozeDeal'] as const satisfies readonly (
  keyof CleanupServer | keyof SnoozeServer
)[];
type MissingDialog = Exclude<keyof CleanupServer | keyof SnoozeServer, (typeof DIALOG_FUNCTIONS)[number]>;
const everyDialogFunction: [MissingDialog] extends [never] ? true : MissingDialog = true;
void everyDialogFunction;

/** `function NAME(params) {\n  return Global.NAME(params);\n}`: a stub scripts/entry-stubs.mjs renders. */
const STUB = /^function ([A-Za-z_$][\w$]*)\(([^)]*)\) \{\n {2}return [A-Za-z_$][\w$]*\.\1\(\2\);\n\}$/gm;

/** The entry points a built Code.js declares, read from its stubs. */
export function declaredEntryPoints(code: string): ReadonlySet<string> {
  return new Set([...code.matchAll(STUB)].map((m) => m[1] as string));
}

export class CallableFunctions {
  constructor(private readonly declared: ReadonlySet<string>) {}

  isDeclared(name: string): boolean {
    return this.declared.has(name);
  }

  /** A google.script.run target: the sidebar's API or the board's. */
  sidebar(name: string): boolean {
    const page: readonly string[] = [...SIDEBAR_FUNCTIONS, ...BOARD_FUNCTIONS, ...DIALOG_FUNCTIONS];
    return page.includes(name) && this.declared.has(name);
  }

  /** A menu item's function, as the add-on's onOpen built the menu. */
  menu(name: string, menus: readonly { items: readonly (string | { functionName: string })[] }[]): boolean {
    return (
      this.declared.has(name) &&
      menus.some((m) => m.items.some((i) => typeof i !== 'string' && i.functionName === name))
    );
  }
}
