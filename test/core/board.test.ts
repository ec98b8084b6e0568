/** src/core/board.ts: a card per deal (weighted value, days in stage, badges) and a column per stage with its colour. */
import { dayNumber } from '../../fixtures/calendar-days';
import { defaultDeal } from '../../fixtures/deal-records';
import { boardCard, boardCards, boardStages, weightedValue } from '../../src/core/board';
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
  expect(boardCard(defaultDeal('Proposal', { id: 'D-1', lastActivity: TODAY - 10 }), TODAY, 1)).toMatchObject({
    badges: [],
    daysInStage: null,
  });
});

test('cards count Deal IDs over the whole board: a shared one is marked on each row, a missing one too', () => {
  const cards = boardCards(
    [
      defaultDeal('Proposal', { id: 'D-1', row: 2, lastActivity: TODAY }),
      defaultDeal('Proposal', { id: 'D-1', row: 3, lastActivity: TODAY }),
      defaultDeal('Proposal', { id: '', row: 4, lastActivity: TODAY }),
      defaultDeal('Proposal', { id: 'D-2', row: 5, lastActivity: TODAY }),
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
