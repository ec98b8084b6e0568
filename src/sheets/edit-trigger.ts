/**
 * The installable on-edit trigger. Simple triggers never learn who edited
 * (Session.getActiveUser().getEmail() is '' there); an installable trigger's event carries the
 * editor (`e.user`, https://developers.google.com/apps-script/guides/triggers/events). With daily
 * automation on, the add-on installs one, records it in document properties, and the simple onEdit
 * leaves typed edits to it. Editor add-ons get one trigger of each kind per user per document, so
 * the first user to turn automation on owns it; others' clicks find it recorded and add none.
 */
import { Book, DocumentProperties } from './book';
import { PROPERTY_KEYS } from './property-keys';
import { createEditTrigger, deleteTriggers, userTriggers } from './triggers';

export const EDIT_HANDLER = 'onDealEdit';

export interface EditTriggerRecord {
  readonly id: string;
  readonly owner: string;
}

export function editTriggerRecord(props: DocumentProperties): EditTriggerRecord | undefined {
  try {
    const v = JSON.parse(props.getProperty(PROPERTY_KEYS.editTrigger) ?? '') as Partial<EditTriggerRecord>;
    return typeof v.id === 'string' && typeof v.owner === 'string' ? { id: v.id, owner: v.owner } : undefined;
  } catch {
    return undefined;
  }
}

/** Installs this user's on-edit trigger unless one is already recorded. Returns whether it made one. */
export function installEditTrigger(book: Book, props: DocumentProperties, me: string): boolean {
  const own = userTriggers(book, EDIT_HANDLER)[0];
  if (own) {
    props.setProperty(PROPERTY_KEYS.editTrigger, JSON.stringify({ id: own.getUniqueId(), owner: me }));
    return false;
  }
  const recorded = editTriggerRecord(props);
  if (recorded && recorded.owner !== me) return false;
  props.setProperty(
    PROPERTY_KEYS.editTrigger,
    JSON.stringify({ id: createEditTrigger(book, EDIT_HANDLER), owner: me }),
  );
  return true;
}

/**
 * Removes this user's on-edit trigger and the record. Another user's trigger can only be deleted by
 * them, but without the record it logs nothing (and the simple onEdit logs again), so anyone can
 * undo a trigger whose owner has left.
 */
export function removeEditTrigger(book: Book, props: DocumentProperties): number {
  const removed = deleteTriggers(userTriggers(book, EDIT_HANDLER));
  props.deleteProperty(PROPERTY_KEYS.editTrigger);
  return removed;
}
