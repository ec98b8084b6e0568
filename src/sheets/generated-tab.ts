/**
 * The tabs the add-on generates (Pipeline Summary, Pipeline Snapshots) are written only when the
 * add-on created them (their sheet IDs are in the TabRegistry). A tab of a user's that carries the
 * name is never touched: the add-on makes "Pipeline Summary (2)" and says so once.
 */
import { Book, Sheet } from './book';
import { TABS, TabRegistry, TabRole } from './tab-registry';

export interface GeneratedTab {
  readonly sheet: Sheet;
  /** Set when this call created the tab under another name because a user's tab had ours. */
  readonly notice?: string;
}

/** The role's own tab, if the add-on made one (read without creating anything). */
export function findGeneratedTab(registry: TabRegistry, role: TabRole): Sheet | undefined {
  return registry.findOwn(role);
}

/** The role's own tab, created (with headers) when there is none. A write: call it under the lock. */
export function ensureGeneratedTab(book: Book, registry: TabRegistry, role: TabRole, headers?: readonly string[]): GeneratedTab {
  const own = registry.findOwn(role);
  if (own) return { sheet: own };
  const clash = book.getSheetByName(TABS[role]);
  const sheet = registry.ensure(role, headers, { ownOnly: true });
  const name = sheet.getName();
  return clash && name !== TABS[role]
    ? { sheet, notice: `"${TABS[role]}" is not a tab the add-on made, so it was left as it is; the add-on uses "${name}".` }
    : { sheet };
}
