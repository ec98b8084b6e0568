/**
 * The only bundle functions the playground calls on a browser's behalf, by name: the entry points
 * dist/Code.js declares (the top-level stubs scripts/build.mjs writes), narrowed per route to the
 * sidebar API (google.script.run), the menu items the add-on built, and installed triggers' handlers.
 * Anything else in the bundle's context (eval, Function, internals) is never reachable.
 */
import type { SidebarServer } from '../src/shared/sidebar-api';

/** The functions the sidebar may call through google.script.run: every key of SidebarServer. */
export const SIDEBAR_FUNCTIONS = [
  'getSelectedDeal',
  'moveDeal',
  'setExpectedClose',
] as const satisfies readonly (keyof SidebarServer)[];
// A compile error here means SidebarServer gained a function this list lacks.
type Missing = Exclude<keyof SidebarServer, (typeof SIDEBAR_FUNCTIONS)[number]>;
const everySidebarFunction: [Missing] extends [never] ? true : Missing = true;
void everySidebarFunction;

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

  /** A google.script.run target. */
  sidebar(name: string): boolean {
    return (SIDEBAR_FUNCTIONS as readonly string[]).includes(name) && this.declared.has(name);
  }

  /** A menu item's function, as the add-on's onOpen built the menu. */
  menu(name: string, menus: readonly { items: readonly (string | { functionName: string })[] }[]): boolean {
    return (
      this.declared.has(name) &&
      menus.some((m) => m.items.some((i) => typeof i !== 'string' && i.functionName === name))
    );
  }
}
