/**
 * Where typed stage changes wait when the document lock is busy: document properties, one key per
 * edit (split in parts under the 9 KB value limit), so two edits queued at once never overwrite
 * each other (no read-modify-write of a shared key without the lock).
 */
import { QueuedEdit } from '../core/queued-edits';
import { QueuedStageChange } from '../core/edit-plan';
import { DocumentProperties } from './book';
import { PROPERTY_KEYS } from './property-keys';

/** Stay well under Apps Script's 9 KB per value. */
const MAX_VALUE = 8000;

/** Stores the edit; throws when the property store is full (500 KB). Returns the keys written. */
export function queueEdit(props: DocumentProperties, edit: QueuedEdit): string[] {
  const parts = split(edit.changes);
  const base = `${PROPERTY_KEYS.queuedEditPrefix}${String(edit.at).padStart(15, '0')}.${Math.random().toString(36).slice(2, 10)}`;
  const keys: string[] = [];
  parts.forEach((changes, k) => {
    const key = `${base}.${k}`;
    props.setProperty(key, JSON.stringify({ at: edit.at, by: edit.by, changes }));
    keys.push(key);
  });
  return keys;
}

function split(changes: readonly QueuedStageChange[]): QueuedStageChange[][] {
  if (changes.length <= 1 || JSON.stringify(changes).length <= MAX_VALUE) return [changes.slice()];
  const half = Math.ceil(changes.length / 2);
  return [...split(changes.slice(0, half)), ...split(changes.slice(half))];
}

/** Every queued edit with its key, oldest first; a value that cannot be read is left in place (Check settings counts it). */
export function readQueuedEdits(props: DocumentProperties): { key: string; edit: QueuedEdit }[] {
  const out: { key: string; edit: QueuedEdit }[] = [];
  for (const key of props
    .getKeys()
    .filter((k) => k.startsWith(PROPERTY_KEYS.queuedEditPrefix))
    .sort()) {
    const raw = props.getProperty(key);
    try {
      const v = JSON.parse(raw ?? '') as QueuedEdit;
      if (typeof v.at === 'number' && typeof v.by === 'string' && Array.isArray(v.changes)) out.push({ key, edit: v });
    } catch {
      /* a value that is not ours is left where it is */
    }
  }
  return out;
}

export function deleteQueuedEdits(props: DocumentProperties, keys: readonly string[]): void {
  for (const k of keys) props.deleteProperty(k);
}
