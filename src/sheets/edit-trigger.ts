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

export const EDIT_HANDLER = 'onDealEdit';

export interface EditTriggerRecord { readonly id: string; readonly owner: string }

export function editTriggerRecord(props: DocumentProperties): EditTriggerRecord | undefined {
  try {
    const v = JSON.parse(props.getProperty(PROPERTY_KEYS.editTrigger) ?? '') as Partial<EditTriggerRecord>;
    return typeof v.id === 'string' && typeof v.owner === 'string' ? { id: v.id, owner: v.owner } : undefined;
  } catch {
    return undefined;
  }
}

function mine(book: Book): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(book).filter((t) => t.getHandlerFunction() === EDIT_HANDLER);
}

/** Installs this user's on-edit trigger unless one is already recorded. Returns whether it made one. */
export function installEditTrigger(book: Book, props: DocumentProperties, me: string): boolean {
  const own = mine(book)[0];
  if (own) {
    props.setProperty(PROPERTY_KEYS.editTrigger, JSON.stringify({ id: own.getUniqueId(), owner: me }));
    return false;
  }
  const recorded = editTriggerRecord(props);
  if (recorded && recorded.owner !== me) return false;
  const t = ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(book).onEdit().create();
  props.setProperty(PROPERTY_KEYS.editTrigger, JSON.stringify({ id: t.getUniqueId(), owner: me }));
  return true;
}

/**
 * Removes this user's on-edit trigger and the record. Another user's trigger can only be deleted by
 * them, but without the record it logs nothing (and the simple onEdit logs again), so anyone can
 * undo a trigger whose owner has left.
 */
export function removeEditTrigger(book: Book, props: DocumentProperties): number {
  const own = mine(book);
  for (const t of own) ScriptApp.deleteTrigger(t);
  props.deleteProperty(PROPERTY_KEYS.editTrigger);
  return own.length;
}
