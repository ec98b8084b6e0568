/** src/core/stage-color-rules.ts: one rule per stage, planned among the user's own rules (kept, in order). */
import { DEFAULT_STAGE_ROWS, parseStageTable, SETTINGS_HEADERS } from '../../src/core/settings';
import { planStageRules, RuleFacts, signatureOf, stageRules } from '../../src/core/stage-color-rules';

const TAB = { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true };
const table = (rows = DEFAULT_STAGE_ROWS) => parseStageTable([SETTINGS_HEADERS.slice(), ...rows], TAB).table;
const TARGET = 'E2:E1000';

const userRule = (text: string, range = TARGET): RuleFacts => ({
  type: 'TEXT_EQUAL_TO',
  values: [text],
  background: '#ff0000',
  fontColor: null,
  ranges: [range],
});
/** The rules the add-on would have written for a table, as the sheet reports them back. */
const oursAsFacts = (rows = DEFAULT_STAGE_ROWS, range = TARGET): RuleFacts[] =>
  stageRules(table(rows)).map((r) => ({
    type: 'TEXT_EQUAL_TO',
    values: [r.stage],
    background: r.background.toUpperCase(),
    fontColor: r.text,
    ranges: [range],
  }));
const owned = (rows = DEFAULT_STAGE_ROWS) => new Set(stageRules(table(rows)).map(signatureOf));

describe('stage color rules', () => {
  test('one rule per stage in pipeline order, with the stage color and readable text', () => {
    const rules = stageRules(table());
    expect(rules.map((r) => r.stage)).toEqual(DEFAULT_STAGE_ROWS.map((r) => r[0]));
    expect(rules.map((r) => r.background)).toEqual(DEFAULT_STAGE_ROWS.map((r) => r[7]));
    expect(rules.every((r) => r.text === '#000000' || r.text === '#ffffff')).toBe(true);
  });

  test('first time: every existing rule is kept in order and ours go after them', () => {
    const existing = [userRule('Closed Won'), userRule('VIP', 'B2:B9')];
    const plan = planStageRules(existing, table(), TARGET, new Set());
    expect(plan.keep).toEqual([0, 1]);
    expect(plan.insertAt).toBe(2);
    expect(plan.unchanged).toBe(false);
  });

  test("a user's rule identical in text to ours but not recorded is the user's: kept", () => {
    const mine = oursAsFacts()[5] as RuleFacts; // Closed Won, our colors, but we never recorded writing it
    const plan = planStageRules([mine], table(), TARGET, new Set());
    expect(plan.keep).toEqual([0]);
  });

  test('ours already in place (colors compared without case): unchanged, nothing to write', () => {
    const existing = [userRule('Closed Won'), ...oursAsFacts(), userRule('x', 'A2:A9')];
    const plan = planStageRules(existing, table(), TARGET, owned());
    expect(plan.unchanged).toBe(true);
    expect(plan.keep).toEqual([0, 8]);
    expect(plan.insertAt).toBe(1);
  });

  test('a color change replaces only ours, in place between the user rules around them', () => {
    const changed = DEFAULT_STAGE_ROWS.map((r) => (r[0] === 'Proposal' ? [...r.slice(0, 7), '#123456'] : r));
    const existing = [userRule('Closed Won'), ...oursAsFacts(), userRule('x', 'A2:A9')];
    const plan = planStageRules(existing, table(changed), TARGET, owned());
    expect(plan.unchanged).toBe(false);
    expect(plan.keep).toEqual([0, 8]);
    expect(plan.insertAt).toBe(1);
    expect(plan.rules.find((r) => r.stage === 'Proposal')?.background).toBe('#123456');
    expect(plan.signatures).toEqual(plan.rules.map(signatureOf));
  });

  test('one of ours recolored by the user in Sheets is theirs now: kept; the rest of ours are replaced', () => {
    const ours = oursAsFacts();
    ours[3] = { ...(ours[3] as RuleFacts), background: '#00ff00' };
    const plan = planStageRules(ours, table(), TARGET, owned());
    expect(plan.keep).toEqual([3]);
    expect(plan.insertAt).toBe(0);
    expect(plan.unchanged).toBe(false);
  });

  test('the Stage column moved (another range): ours are rewritten on the new range', () => {
    const plan = planStageRules(oursAsFacts(DEFAULT_STAGE_ROWS, 'D2:D1000'), table(), TARGET, owned());
    expect(plan.keep).toEqual([]);
    expect(plan.unchanged).toBe(false);
  });

  test('a renamed stage: the old rule is ours (recorded) and goes; the new name gets a rule', () => {
    const renamed = DEFAULT_STAGE_ROWS.map((r) => (r[0] === 'Proposal' ? ['Quote', ...r.slice(1)] : r));
    const plan = planStageRules(oursAsFacts(), table(renamed), TARGET, owned());
    expect(plan.keep).toEqual([]);
    expect(plan.rules.map((r) => r.stage)).toContain('Quote');
    expect(plan.rules.map((r) => r.stage)).not.toContain('Proposal');
  });

  test('rules of other kinds, gradients and multi-range rules are never ours', () => {
    const sig = [...owned()][0] as string;
    const [stage] = sig.split('\u001f');
    const facts: RuleFacts[] = [
      { type: 'TEXT_CONTAINS', values: [stage], background: '#56b4e9', fontColor: '#000000', ranges: [TARGET] },
      { type: null, values: [], background: null, fontColor: null, ranges: [TARGET] },
      {
        type: 'TEXT_EQUAL_TO',
        values: [stage],
        background: '#56b4e9',
        fontColor: '#000000',
        ranges: [TARGET, 'F2:F9'],
      },
    ];
    expect(planStageRules(facts, table(), TARGET, owned()).keep).toEqual([0, 1, 2]);
  });
});
