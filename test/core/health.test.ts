/** src/core/health.ts: the Health text of a deal (stale, missing requirements) and of a row that could not be read. */
import { dayNumber } from '../../fixtures/calendar-days';
import { dealRecord, defaultTableStage } from '../../fixtures/deal-records';
import { healthText, problemText } from '../../src/core/health';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();
const stage = defaultTableStage;
const TODAY = dayNumber('2026-11-23');
const ALL_MET = {
  owner: 'Ann',
  company: 'Acme',
  value: 5,
  budget: true,
  authority: true,
  need: true,
  timeline: true,
  expectedClose: '2026-12-01',
};

test('a fresh deal whose requirements are met has an empty Health', () => {
  expect(
    healthText(
      dealRecord(stage('Proposal'), { stageEntered: TODAY - 2, cells: ALL_MET, nextStep: 'Send proposal' }),
      table,
      TODAY,
    ),
  ).toBe('');
  expect(healthText(dealRecord(stage('Lead Generation'), { lastActivity: TODAY }), table, TODAY)).toBe('');
});

test('stale first, then the requirements owed on the way to its stage, joined by "; "', () => {
  const d = dealRecord(stage('Proposal'), {
    stageEntered: TODAY - 11,
    cells: { owner: 'Ann', company: 'Acme', budget: true },
  });
  expect(healthText(d, table, TODAY)).toBe(
    'Stale: 11 days in Proposal (limit 10); No next step; Missing: Value > 0 (Qualification), Authority (Proposal), Need (Proposal), Timeline (Proposal)',
  );
  expect(
    healthText(dealRecord(stage('Initial Contact'), { lastActivity: TODAY - 8, cells: ALL_MET }), table, TODAY),
  ).toBe('Stale: 8 days in Initial Contact (limit 7); No next step');
});

test('a closed deal is never stale but still names what it skipped; an undated open deal is not called stale', () => {
  expect(
    healthText(
      dealRecord(stage('Closed Won'), { stageEntered: TODAY - 400, cells: { ...ALL_MET, expectedClose: '' } }),
      table,
      TODAY,
    ),
  ).toBe('Missing: Expected Close (Negotiation), Expected Close (Closed Won)');
  expect(healthText(dealRecord(stage('Closed Lost'), { stageEntered: TODAY - 400 }), table, TODAY)).toBe(
    'Missing: Lost Reason (Closed Lost)',
  );
  expect(healthText(dealRecord(stage('Lead Generation')), table, TODAY)).toBe('');
});

test('problemText: "Data problem: <column> <value> is <problem>"', () => {
  expect(problemText({ tab: 'Deals', row: 7, column: 'Value', value: '"tbd"', problem: 'not a number' })).toBe(
    'Data problem: Value "tbd" is not a number',
  );
});
