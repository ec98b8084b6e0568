/** board/model.ts: the board's filter, the order within a column (priority, else weighted value) and column figures. */
import { boardColumns, byPriority, matches, ownersOf } from '../../board/model';
import type { BoardCard, BoardStage } from '../../src/shared/board-api';

const stage = (name: string, outcome: BoardStage['outcome'] = 'Open'): BoardStage => ({
  name,
  outcome,
  probability: 0.5,
  color: '#5f6368',
});
const STAGES = [stage('Lead'), stage('Proposal'), stage('Won', 'Won')];
let row = 2;
const card = (f: Partial<BoardCard>): BoardCard => ({
  dealId: `D-${row}`,
  row: row++,
  name: 'Deal',
  company: 'Co',
  owner: 'Ann',
  value: 100,
  weighted: 50,
  stage: 'Lead',
  daysInStage: 1,
  nextStep: '',
  badges: [],
  ...f,
});

test('filter: owner exactly, search words anywhere in name, company, owner, next step or Deal ID, any case', () => {
  const c = card({
    name: 'Acme renewal',
    company: 'Acme',
    owner: 'Ann Lee',
    nextStep: 'Send Pricing',
    dealId: 'D-0042',
  });
  expect(matches(c, { owner: '', text: '' })).toBe(true);
  expect(matches(c, { owner: 'Ann Lee', text: '' })).toBe(true);
  expect(matches(c, { owner: 'Ann', text: '' })).toBe(false);
  expect(matches(c, { owner: '', text: 'pricing ACME' })).toBe(true);
  expect(matches(c, { owner: '', text: 'd-0042' })).toBe(true);
  expect(matches(c, { owner: '', text: 'acme beta' })).toBe(false);
});

test('order: priority first (highest first), then weighted value, value, name, row', () => {
  const cards = [
    card({ name: 'w100', weighted: 100 }),
    card({ name: 'p2', priority: 2, weighted: 1 }),
    card({ name: 'w300', weighted: 300 }),
    card({ name: 'p9', priority: 9 }),
    card({ name: 'b', weighted: 100, value: 500 }),
    card({ name: 'a', weighted: 100, value: 500 }),
  ];
  // Expected order worked by hand from the rule.
  expect([...cards].sort(byPriority).map((c) => c.name)).toEqual(['p9', 'p2', 'w300', 'a', 'b', 'w100']);
});

test('columns: each stage in order, the filter applied, figures summed over the cards kept', () => {
  const cards = [
    card({ stage: 'Lead', owner: 'Ann', value: 100, weighted: 10 }),
    card({ stage: 'Lead', owner: 'Bob', value: 200, weighted: 20 }),
    card({ stage: 'Proposal', owner: 'Ann', value: 400, weighted: 200 }),
    card({ stage: 'Won', owner: 'Ann', value: 800, weighted: 800 }),
    card({ stage: 'Gone', owner: 'Ann', value: 1 }), // not a board stage: in no column
  ];
  const all = boardColumns(STAGES, cards, { owner: '', text: '' });
  expect(all.map((c) => [c.stage.name, c.count, c.total, c.weighted])).toEqual([
    ['Lead', 2, 300, 30],
    ['Proposal', 1, 400, 200],
    ['Won', 1, 800, 800],
  ]);
  const ann = boardColumns(STAGES, cards, { owner: 'Ann', text: '' });
  expect(ann.map((c) => c.count)).toEqual([1, 1, 1]);
  expect(ann[0]?.total).toBe(100);
  expect(ownersOf([...cards, card({ owner: '' })])).toEqual(['Ann', 'Bob']);
});
