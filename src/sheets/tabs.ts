/** Finding the Deals tab (kept for callers not yet on the TabRegistry). */
import { Book, Sheet } from './book';
import { TabRegistry } from './tab-registry';

export { TABS } from './tab-registry';

/** The Deals tab: by remembered sheet ID, else (first setup) by name or by its headers. */
export function findDealsSheet(book: Book): Sheet | undefined {
  return new TabRegistry(book).find('deals');
}
