/**
 * Daily-digest opt-ins, in document properties (shared by everyone using the spreadsheet): one key per
 * user, `dealPipeline.digest.<email>`, holding JSON { since, lastSent }. One key each, so two users
 * turning it on at once never overwrite each other.
 */
import { DocumentProperties } from './book';
import { PROPERTY_KEYS } from './property-keys';

export interface DigestOptIn {
  readonly email: string;
  /** yyyy-mm-dd the user turned it on. */
  readonly since: string;
  /** yyyy-mm-dd of the last digest sent (or found empty) for them; '' before the first. */
  readonly lastSent: string;
}

const keyOf = (email: string): string => `${PROPERTY_KEYS.digestPrefix}${email.trim().toLowerCase()}`;

function parse(email: string, raw: string): DigestOptIn {
  try {
    const v = JSON.parse(raw) as { since?: unknown; lastSent?: unknown };
    return {
      email,
      since: typeof v.since === 'string' ? v.since : '',
      lastSent: typeof v.lastSent === 'string' ? v.lastSent : '',
    };
  } catch {
    return { email, since: '', lastSent: '' };
  }
}

/** Every opted-in user, by e-mail (one properties read). */
export function readDigestOptIns(props: DocumentProperties): DigestOptIn[] {
  const all = props.getProperties();
  const out: DigestOptIn[] = [];
  for (const [key, raw] of Object.entries(all))
    if (key.startsWith(PROPERTY_KEYS.digestPrefix)) out.push(parse(key.slice(PROPERTY_KEYS.digestPrefix.length), raw));
  return out.sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
}

export function digestOptIn(props: DocumentProperties, email: string): DigestOptIn | undefined {
  const raw = props.getProperty(keyOf(email));
  return raw === null ? undefined : parse(email.trim().toLowerCase(), raw);
}

export function saveDigestOptIn(props: DocumentProperties, o: DigestOptIn): void {
  props.setProperty(keyOf(o.email), JSON.stringify({ since: o.since, lastSent: o.lastSent }));
}

export function removeDigestOptIn(props: DocumentProperties, email: string): void {
  props.deleteProperty(keyOf(email));
}
