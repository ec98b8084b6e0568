/**
 * The daily digest (#12) through the built bundle: opt-in per user from the menu, one mail per
 * opted-in owner (not per deal) sent by the daily run, its content per owner, links to rows, at most
 * one a day, and a send failure or a quota shortfall shown on the summary's last-run line.
 */
import { Emulator } from '../../emulator';
import { Faults } from '../../emulator/faults';
import { namedDeal } from '../../fixtures/deals';
import { runStatus } from '../helpers/large-pipeline';
import { pipelineWith } from '../helpers/pipeline';

// The daily run below happens on 2026-11-24 at 06:00 in New York (the clock starts 2026-11-23 10:00 there).
const deals = [
  namedDeal('A1', {
    Owner: 'ann@example.com',
    Stage: 'Proposal',
    'Next Step': 'Send quote',
    'Next Step Due': '2026-11-21',
    'Last Activity': '2026-11-23',
  }),
  namedDeal('A2', {
    Owner: 'Ann',
    Stage: 'Proposal',
    'Next Step': 'Call',
    'Next Step Due': '2026-11-24',
    'Last Activity': '2026-11-23',
  }),
  namedDeal('A3', {
    Owner: 'ann',
    Stage: 'Negotiation',
    'Last Activity': '2026-11-01',
    'Expected Close': '2026-11-30',
    Value: 48000,
  }),
  namedDeal('A4', { Owner: 'ANN', Stage: 'Closed Won', 'Next Step Due': '2026-11-01' }),
  namedDeal('B1', {
    Owner: 'Bob Stone',
    Stage: 'Qualification',
    'Next Step': '<b>demo</b>',
    'Next Step Due': '2026-11-20',
    'Last Activity': '2026-11-23',
  }),
  namedDeal('C1', { Owner: 'cy@example.com', Stage: 'Lead Generation', 'Last Activity': '2026-11-23' }),
];

function optIn(emu: Emulator, email: string): string {
  emu.session.userEmail = email;
  emu.call('menuToggleDigest');
  return emu.ui.alerts.at(-1)?.prompt ?? '';
}

/** Opt-ins for ann, bob.stone and cy; automation turned on by rep; the clock moved to the next daily run. */
function arranged(): { emu: Emulator; faults: Faults } {
  const { emu, faults } = pipelineWith(deals);
  optIn(emu, 'ann@example.com');
  optIn(emu, 'bob.stone@example.com');
  optIn(emu, 'cy@example.com');
  emu.session.userEmail = 'rep@example.com';
  emu.call('menuTurnOnAutomation');
  emu.clock.advance(20 * 3_600_000);
  return { emu, faults };
}

test('the menu turns the digest on and off for the user at the keyboard and explains the owner rule', () => {
  const { emu } = pipelineWith(deals);
  const on = optIn(emu, 'ann@example.com');
  expect(on).toMatch(/daily digest is on for ann@example\.com/);
  expect(on).toContain('"ann@example.com", "ann"');
  // Independent: A1, A2, A3 are open and owned by ann by the rule (A4 is closed).
  expect(on).toContain('You own 3 open deals by this rule today.');
  expect(on).toMatch(/Daily automation has not run/);
  expect(optIn(emu, 'dee@example.com')).toMatch(/No open deal has such an Owner/);
  expect(optIn(emu, 'ann@example.com')).toMatch(/daily digest is off for ann@example\.com/);
  expect(optIn(emu, '')).toMatch(/Google did not say who you are.*Nothing changed/);
  const keys = emu.counter.quiet(() => emu.properties.document.getKeys().filter((k) => k.includes('digest')));
  expect(keys).toEqual(['dealPipeline.digest.dee@example.com']);
});

test('the daily run sends one mail per opted-in owner with their deals, linked to their rows', () => {
  const { emu } = arranged();
  emu.runDueTriggers();
  expect(runStatus(emu).slice(1, 2)).toEqual(['Daily job']);
  expect(runStatus(emu)[4]).toBe('OK');
  expect(runStatus(emu)[5]).toMatch(/daily digest sent to 2 users \(1 had nothing due\)/);
  const sent = emu.mail.sent;
  expect(sent.map((m) => m.to)).toEqual(['ann@example.com', 'bob.stone@example.com']);
  expect(sent.every((m) => m.from === 'rep@example.com')).toBe(true);
  const ann = sent[0]!;
  const link = (row: number): string =>
    `https://docs.google.com/spreadsheets/d/${emu.book.getId()}/edit#gid=${emu.counter.quiet(() => emu.book.getSheetByName('Deals')!.getSheetId())}&range=A${row}`;
  // Independent, by hand: A1 due 11-21 (3 days overdue), A2 due today, A3 untouched since 11-01 (23 days,
  // Negotiation's limit 7) and closing 11-30 (in 6 days); A4 is closed.
  expect(ann.subject).toMatch(
    /^Deal Pipeline digest: 1 follow-ups overdue, 1 follow-ups due today, 1 stale deals, 1 closing in the next 7 days/,
  );
  expect(ann.body).toContain(`- A1 (A1 Co) [D-0001]: 3 days overdue: Send quote  ${link(2)}`);
  expect(ann.body).toContain(`- A2 (A2 Co) [D-0002]: due today: Call  ${link(3)}`);
  expect(ann.body).toContain(`- A3 (A3 Co) [D-0003]: 23 days in Negotiation (limit 7)  ${link(4)}`);
  expect(ann.body).toContain(`- A3 (A3 Co) [D-0003]: closes 2026-11-30 (in 6 days), 48,000 in Negotiation  ${link(4)}`);
  expect(ann.body).not.toContain('D-0004');
  expect(ann.body).not.toContain('D-0005');
  const bob = sent[1]!;
  expect(bob.body).toContain('- B1 (B1 Co) [D-0005]: 4 days overdue: <b>demo</b>');
  expect(bob.htmlBody).toContain('4 days overdue: &#60;b&#62;demo&#60;/b&#62;');
  expect(bob.htmlBody).not.toContain('<b>demo');
});

test('at most one digest a day per user, even when the daily job runs again', () => {
  const { emu } = arranged();
  emu.runDueTriggers();
  emu.counter.quiet(() => emu.properties.document.deleteProperty('dealPipeline.lastDailyRun'));
  emu.clock.advance(3_600_000);
  emu.runDueTriggers();
  expect(runStatus(emu)[1]).toBe('Daily job');
  expect(emu.mail.sent).toHaveLength(2);
  emu.clock.advance(24 * 3_600_000);
  emu.runDueTriggers();
  expect(emu.mail.sent).toHaveLength(4);
});

test('a failed send is shown on the last-run line (Failed) and the others are still sent', () => {
  const { emu, faults } = arranged();
  faults.failMail('Exception: Service unavailable: Gmail', 'ann@example.com');
  emu.runDueTriggers();
  expect(emu.mail.sent.map((m) => m.to)).toEqual(['bob.stone@example.com']);
  expect(runStatus(emu)[4]).toBe('Failed');
  expect(runStatus(emu)[5]).toMatch(/daily digest NOT sent: ann@example\.com: Exception: Service unavailable: Gmail/);
  expect(runStatus(emu)[5]).toMatch(/stale deals flagged/);
  // Not marked sent: the next run that day mails ann.
  faults.clear();
  emu.counter.quiet(() => emu.properties.document.deleteProperty('dealPipeline.lastDailyRun'));
  emu.clock.advance(3_600_000);
  emu.runDueTriggers();
  expect(emu.mail.sent.map((m) => m.to)).toEqual(['bob.stone@example.com', 'ann@example.com']);
  expect(runStatus(emu)[4]).toBe('OK');
});

test('a quota shortfall is checked before sending and named on the last-run line', () => {
  const { emu, faults } = arranged();
  faults.mailQuotaLeft(1, 'rep@example.com');
  emu.runDueTriggers();
  expect(emu.mail.sent.map((m) => m.to)).toEqual(['ann@example.com']);
  expect(runStatus(emu)[4]).toBe('Failed');
  expect(runStatus(emu)[5]).toMatch(
    /daily digest NOT sent to bob\.stone@example\.com: the day's mail quota is used up/,
  );
});

test('no opt-ins: the daily job sends nothing and writes its last-run line once, as before', () => {
  const { emu } = pipelineWith(deals);
  emu.call('menuTurnOnAutomation');
  emu.clock.advance(20 * 3_600_000);
  emu.counter.reset();
  emu.runDueTriggers();
  expect(emu.mail.sent).toHaveLength(0);
  expect(emu.counter.get('MailApp.getRemainingDailyQuota')).toBe(0);
  expect(runStatus(emu)[4]).toBe('OK');
});
