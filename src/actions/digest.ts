/** Menu: Email me a daily digest (on/off for the user at the keyboard; opt-ins in document properties). */
import { dayToIso } from '../core/calendar';
import { ownerKeys, ownerMatches } from '../core/digest';
import { Book } from '../sheets/book';
import { digestOptIn, removeDigestOptIn, saveDigestOptIn } from '../sheets/digest-store';
import { documentProperties } from '../sheets/platform';
import { PROPERTY_KEYS } from '../sheets/property-keys';
import { activeUserEmail } from '../sheets/session';
import { hasHourlyTrigger } from '../sheets/triggers';
import { TabRegistry } from '../sheets/tab-registry';
import { automationHour } from './automation';
import { clockOf, loadPipeline } from './pipeline-context';

export function toggleDigest(book: Book): string {
  const email = activeUserEmail().trim().toLowerCase();
  if (email === '')
    return 'Google did not say who you are (it keeps e-mail addresses from add-ons in some accounts), so the add-on cannot mail you a digest. Nothing changed.';
  const props = documentProperties();
  if (digestOptIn(props, email)) {
    removeDigestOptIn(props, email);
    return `The daily digest is off for ${email}. Nothing more will be sent; the same menu item turns it on again.`;
  }
  saveDigestOptIn(props, { email, since: dayToIso(clockOf(book).today), lastSent: '' });
  const names = ownerKeys(email)
    .map((k) => `"${k}"`)
    .join(', ');
  const lines = [
    `The daily digest is on for ${email}: one e-mail a day, sent by the daily run (at or after ${automationHour()}:00, spreadsheet time), listing the open deals you own with a follow-up overdue or due today, stale deals and deals closing in the next 7 days, each with a link to its row. A day with nothing to report sends nothing.`,
    `A deal is yours when its Owner cell is ${names} (case and spaces do not count).`,
  ];
  if (new TabRegistry(book, props).find('deals')) {
    const p = loadPipeline(book);
    let owned = 0;
    for (const d of p.parsed.deals) if (d.stage.outcome === 'Open' && ownerMatches(d.owner, email)) owned++;
    lines.push(
      owned === 0
        ? 'No open deal has such an Owner today: type your e-mail or full name in Owner, or you will get no digest.'
        : `You own ${owned} open deal${owned === 1 ? '' : 's'} by this rule today.`,
    );
  }
  if (!hasHourlyTrigger(book) && props.getProperty(PROPERTY_KEYS.lastDailyRun) === null)
    lines.push(
      'Daily automation has not run in this spreadsheet yet: someone must turn it on (Turn on daily automation), or no digest is sent. Digests are sent from the account of whoever turned it on.',
    );
  return lines.join('\n');
}
