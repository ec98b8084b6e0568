/**
 * The emulator's MailApp (emulator/mail.ts): it records what is sent, counts recipients against the
 * daily quota (https://developers.google.com/apps-script/guides/services/quotas: 100 a day for
 * consumer accounts), throws Apps Script's quota message past it, and is refused in simple triggers.
 */
import { Emulator } from '../../emulator';
import { Faults } from '../../emulator/faults';
import { MAIL_QUOTA_MESSAGE } from '../../emulator/mail';

const SCRIPT = `function send(to) { MailApp.sendEmail(to, 'Hi', 'Body', { htmlBody: '<p>Body</p>', name: 'Deal Pipeline' }); return MailApp.getRemainingDailyQuota(); }`;

test('sendEmail records the message and counts recipients against 100 a day, reset after 24 hours', () => {
  const emu = new Emulator().load(SCRIPT);
  expect(emu.call('send', 'a@x.com')).toBe(99);
  expect(emu.mail.sent[0]).toMatchObject({
    to: 'a@x.com',
    subject: 'Hi',
    body: 'Body',
    htmlBody: '<p>Body</p>',
    from: 'rep@example.com',
  });
  expect(emu.call('send', 'b@x.com, c@x.com')).toBe(97);
  new Faults(emu).mailQuotaLeft(0);
  expect(() => emu.call('send', 'd@x.com')).toThrow(MAIL_QUOTA_MESSAGE);
  expect(emu.mail.sent).toHaveLength(2);
  emu.clock.advance(24 * 3_600_000);
  expect(emu.call('send', 'd@x.com')).toBe(99);
});

test('an injected failure throws for its recipient only; MailApp is refused in a simple trigger', () => {
  const emu = new Emulator().load(SCRIPT);
  const faults = new Faults(emu);
  faults.failMail('Exception: Service unavailable', 'a@x.com');
  expect(() => emu.call('send', 'a@x.com')).toThrow('Service unavailable');
  expect(emu.call('send', 'b@x.com')).toBe(99);
  faults.clear();
  expect(emu.call('send', 'a@x.com')).toBe(98);
  expect(() => emu.inMode('LIMITED', () => emu.call('send', 'e@x.com'))).toThrow(/MailApp/);
});
