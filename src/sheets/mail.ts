/**
 * MailApp, for the daily digest (scope https://www.googleapis.com/auth/script.send_mail). The quota
 * counts recipients per day per user (100 on consumer accounts, 1,500 on Workspace:
 * https://developers.google.com/apps-script/guides/services/quotas).
 */

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody: string;
}

/** Recipients the running user may still mail today. */
export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}

export function sendMail(m: OutgoingMail): void {
  MailApp.sendEmail(m.to, m.subject, m.body, { htmlBody: m.htmlBody, name: 'Deal Pipeline' });
}
