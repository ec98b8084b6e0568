/**
 * MailApp: records every message sent, so tests (and the playground's Outbox) read them.
 *
 * Quota (https://developers.google.com/apps-script/guides/services/quotas): "Email recipients per
 * day (for example, with MailApp)": 100 for consumer accounts (gmail.com), 1,500 for Google
 * Workspace; quotas are per user and reset 24 hours after the first request. Each recipient of a
 * message counts once. Past the quota Apps Script throws "Service invoked too many times for one day:
 * email." MailApp.getRemainingDailyQuota() says how many recipients are left
 * (https://developers.google.com/apps-script/reference/mail/mail-app#getRemainingDailyQuota()).
 * The emulator keeps the consumer figure by default (the strict case) and counts per effective user,
 * reset 24 hours after that user's first send.
 */
import type { Clock } from './clock';

/** Apps Script's message once the day's recipients are used up. */
export const MAIL_QUOTA_MESSAGE = 'Exception: Service invoked too many times for one day: email.';
export const CONSUMER_DAILY_RECIPIENTS = 100;
const DAY_MS = 86_400_000;

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
  /** The account that sent it (the run's effective user: a trigger's creator). */
  readonly from: string;
  readonly at: number;
}

export class EmuMailState {
  readonly sent: SentMail[] = [];
  /** Recipients per day per user (consumer: 100). */
  dailyQuota = CONSUMER_DAILY_RECIPIENTS;
  /** Fault injection (faults.ts): the next sends throw this, for a recipient when given. */
  failure: { message: string; to?: string } | undefined;
  /** Per user: when their quota day started, and the recipients used since. */
  readonly used = new Map<string, { since: number; count: number }>();
}

type MailParams = GoogleAppsScript.Mail.MailAdvancedParameters;

export class EmuMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota' | 'sendEmail'> {
  constructor(
    private readonly state: EmuMailState,
    private readonly clock: Clock,
    private readonly user: () => string,
  ) {}

  private usage(): { since: number; count: number } {
    const who = this.user();
    const now = this.clock.now();
    let u = this.state.used.get(who);
    if (!u || now - u.since >= DAY_MS) {
      u = { since: now, count: 0 };
      this.state.used.set(who, u);
    }
    return u;
  }

  getRemainingDailyQuota(): number {
    return Math.max(0, this.state.dailyQuota - this.usage().count);
  }

  /** Every form of the real method: (message), (recipient, subject, body, options?), (to, replyTo, subject, body). */
  sendEmail(a: string | MailParams, b?: string, c?: string, d?: string | MailParams): void {
    const m: MailParams =
      typeof a !== 'string'
        ? a
        : typeof d === 'string'
          ? { to: a, replyTo: b ?? '', subject: c ?? '', body: d }
          : { ...(d ?? {}), to: a, subject: b ?? '', body: c ?? '' };
    const to = String(m.to ?? '').trim();
    if (to === '') throw new Error('Exception: Invalid argument: recipient');
    const recipients = to.split(',').filter((x) => x.trim() !== '').length;
    const f = this.state.failure;
    if (f && (f.to === undefined || f.to === to)) throw new Error(f.message);
    const u = this.usage();
    if (u.count + recipients > this.state.dailyQuota) throw new Error(MAIL_QUOTA_MESSAGE);
    u.count += recipients;
    this.state.sent.push({
      to,
      subject: String(m.subject ?? ''),
      body: String(m.body ?? ''),
      ...(m.htmlBody === undefined ? {} : { htmlBody: String(m.htmlBody) }),
      ...(m.name === undefined ? {} : { name: String(m.name) }),
      from: this.user(),
      at: this.clock.now(),
    });
  }
}
