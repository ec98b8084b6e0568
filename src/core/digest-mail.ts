/**
 * One digest as a mail (pure): subject, plain text and simple HTML. Every piece of sheet text is
 * escaped in the HTML; links go to the deal's row. Long sections are capped (a mail body has a size
 * limit), with "... and N more".
 */
import { DigestItem, OwnerDigest } from './digest';

/** Items listed per section before "... and N more". */
export const DIGEST_SECTION_CAP = 50;

export interface DigestMail {
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

export interface DigestPlace {
  /** The spreadsheet's name, for the subject and the first line. */
  readonly spreadsheet: string;
  /** The link to a sheet row of the Deals tab. */
  link(row: number): string;
}

/** https://docs.google.com/spreadsheets/d/<id>/edit#gid=<sheetId>&range=A<row> */
export function rowLink(spreadsheetId: string, sheetId: number, row: number): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}&range=A${row}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SECTIONS: readonly [keyof Omit<OwnerDigest, 'email'>, string][] = [
  ['overdue', 'Follow-ups overdue'],
  ['dueToday', 'Follow-ups due today'],
  ['stale', 'Stale deals'],
  ['closing', 'Closing in the next 7 days'],
];

const title = (i: DigestItem): string =>
  [i.name || '(no name)', i.company ? `(${i.company})` : '', i.id ? `[${i.id}]` : ''].filter(Boolean).join(' ');

export function digestMail(d: OwnerDigest, place: DigestPlace): DigestMail {
  const counts = SECTIONS.map(([k, label]) => [label, d[k].length] as const).filter(([, n]) => n > 0);
  const subject = `Deal Pipeline digest: ${counts.map(([label, n]) => `${n} ${label.toLowerCase()}`).join(', ') || 'nothing due'} (${place.spreadsheet})`;
  const text: string[] = [`Your deals in "${place.spreadsheet}" today.`];
  const html: string[] = [`<p>Your deals in <b>${escapeHtml(place.spreadsheet)}</b> today.</p>`];
  for (const [key, label] of SECTIONS) {
    const items = d[key];
    if (items.length === 0) continue;
    text.push('', `${label} (${items.length})`);
    html.push(`<h3>${escapeHtml(label)} (${items.length})</h3>`, '<ul>');
    for (const i of items.slice(0, DIGEST_SECTION_CAP)) {
      const link = place.link(i.row);
      text.push(`- ${title(i)}: ${i.detail}  ${link}`);
      html.push(`<li><a href="${escapeHtml(link)}">${escapeHtml(title(i))}</a>: ${escapeHtml(i.detail)}</li>`);
    }
    if (items.length > DIGEST_SECTION_CAP) {
      const more = `... and ${items.length - DIGEST_SECTION_CAP} more`;
      text.push(more);
      html.push(`<li>${more}</li>`);
    }
    html.push('</ul>');
  }
  const footer =
    'You get this because you turned on Extensions > Deal Pipeline > Email me a daily digest. Use the same item to turn it off.';
  text.push('', footer);
  html.push(`<p style="color:#666">${escapeHtml(footer)}</p>`);
  return { subject, body: text.join('\n'), htmlBody: html.join('\n') };
}
