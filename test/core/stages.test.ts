/** src/core/stages.ts: the stage table's lookup, outcome codes and weights, outcomes from names. */
import {
  foldStageName,
  LOST,
  makeStageTable,
  OPEN,
  outcomeFromName,
  Stage,
  stageNames,
  WON,
} from '../../src/core/stages';

const st = (name: string, index: number, probability: number, outcome: Stage['outcome']): Stage => ({
  name,
  index,
  probability,
  outcome,
  staleAfter: null,
  requirements: [],
  nextStepRequired: false,
  cleanupAfter: null,
  color: null,
});
const STAGES = [
  st('Lead', 0, 0.1, 'Open'),
  st('Demo Call', 1, 0.45, 'Open'),
  st('Signed', 2, 0.9, 'Won'),
  st('Gone', 3, 0.4, 'Lost'),
];

test('outcome codes are 0, 1, 2 and each stage gets its own; Won weighs 1 and Lost 0 whatever probability they list', () => {
  expect([OPEN, WON, LOST]).toEqual([0, 1, 2]);
  const t = makeStageTable(STAGES);
  expect([...t.codes]).toEqual([0, 0, 1, 2]);
  expect([...t.weights]).toEqual([0.1, 0.45, 1, 0]);
  expect(t.stages).toBe(STAGES);
});

test('find ignores case, surrounding spaces and runs of inner spaces; unknown names are undefined, asked again too', () => {
  const t = makeStageTable(STAGES);
  for (const name of ['Demo Call', 'demo call', '  DEMO   CALL ', 'Demo\tCall'])
    expect([name, t.find(name)?.index]).toEqual([name, 1]);
  expect(t.find('Demo')).toBeUndefined();
  expect(t.find('Demo')).toBeUndefined();
  expect(t.find('')).toBeUndefined();
  // Asked twice, the same answer (the raw-text cache must not change it).
  expect(t.find(' lead ')).toBe(STAGES[0]);
  expect(t.find(' lead ')).toBe(STAGES[0]);
});

test('find keeps answering right past its cache size (10,000 distinct texts)', () => {
  const t = makeStageTable(STAGES);
  for (let i = 0; i < 10_050; i++) t.find(`unknown ${i}`);
  expect(t.find('SIGNED')?.name).toBe('Signed');
  expect(t.find(`unknown 10049`)).toBeUndefined();
});

test('foldStageName: trimmed, inner spaces collapsed, lower case', () => {
  expect(foldStageName('  Closed \t  Won ')).toBe('closed won');
  expect(foldStageName('')).toBe('');
});

test('outcomeFromName: "won" and "lost" as whole words, Won first; anything else is Open', () => {
  const cases: [string, string][] = [
    ['Closed Won', 'Won'],
    ['won', 'Won'],
    ['Deal WON', 'Won'],
    ['Closed-Won', 'Won'],
    ['Won/Lost', 'Won'],
    ['Closed Lost', 'Lost'],
    ['lost cause', 'Lost'],
    ['Wonderful', 'Open'],
    ['Lostwax', 'Open'],
    ['Proposal', 'Open'],
    ['', 'Open'],
  ];
  expect(cases.map(([n]) => [n, outcomeFromName(n)])).toEqual(cases);
});

test('stageNames lists the names in pipeline order for messages', () => {
  expect(stageNames(makeStageTable(STAGES))).toBe('Lead, Demo Call, Signed, Gone');
  expect(stageNames(makeStageTable([]))).toBe('');
});
