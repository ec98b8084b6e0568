/** The Deal ID counter in document properties: the next number to hand out (IDs are never reused). */
import { DocumentProperties } from './book';
import { PROPERTY_KEYS } from './property-keys';

export function readDealIdCounter(props: DocumentProperties): number {
  const n = Number(props.getProperty(PROPERTY_KEYS.nextDealId) ?? '1');
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Stores the counter; it only ever grows. */
export function writeDealIdCounter(props: DocumentProperties, next: number): void {
  if (next > readDealIdCounter(props)) props.setProperty(PROPERTY_KEYS.nextDealId, String(next));
}
