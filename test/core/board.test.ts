/** src/core/board.ts: a card per deal (weighted value, days in stage, badges) and a column per stage with its colour. */
import { dayNumber } from '../../fixtures/calendar-days';
import { defaultDeal } from '../../fixtures/deal-records';
import { boardCard, boardCards, boardStages } from '../../src/core/board';
import { weightedValue } from '../../src/core/weighted-value';
import { defaultStageTable } from '../../src/core/settings';
import { makeStageTable } from '../../src/core/stages';

const TODAY = dayNumber('2026-11-23');

test("weighted value: the deal's own probability for an open deal, else its stage's; won 100%, lost 0%", () => {
  expect(weightedValue(defaultDeal('Proposal', { value: 1000 }))).toBe(500);
  expect(weightedValue(defaultDeal('Proposal', { value: 1000, override: 0.9 }))).toBe(900);
  expect(weightedValue(defaultDeal('Closed Won', { value: 1000, override: 0.1 }))).toBe(1000);
  expect(weightedValue(defaultDeal('Closed Lost', { value: 1000, override: 0.9 }))).toBe(0);
});

test('a card carries the deal as the board shows it; stale when the last touch is past the stage limit', () => {
  const d = defaultDeal('Proposal', {
    row: 7,
    id: 'D-0007',
    name: 'Acme',
    company: 'Acme Co',
    owner: 'Ann',
    value: 2000,
    stageEntered: TODAY - 12,
    lastActivity: TODAY - 11,
    nextStep: 'Send contract',
  });
  expect(boardCard(d, TODAY, 1)).toEqual({
    dealId: 'D-0007',
    row: 7,
    name: 'Acme',
    company: 'Acme Co',
    owner: 'Ann',
    value: 2000,
    weighted: 1000,
    stage: 'Proposal',
    daysInStage: 12,
    nextStep: 'Send contract',
    badges: [{ kind: 'stale', text: 'Stale 11d (limit 10)' }],
  });
  // At the limit it is not stale yet; no Stage Entered: no days in stage.
  expect(
    boardCard(defaultDeal('Proposal', { id: 'D-1', lastActivity: TODAY - 10, nextStep: 'Call' }), TODAY, 1),
  ).toMatchObject({
    badges: [],
    daysInStage: null,
  });
});

test('cards count Deal IDs over the whole board: a shared one is marked on each row, a missing one too', () => {
  const cards = boardCards(
    [
      defaultDeal('Proposal', { id: 'D-1', row: 2, lastActivity: TODAY, nextStep: 'Call' }),
      defaultDeal('Proposal', { id: 'D-1', row: 3, lastActivity: TODAY, nextStep: 'Call' }),
      defaultDeal('Proposal', { id: '', row: 4, lastActivity: TODAY, nextStep: 'Call' }),
      defaultDeal('Proposal', { id: 'D-2', row: 5, lastActivity: TODAY, nextStep: 'Call' }),
    ],
    TODAY,
  );
  expect(cards.map((c) => c.badges.map((b) => b.kind))).toEqual([['shared-id'], ['shared-id'], ['no-id'], []]);
});

test("columns follow the stage table's order; a stage's own colour heads its column, else the palette's by position", () => {
  const base = defaultStageTable().stages;
  const table = makeStageTable(base.map((s, i) => (i === 1 ? { ...s, color: '#e69f00' } : { ...s, color: null })));
  const stages = boardStages(table);
  expect(stages.map((s) => s.name)).toEqual(base.map((s) => s.name));
  expect(stages[1]?.color).toBe('#e69f00');
  // Okabe-Ito, open stages in order: sky blue first, orange fourth; Won bluish green, Lost vermillion.
  expect(stages[0]?.color).toBe('#56b4e9');
  expect(stages[3]).toEqual({ name: 'Proposal', outcome: 'Open', probability: 0.5, color: '#e69f00' });
  expect(stages.slice(5).map((s) => s.color)).toEqual(['#009e73', '#d55e00']);
});

test('badges: follow-up overdue, due today or missing, snoozed, slipped close date; priority when given', () => {
  const base = { id: 'D-1', stageEntered: TODAY - 1, lastActivity: TODAY - 1, nextStep: 'Call' };
  const badges = (d: ReturnType<typeof defaultDeal>, slip?: { pushes: number; days: number }) =>
    boardCards([d], TODAY, { slips: new Map(slip ? [['D-1', slip]] : []) })[0]?.badges;
  expect(badges(defaultDeal('Proposal', { ...base, nextStepDue: TODAY - 3 }))).toEqual([
    { kind: 'overdue', text: 'Follow-up overdue 3d' },
  ]);
  expect(badges(defaultDeal('Proposal', { ...base, nextStepDue: TODAY }))).toEqual([
    { kind: 'due', text: 'Follow-up due today' },
  ]);
  // Proposal requires a next step (default stages); Lead Generation does not.
  expect(badges(defaultDeal('Proposal', { ...base, nextStep: '' }))).toEqual([
    { kind: 'overdue', text: 'No next step' },
  ]);
  expect(badges(defaultDeal('Lead Generation', { ...base, nextStep: '' }))).toEqual([]);
  // Snoozed: not stale though untouched for 40 days, and says until when.
  expect(
    badges(
      defaultDeal('Proposal', { ...base, lastActivity: TODAY - 40, stageEntered: TODAY - 40, snoozedUntil: TODAY + 5 }),
    ),
  ).toEqual([{ kind: 'snoozed', text: 'Snoozed to 2026-11-28' }]);
  // Slipped: at least 2 pushes or 30 days in all (src/core/field-history.ts); one short push is not.
  expect(badges(defaultDeal('Proposal', base), { pushes: 2, days: 12 })).toEqual([
    { kind: 'slipped', text: 'Close pushed 2x (+12d)' },
  ]);
  expect(badges(defaultDeal('Proposal', base), { pushes: 1, days: 5 })).toEqual([]);
  expect(badges(defaultDeal('Closed Won', base), { pushes: 3, days: 50 })).toEqual([]);
  const d = defaultDeal('Proposal', base);
  expect(boardCards([d], TODAY, { priority: new Map([[d, 71.5]]) })[0]?.priority).toBe(71.5);
  expect(boardCards([d], TODAY)[0]).not.toHaveProperty('priority');
});
