import { followUpStatus, followUpText, overdueDays } from '../../src/core/follow-ups';
import { healthText } from '../../src/core/health';
import { defaultStageTable } from '../../src/core/settings';
import { dayNumber } from '../../fixtures/calendar-days';
import { dealRecord, defaultTableStage as stage } from '../../fixtures/deal-records';

const TODAY = dayNumber('2026-11-23');
const table = defaultStageTable();

test('a Next Step Due before today is overdue by the whole days since it was due', () => {
  const d = dealRecord(stage('Proposal'), { nextStep: 'Send proposal', nextStepDue: dayNumber('2026-11-20') });
  expect(followUpStatus(d, TODAY)).toEqual({ kind: 'overdue', days: 3, step: 'Send proposal' });
  expect(followUpText(followUpStatus(d, TODAY))).toBe('Follow-up overdue: 3 days ("Send proposal")');
  expect(overdueDays(d, TODAY)).toBe(3);
  const one = dealRecord(stage('Lead Generation'), { nextStepDue: TODAY - 1 });
  expect(followUpText(followUpStatus(one, TODAY))).toBe('Follow-up overdue: 1 day');
});

test('due today and due later are not overdue; closed deals never are', () => {
  expect(followUpStatus(dealRecord(stage('Proposal'), { nextStep: 'Call', nextStepDue: TODAY }), TODAY)).toEqual({
    kind: 'due-today',
    step: 'Call',
  });
  expect(followUpStatus(dealRecord(stage('Proposal'), { nextStep: 'Call', nextStepDue: TODAY + 1 }), TODAY).kind).toBe(
    'ok',
  );
  expect(followUpStatus(dealRecord(stage('Closed Won'), { nextStepDue: TODAY - 9 }), TODAY).kind).toBe('ok');
  expect(overdueDays(dealRecord(stage('Closed Lost'), { nextStepDue: TODAY - 9 }), TODAY)).toBe(0);
});

test('No next step only where the stage requires one (default stages: not Lead Generation)', () => {
  for (const s of table.stages) {
    const expected = s.outcome === 'Open' && s.name !== 'Lead Generation' ? 'missing' : 'ok';
    expect([s.name, followUpStatus(dealRecord(s), TODAY).kind]).toEqual([s.name, expected]);
  }
  expect(followUpStatus(dealRecord(stage('Proposal'), { nextStep: 'Demo' }), TODAY).kind).toBe('ok');
});

test('a long step is shortened in Health; Health lists stale, then the follow-up, then what is missing', () => {
  const step = 'x'.repeat(80);
  expect(
    followUpText(
      followUpStatus(dealRecord(stage('Lead Generation'), { nextStep: step, nextStepDue: TODAY - 2 }), TODAY),
    ),
  ).toBe(`Follow-up overdue: 2 days ("${'x'.repeat(57)}...")`);
  const d = dealRecord(stage('Initial Contact'), { lastActivity: TODAY - 8, cells: { owner: 'Ann' } });
  expect(healthText(d, table, TODAY)).toBe(
    'Stale: 8 days in Initial Contact (limit 7); No next step; Missing: Company (Initial Contact)',
  );
});
