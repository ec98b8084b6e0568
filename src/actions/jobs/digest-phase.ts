/**
 * The daily digest (#12): one mail per opted-in user listing the open deals they own that need them
 * today (src/core/digest.ts says which, and how an Owner cell is matched to an e-mail). It reads
 * nothing more than the run already loaded, and sends without the document lock (it writes no cell).
 *
 * Each user gets at most one digest per day (their last-sent day is kept with their opt-in); a user
 * with nothing to report gets no mail that day. The mail quota is checked first: users past what is
 * left are not mailed, and, like a failed send, that is reported on the run's last-run line, which
 * then says Failed (the other phases' work stands). Those not mailed are not marked sent, so any
 * later run that includes the digest that day mails them; none is ever mailed twice a day.
 */
import { dayToIso } from '../../core/calendar';
import { buildDigests, isEmpty } from '../../core/digest';
import { digestMail, rowLink } from '../../core/digest-mail';
import { readDigestOptIns, saveDigestOptIn } from '../../sheets/digest-store';
import { remainingMailQuota, sendMail } from '../../sheets/mail';
import { documentProperties } from '../../sheets/platform';
import { Phase } from './phase';

/** An error's message (errors thrown by Apps Script services need not be this realm's Error). */
const errorText = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'message' in e ? String((e as { message: unknown }).message) : String(e);
const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

export const digestPhase: Phase = ({ input }) => {
  const props = documentProperties();
  const today = dayToIso(input.pipeline.clock.today);
  const due = readDigestOptIns(props).filter((o) => o.lastSent !== today);
  if (due.length === 0) return undefined;
  const { book, deals, parsed, clock } = input.pipeline;
  const digests = buildDigests(
    parsed.deals,
    due.map((o) => o.email),
    clock.today,
  );
  const spreadsheetId = book.getId();
  const sheetId = deals.sheet.getSheetId();
  const place = { spreadsheet: book.getName(), link: (row: number) => rowLink(spreadsheetId, sheetId, row) };
  let sent = 0;
  let empty = 0;
  const failed: string[] = [];
  const unsent: string[] = [];
  let left: number;
  try {
    left = remainingMailQuota();
  } catch (e) {
    left = 0;
    failed.push(`the mail quota could not be read (${errorText(e)})`);
  }
  for (const o of due) {
    const d = digests.get(o.email);
    if (!d) continue;
    if (isEmpty(d)) {
      empty++;
      saveDigestOptIn(props, { ...o, lastSent: today });
      continue;
    }
    if (left < 1) {
      unsent.push(o.email);
      continue;
    }
    try {
      sendMail({ to: o.email, ...digestMail(d, place) });
      left--;
      sent++;
      saveDigestOptIn(props, { ...o, lastSent: today });
    } catch (e) {
      failed.push(`${o.email}: ${errorText(e)}`);
    }
  }
  const parts = [
    `daily digest sent to ${count(sent, 'user', 'users')}${empty > 0 ? ` (${empty} had nothing due)` : ''}`,
    unsent.length > 0
      ? `daily digest NOT sent to ${unsent.join(', ')}: the day's mail quota is used up (MailApp.getRemainingDailyQuota)`
      : '',
    failed.length > 0 ? `daily digest NOT sent: ${failed.join('; ')}` : '',
  ];
  return { parts, failed: unsent.length > 0 || failed.length > 0 };
};
