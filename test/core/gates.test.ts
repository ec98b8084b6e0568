/**
 * src/core/gates.ts: which stages' entry requirements a move needs (DOMAIN.md "Forward moves are
 * gated"), checked against a restatement of the rule over the fixture stage table.
 */
import { dealCells, defaultTableStage } from '../../fixtures/deal-records';
import { DEFAULT_STAGES } from '../../fixtures/stages';
import { checkMove, stagesToPass, unmetForCurrentStage } from '../../src/core/gates';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();
const stage = defaultTableStage;
const cells = dealCells;

/** The rule as DOMAIN.md words it, over the fixture table: the stage names a move from `from` (undefined: a new deal) to `to` needs. */
function gatedStages(from: number | undefined, to: number): { kind: string; names: string[] } {
  const S = DEFAULT_STAGES;
  const target = S[to]!;
  if (from === to) return { kind: 'same', names: [] };
  // Losing needs only the Lost stage's own requirements, from anywhere.
  if (target.outcome === 'Lost') return { kind: 'lose', names: [target.name] };
  // Re-opening a closed deal is free; moving it to Won still needs Won's own.
  if (from !== undefined && S[from]!.outcome !== 'Open')
    return { kind: 'reopen', names: target.outcome === 'Won' ? [target.name] : [] };
  const start = from ?? -1;
  const names: string[] = [];
  if (target.outcome === 'Won') {
    for (let k = start + 1; k < S.length; k++) if (S[k]!.outcome === 'Open') names.push(S[k]!.name);
    names.push(target.name);
    return { kind: 'win', names };
  }
  if (to < start) return { kind: 'backward', names: [] };
  for (let k = start + 1; k <= to; k++) names.push(S[k]!.name);
  return { kind: 'forward', names };
}

/** "Budget (Proposal)" for every requirement of the named stages, as typed in the fixture. */
const labels = (names: string[]): string[] =>
  names.flatMap((n) =>
    DEFAULT_STAGES.find((s) => s.name === n)!
      .requirements.split(',')
      .map((r) => r.trim())
      .filter((r) => r !== '')
      .map((r) => `${r} (${n})`),
  );

const FROM = [undefined, ...DEFAULT_STAGES.map((_, i) => i)];
const PAIRS = FROM.flatMap((from) => DEFAULT_STAGES.map((_, to) => [from, to] as const));

describe('stagesToPass', () => {
  test('a forward move needs the requirements of every stage passed through', () => {
    const { kind, stages } = stagesToPass(table, stage('Initial Contact'), stage('Proposal'));
    expect(kind).toBe('forward');
    expect(stages.map((s) => s.name)).toEqual(['Qualification', 'Proposal']);
  });

  test('winning needs every later open stage and Won itself; losing needs only Lost', () => {
    expect(stagesToPass(table, stage('Proposal'), stage('Closed Won')).stages.map((s) => s.name)).toEqual([
      'Negotiation',
      'Closed Won',
    ]);
    expect(stagesToPass(table, stage('Qualification'), stage('Closed Lost')).stages.map((s) => s.name)).toEqual([
      'Closed Lost',
    ]);
  });

  test('a new deal (no stage yet) typed into Proposal passes every open stage up to it', () => {
    expect(stagesToPass(table, undefined, stage('Proposal'))).toMatchObject({ kind: 'forward' });
    expect(stagesToPass(table, undefined, stage('Proposal')).stages.map((s) => s.name)).toEqual([
      'Lead Generation',
      'Initial Contact',
      'Qualification',
      'Proposal',
    ]);
  });

  test('edge cases: same stage, one step, Won from the last open stage, Lost from Won, Won from Lost', () => {
    expect(stagesToPass(table, stage('Proposal'), stage('Proposal'))).toEqual({ kind: 'same', stages: [] });
    expect(stagesToPass(table, stage('Lead Generation'), stage('Initial Contact')).stages.map((s) => s.name)).toEqual([
      'Initial Contact',
    ]);
    expect(stagesToPass(table, stage('Negotiation'), stage('Closed Won')).stages.map((s) => s.name)).toEqual([
      'Closed Won',
    ]);
    expect(stagesToPass(table, stage('Closed Won'), stage('Closed Lost'))).toMatchObject({ kind: 'lose' });
    expect(stagesToPass(table, stage('Closed Lost'), stage('Closed Won')).stages.map((s) => s.name)).toEqual([
      'Closed Won',
    ]);
    expect(stagesToPass(table, stage('Closed Lost'), stage('Closed Won')).kind).toBe('reopen');
  });

  test('every (from, to) pair of the default table, a new deal included: the kind and stages DOMAIN.md gives', () => {
    const wrong = PAIRS.filter(([from, to]) => {
      const got = stagesToPass(table, from === undefined ? undefined : table.stages[from], table.stages[to]!);
      const want = gatedStages(from, to);
      return got.kind !== want.kind || got.stages.map((s) => s.name).join('|') !== want.names.join('|');
    });
    expect(wrong).toEqual([]);
    expect(PAIRS).toHaveLength(8 * 7);
  });
});

describe('checkMove', () => {
  test('backward moves and re-opening are free', () => {
    expect(checkMove(table, stage('Negotiation'), stage('Qualification'), cells({})).allMet).toBe(true);
    expect(checkMove(table, stage('Closed Lost'), stage('Proposal'), cells({})).kind).toBe('reopen');
    expect(checkMove(table, stage('Closed Lost'), stage('Proposal'), cells({})).allMet).toBe(true);
  });

  test('checkboxes must be TRUE, other columns non-blank, numbers compared', () => {
    const c = checkMove(
      table,
      stage('Initial Contact'),
      stage('Proposal'),
      cells({ value: '$5,000', budget: true, authority: 'FALSE', need: true, timeline: true }),
    );
    expect(c.missing).toEqual(['Authority (Proposal)']);
    expect(checkMove(table, stage('Initial Contact'), stage('Qualification'), cells({ value: 0 })).missing).toEqual([
      'Value > 0 (Qualification)',
    ]);
  });

  test('items list every requirement of every stage passed, in order, each with whether it is met', () => {
    const c = checkMove(table, stage('Lead Generation'), stage('Qualification'), cells({ owner: 'Ann', value: 10 }));
    expect(c.items.map((i) => [i.stage, i.requirement.label, i.met])).toEqual([
      ['Initial Contact', 'Owner', true],
      ['Initial Contact', 'Company', false],
      ['Qualification', 'Value > 0', true],
    ]);
    expect(c).toMatchObject({ kind: 'forward', allMet: false, missing: ['Company (Initial Contact)'] });
  });

  test('every pair with every cell blank: each requirement of the gated stages is missing, in order', () => {
    for (const [from, to] of PAIRS) {
      const got = checkMove(table, from === undefined ? undefined : table.stages[from], table.stages[to]!, cells({}));
      const expected = labels(gatedStages(from, to).names);
      expect([from, to, got.missing, got.allMet]).toEqual([from, to, expected, expected.length === 0]);
    }
  });

  test('with every requirement met, every move is allowed', () => {
    const full = cells({
      owner: 'Ann',
      company: 'Acme',
      value: 100,
      budget: true,
      authority: true,
      need: true,
      timeline: true,
      expectedClose: '2026-12-01',
      lostReason: 'price',
    });
    const blocked = PAIRS.filter(
      ([from, to]) =>
        !checkMove(table, from === undefined ? undefined : table.stages[from], table.stages[to]!, full).allMet,
    );
    expect(blocked).toEqual([]);
  });
});

describe('unmetForCurrentStage', () => {
  test('a deal typed straight into a stage owes every requirement on the way there', () => {
    expect(unmetForCurrentStage(table, stage('Proposal'), cells({ owner: 'Ann', budget: true }))).toEqual([
      'Company (Initial Contact)',
      'Value > 0 (Qualification)',
      'Authority (Proposal)',
      'Need (Proposal)',
      'Timeline (Proposal)',
    ]);
    expect(unmetForCurrentStage(table, stage('Lead Generation'), cells({}))).toEqual([]);
    // A lost deal owes only its lost reason; a won deal owes everything open plus Won's own.
    expect(unmetForCurrentStage(table, stage('Closed Lost'), cells({}))).toEqual(['Lost Reason (Closed Lost)']);
    expect(unmetForCurrentStage(table, stage('Closed Won'), cells({}))).toEqual(
      labels(gatedStages(undefined, 5).names),
    );
  });
});
