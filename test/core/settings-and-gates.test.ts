import { parseStageTable, defaultStageTable, DEFAULT_STAGE_ROWS, SETTINGS_HEADERS } from '../../src/core/settings';
import { checkMove, stagesToPass } from '../../src/core/gates';
import { planMove } from '../../src/core/move';
import type { ColumnKey } from '../../src/core/columns';
import type { CellValue } from '../../src/core/values';

const table = defaultStageTable();
const stage = (name: string) => table.find(name) as NonNullable<ReturnType<typeof table.find>>;
const cells = (v: Partial<Record<ColumnKey, CellValue>>) => (k: ColumnKey) => v[k] ?? '';

describe('settings', () => {
  test('the default stages parse without problems', () => {
    const p = parseStageTable([SETTINGS_HEADERS.slice(), ...DEFAULT_STAGE_ROWS], { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true });
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.outcome)).toEqual(['Open', 'Open', 'Open', 'Open', 'Open', 'Won', 'Lost']);
    expect(p.table.find(' proposal ')?.requirements.map((r) => r.label)).toEqual(['Budget', 'Authority', 'Need', 'Timeline']);
  });

  test('every problem names its cell', () => {
    const rows = [SETTINGS_HEADERS.slice(), ['Lead', 150, 'Open', 14, ''], ['Lead', 0.2, 'Open', '', ''], ['', 0.3, 'Open', '', ''], ['Demo', 0.4, 'Maybe', 'soon', 'Budgett'], ['Done', 1, 'Won', '', '']];
    const p = parseStageTable(rows, { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: true });
    const byCell = Object.fromEntries(p.problems.map((x) => [x.cell, x.message]));
    expect(byCell["'Pipeline Settings'!B2"]).toMatch(/win probability of "Lead" is 150/);
    expect(byCell["'Pipeline Settings'!A3"]).toMatch(/listed twice/);
    expect(byCell["'Pipeline Settings'!A4"]).toMatch(/blank/);
    expect(byCell["'Pipeline Settings'!C5"]).toMatch(/use Open, Won or Lost/);
    expect(byCell["'Pipeline Settings'!D5"]).toMatch(/whole number of days/);
    expect(byCell["'Pipeline Settings'!E5"]).toMatch(/unknown column "Budgett"/);
    expect(byCell['Pipeline Settings']).toMatch(/no stage has the outcome Lost/);
  });

  test('a function stage table without an Outcome column takes outcomes from the names', () => {
    const p = parseStageTable([['Prospecting', 0.1], ['Engaging', '50%'], ['Won', 1], ['Lost', 0]], { name: 'stage_table', requireClosedStages: false });
    expect(p.problems).toEqual([]);
    expect(p.table.stages.map((s) => s.outcome)).toEqual(['Open', 'Open', 'Won', 'Lost']);
  });
});

describe('gates', () => {
  test('a forward move needs the requirements of every stage passed through', () => {
    const { kind, stages } = stagesToPass(table, stage('Initial Contact'), stage('Proposal'));
    expect(kind).toBe('forward');
    expect(stages.map((s) => s.name)).toEqual(['Qualification', 'Proposal']);
  });

  test('winning needs every later open stage and Won itself; losing needs only Lost', () => {
    expect(stagesToPass(table, stage('Proposal'), stage('Closed Won')).stages.map((s) => s.name)).toEqual(['Negotiation', 'Closed Won']);
    expect(stagesToPass(table, stage('Qualification'), stage('Closed Lost')).stages.map((s) => s.name)).toEqual(['Closed Lost']);
  });

  test('backward moves and re-opening are free', () => {
    expect(checkMove(table, stage('Negotiation'), stage('Qualification'), cells({})).allMet).toBe(true);
    expect(checkMove(table, stage('Closed Lost'), stage('Proposal'), cells({})).kind).toBe('reopen');
    expect(checkMove(table, stage('Closed Lost'), stage('Proposal'), cells({})).allMet).toBe(true);
  });

  test('checkboxes must be TRUE, other columns non-blank, numbers compared', () => {
    const c = checkMove(table, stage('Initial Contact'), stage('Proposal'), cells({ value: '$5,000', budget: true, authority: 'FALSE', need: true, timeline: true }));
    expect(c.missing).toEqual(['Authority (Proposal)']);
    expect(checkMove(table, stage('Initial Contact'), stage('Qualification'), cells({ value: 0 })).missing).toEqual(['Value > 0 (Qualification)']);
  });
});

describe('moves', () => {
  const req = { dealId: 'D-1', row: 2, expectedStage: 'Qualification', toStage: 'Proposal', note: '', override: false, lostReason: '' };
  test('an unmet move is blocked with its reasons; an override needs a note', () => {
    const blocked = planMove(table, 'Qualification', cells({}), req);
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.missing).toHaveLength(4);
    expect(planMove(table, 'Qualification', cells({}), { ...req, override: true }).ok).toBe(false);
    const ok = planMove(table, 'Qualification', cells({}), { ...req, override: true, note: 'CFO said yes' });
    expect(ok.ok && ok.overridden).toBe(true);
  });

  test('a stage that changed since the sidebar read it is refused', () => {
    const p = planMove(table, 'Negotiation', cells({}), req);
    expect(!p.ok && p.reason).toMatch(/changed to "Negotiation"/);
  });

  test('moving to Lost asks for a reason', () => {
    expect(planMove(table, 'Qualification', cells({}), { ...req, toStage: 'Closed Lost' }).ok).toBe(false);
    const p = planMove(table, 'Qualification', cells({}), { ...req, toStage: 'Closed Lost', lostReason: 'Budget cut' });
    expect(p.ok && p.lostReason).toBe('Budget cut');
  });
});
