import { buildDigests, ownerMatches } from '../../src/core/digest';
import { digestMail, escapeHtml, rowLink } from '../../src/core/digest-mail';
import { dayNumber } from '../../fixtures/calendar-days';
import { dealRecord, defaultTableStage as stage } from '../../fixtures/deal-records';

const TODAY = dayNumber('2026-11-23');

test('an Owner cell matches the e-mail, its local part, or the local part read as a name', () => {
  const email = 'Ann.Lee@Acme.com';
  for (const owner of ['ann.lee@acme.com', ' ANN.LEE ', 'Ann Lee', 'ann   lee'])
    expect([owner, ownerMatches(owner, email)]).toEqual([owner, true]);
  for (const owner of ['Ann', 'A. Lee', 'Ann Lee, Bob', 'ann.lee@other.com', ''])
    expect([owner, ownerMatches(owner, email)]).toEqual([owner, false]);
  expect(ownerMatches('Bob Stone', 'bob_stone@x.org')).toBe(true);
});

test("each user's digest holds only the open deals they own, each section in its order", () => {
  const deals = [
    dealRecord(stage('Proposal'), {
      row: 2,
      id: 'D-1',
      name: 'A',
      owner: 'ann',
      nextStep: 'Call',
      nextStepDue: TODAY - 3,
    }),
    dealRecord(stage('Proposal'), {
      row: 3,
      id: 'D-2',
      name: 'B',
      owner: 'Ann',
      nextStep: 'Mail',
      nextStepDue: TODAY - 5,
    }),
    dealRecord(stage('Proposal'), { row: 4, id: 'D-3', name: 'C', owner: 'ann', nextStep: 'Demo', nextStepDue: TODAY }),
    dealRecord(stage('Negotiation'), { row: 5, id: 'D-4', name: 'D', owner: 'ann', lastActivity: TODAY - 20 }),
    dealRecord(stage('Negotiation'), {
      row: 6,
      id: 'D-5',
      name: 'E',
      owner: 'ann',
      value: 48000,
      expectedClose: TODAY + 6,
    }),
    dealRecord(stage('Negotiation'), { row: 7, id: 'D-6', name: 'F', owner: 'ann', expectedClose: TODAY + 7 }),
    dealRecord(stage('Closed Won'), { row: 8, id: 'D-7', name: 'G', owner: 'ann', nextStepDue: TODAY - 1 }),
    dealRecord(stage('Proposal'), { row: 9, id: 'D-8', name: 'H', owner: 'bob', nextStepDue: TODAY - 1 }),
    dealRecord(stage('Proposal'), { row: 10, id: 'D-9', name: 'I', owner: 'ann', expectedClose: TODAY }),
  ];
  const digests = buildDigests(deals, ['ann@x.com', 'bob@x.com', 'cy@x.com'], TODAY);
  const ann = digests.get('ann@x.com')!;
  expect(ann.overdue.map((i) => [i.id, i.detail])).toEqual([
    ['D-2', '5 days overdue: Mail'],
    ['D-1', '3 days overdue: Call'],
  ]);
  expect(ann.dueToday.map((i) => [i.id, i.detail])).toEqual([['D-3', 'due today: Demo']]);
  expect(ann.stale.map((i) => [i.id, i.detail])).toEqual([['D-4', '20 days in Negotiation (limit 7)']]);
  expect(ann.closing.map((i) => [i.id, i.detail])).toEqual([
    ['D-9', 'closes 2026-11-23 (today), 0 in Proposal'],
    ['D-5', 'closes 2026-11-29 (in 6 days), 48,000 in Negotiation'],
  ]);
  expect(digests.get('bob@x.com')!.overdue.map((i) => i.id)).toEqual(['D-8']);
  const cy = digests.get('cy@x.com')!;
  expect([cy.overdue, cy.dueToday, cy.stale, cy.closing]).toEqual([[], [], [], []]);
});

test('the mail escapes sheet text in HTML, links each deal to its row, and caps long sections', () => {
  const deals = Array.from({ length: 53 }, (_, k) =>
    dealRecord(stage('Proposal'), {
      row: k + 2,
      id: `D-${k}`,
      name: k === 52 ? '<img src=x onerror=alert(1)>' : `Deal ${k}`,
      company: 'A&B "Co"',
      owner: 'ann',
      nextStep: '=HYPERLINK("http://evil")',
      nextStepDue: TODAY - 1 - k,
    }),
  );
  const d = buildDigests(deals, ['ann@x.com'], TODAY).get('ann@x.com')!;
  const link = (row: number): string => rowLink('sheet-id_1', 42, row);
  const mail = digestMail(d, { spreadsheet: 'Pipe <line>', link });
  expect(mail.subject).toBe('Deal Pipeline digest: 53 follow-ups overdue (Pipe <line>)');
  expect(mail.htmlBody).not.toContain('<img');
  expect(mail.htmlBody).toContain('&#60;img src=x onerror=alert(1)&#62;');
  expect(mail.htmlBody).toContain('A&#38;B &#34;Co&#34;');
  expect(mail.htmlBody).toContain('<b>Pipe &#60;line&#62;</b>');
  // Most overdue first: row 54 is 53 days overdue, row 53 52 days.
  expect(mail.body).toContain(
    `- Deal 51 (A&B "Co") [D-51]: 52 days overdue: =HYPERLINK("http://evil")  https://docs.google.com/spreadsheets/d/sheet-id_1/edit#gid=42&range=A53`,
  );
  expect(mail.body.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(50);
  expect(mail.body).toContain('... and 3 more');
  expect(escapeHtml(`'"<>&`)).toBe('&#39;&#34;&#60;&#62;&#38;');
});
