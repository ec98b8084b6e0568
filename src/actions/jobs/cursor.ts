/**
 * A job's saved continuation (phases left when it ran short of time), recording which job saved
 * it. Only that job may clear it: a menu run never deletes the daily job's cursor.
 */
import { DocumentProperties } from '../../sheets/book';
import { PROPERTY_KEYS } from '../../sheets/property-keys';
import { PHASE_ORDER, PhaseName } from './phase';

export interface JobCursor {
  /** The job that saved it (and alone may clear it). */
  readonly owner: string;
  readonly phases: readonly PhaseName[];
}

/** The owner given to a cursor saved before cursors recorded one (only the daily job saved them). */
export const LEGACY_OWNER = 'daily';

const isPhase = (p: unknown): p is PhaseName => (PHASE_ORDER as readonly unknown[]).includes(p);

/** Phases in run order; the old 'summary' phase also took the snapshot. */
function phasesOf(list: readonly unknown[], legacy: boolean): PhaseName[] {
  const wanted = new Set(list.filter(isPhase));
  if (legacy && wanted.has('summary')) wanted.add('snapshots');
  return PHASE_ORDER.filter((p) => wanted.has(p));
}

export function readCursor(props: DocumentProperties): JobCursor | undefined {
  const raw = props.getProperty(PROPERTY_KEYS.jobCursor);
  if (!raw) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (Array.isArray(value)) {
    const phases = phasesOf(value, true);
    return phases.length > 0 ? { owner: LEGACY_OWNER, phases } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { owner, phases } = value as { owner?: unknown; phases?: unknown };
  if (typeof owner !== 'string' || owner === '' || !Array.isArray(phases)) return undefined;
  const list = phasesOf(phases, false);
  return list.length > 0 ? { owner, phases: list } : undefined;
}

export function saveCursor(props: DocumentProperties, cursor: JobCursor): void {
  props.setProperty(PROPERTY_KEYS.jobCursor, JSON.stringify({ owner: cursor.owner, phases: cursor.phases }));
}

/** Clears the cursor if `owner` saved it; another job's cursor stays. Returns whether it cleared one. */
export function clearCursor(props: DocumentProperties, owner: string): boolean {
  const raw = props.getProperty(PROPERTY_KEYS.jobCursor);
  if (raw === null) return false;
  const current = readCursor(props);
  if (current && current.owner !== owner) return false;
  props.deleteProperty(PROPERTY_KEYS.jobCursor);
  return true;
}
