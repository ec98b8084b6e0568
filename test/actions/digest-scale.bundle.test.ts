/**
 * The digest job at scale, through the built bundle: its service calls do not grow with the number of
 * deals (it reads nothing the run has not loaded), and it sends one mail per opted-in owner, not per deal.
 */
import { Emulator } from '../../emulator';
import { largePipeline, runStatus } from '../helpers/large-pipeline';

const OWNERS = ['rep.0@example.com', 'rep.1@example.com', 'rep.2@example.com']; // "Rep 0".."Rep 2" by the owner rule

function dailyRunCalls(n: number): { emu: Emulator; calls: Record<string, number> } {
  const emu = largePipeline(n, { historyPerDeal: 1 });
  for (const email of OWNERS) {
    emu.session.userEmail = email;
    emu.call('menuToggleDigest');
  }
  emu.session.userEmail = 'rep@example.com';
  emu.call('menuTurnOnAutomation');
  emu.clock.advance(20 * 3_600_000);
  emu.counter.reset();
  emu.runDueTriggers();
  expect(runStatus(emu)[4]).toBe('OK');
  return { emu, calls: emu.counter.snapshot() };
}

test('the daily job with the digest: the same service calls at 1,000 and 50,000 deals, one mail per owner', () => {
  const small = dailyRunCalls(1000);
  const large = dailyRunCalls(50_000);
  const digestCalls = (c: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.entries(c).filter(([k]) => k.startsWith('MailApp.') || k.startsWith('Properties.')));
  expect(digestCalls(large.calls)).toEqual(digestCalls(small.calls));
  expect(large.calls['MailApp.sendEmail']).toBe(OWNERS.length);
  expect(large.calls['MailApp.getRemainingDailyQuota']).toBe(1);
  const total = (c: Record<string, number>): number => Object.values(c).reduce((a, b) => a + b, 0);
  expect(total(large.calls)).toBe(total(small.calls));
  // Each owner's mail lists their own deals: deal i is owned by "Rep (i % 12)".
  expect(large.emu.mail.sent.map((m) => m.to)).toEqual(OWNERS);
  expect(large.emu.mail.sent.every((m) => m.body.length < 200_000)).toBe(true);
});
