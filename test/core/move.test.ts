/** src/core/move.ts: a sidebar move checked against the deal as it is now, its history note and its writes. */
import { dealCells, findStage } from '../../fixtures/deal-records';
import { historyNote, moveWrites, planMove } from '../../src/core/move';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();
const cells = dealCells;
const req = {
  dealId: 'D-1',
  row: 2,
  expectedStage: 'Qualification',
  toStage: 'Proposal',
  note: '',
  override: false,
  lostReason: '',
};
const KNOWN = 'Lead Generation, Initial Contact, Qualification, Proposal, Negotiation, Closed Won, Closed Lost';
const BANT = { budget: true, authority: true, need: true, timeline: true };

describe('planMove', () => {
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

  test('the messages name the stages: blocked, unknown, already there, changed from blank, blank reason', () => {
    expect(planMove(table, 'Qualification', cells({ budget: true }), req)).toEqual({
      ok: false,
      reason: 'Moving to Proposal needs: Authority (Proposal), Need (Proposal), Timeline (Proposal).',
      missing: ['Authority (Proposal)', 'Need (Proposal)', 'Timeline (Proposal)'],
    });
    expect(planMove(table, 'Qualification', cells({}), { ...req, toStage: 'Pitch' })).toEqual({
      ok: false,
      reason: `"Pitch" is not a stage (known: ${KNOWN}).`,
      missing: [],
    });
    expect(planMove(table, 'Qualification', cells({}), { ...req, toStage: 'qualification' })).toEqual({
      ok: false,
      reason: 'The deal is already in Qualification.',
      missing: [],
    });
    expect(planMove(table, '', cells({}), req)).toEqual({
      ok: false,
      reason:
        'This deal\'s stage changed to "(blank)" since the sidebar read it (it showed "Qualification"). Refresh and try again.',
      missing: [],
    });
    expect(planMove(table, 'Qualification', cells({}), { ...req, toStage: 'Closed Lost', lostReason: '   ' })).toEqual({
      ok: false,
      reason: 'Moving to Closed Lost needs a lost reason.',
      missing: [],
    });
    expect(planMove(table, 'Qualification', cells({}), { ...req, override: true, note: '  ' })).toMatchObject({
      ok: false,
      reason: 'An override needs a written note saying why the requirements are skipped.',
    });
  });

  test('the stage the sidebar showed is compared without case or extra spaces', () => {
    const p = planMove(table, '  qualification ', cells(BANT), req);
    expect(p.ok).toBe(true);
    expect(p.ok && [p.from?.name, p.to.name, p.overridden, p.lostReason]).toEqual([
      'Qualification',
      'Proposal',
      false,
      undefined,
    ]);
  });

  test('a deal with no stage yet moves from nowhere: every open stage up to the target is gated', () => {
    const p = planMove(table, '', cells({ owner: 'Ann', company: 'Acme' }), {
      ...req,
      expectedStage: '',
      toStage: 'Qualification',
    });
    expect(!p.ok && p.missing).toEqual(['Value > 0 (Qualification)']);
    const ok = planMove(table, '', cells({ owner: 'Ann', company: 'Acme', value: 1 }), {
      ...req,
      expectedStage: '',
      toStage: 'Qualification',
    });
    expect(ok.ok && ok.from).toBeUndefined();
  });

  test('a lost reason typed in the sidebar meets the Lost requirement and is trimmed; one already in the cell is enough', () => {
    const typed = planMove(table, 'Qualification', cells({}), {
      ...req,
      toStage: 'Closed Lost',
      lostReason: '  Budget cut ',
    });
    expect(typed.ok && [typed.lostReason, typed.overridden, typed.check.allMet]).toEqual(['Budget cut', false, true]);
    const inCell = planMove(table, 'Qualification', cells({ lostReason: 'price' }), { ...req, toStage: 'Closed Lost' });
    expect(inCell.ok && [inCell.lostReason, inCell.overridden]).toEqual([undefined, false]);
  });

  test('a met move ticked as override is not an override; the note is trimmed', () => {
    const p = planMove(table, 'Qualification', cells(BANT), { ...req, override: true, note: '  fine  ' });
    expect(p.ok && [p.overridden, p.note]).toEqual([false, 'fine']);
  });
});

describe('historyNote', () => {
  test('override, lost reason and note, in that order, joined by ". "', () => {
    const p = planMove(table, 'Proposal', cells({}), {
      ...req,
      expectedStage: 'Proposal',
      toStage: 'Closed Won',
      override: true,
      note: 'CFO signed',
    });
    if (!p.ok) throw new Error(p.reason);
    expect(historyNote(p)).toBe(
      'OVERRIDE (missing: Expected Close (Negotiation), Value > 0 (Closed Won), Expected Close (Closed Won)). CFO signed',
    );
    const lost = planMove(table, 'Proposal', cells({}), {
      ...req,
      expectedStage: 'Proposal',
      toStage: 'Closed Lost',
      lostReason: 'price',
      note: 'went elsewhere',
    });
    if (!lost.ok) throw new Error(lost.reason);
    expect(historyNote(lost)).toBe('Lost reason: price. went elsewhere');
    const plain = planMove(table, 'Proposal', cells({}), {
      ...req,
      expectedStage: 'Proposal',
      toStage: 'Qualification',
    });
    if (!plain.ok) throw new Error(plain.reason);
    expect(historyNote(plain)).toBe('');
  });
});

describe('moveWrites', () => {
  const today = new Date(Date.UTC(2026, 10, 23, 5));
  const now = new Date(Date.UTC(2026, 10, 23, 15, 30));

  test('Stage, Stage Entered and Last Activity today, the lost reason, the Stage it replaces, and one sidebar history row', () => {
    const p = planMove(table, 'Proposal', cells({}), {
      ...req,
      expectedStage: 'Proposal',
      toStage: 'Closed Lost',
      lostReason: 'price',
    });
    if (!p.ok) throw new Error(p.reason);
    const w = moveWrites(p, { id: 'D-0007', name: 'Acme', stageText: 'proposal' }, today, now, 'ann@example.com');
    expect(w.cells).toEqual({ stage: 'Closed Lost', stageEntered: today, lastActivity: today, lostReason: 'price' });
    expect(w.was).toEqual({ stage: 'proposal' });
    expect(w.history).toEqual({
      at: now,
      dealId: 'D-0007',
      deal: 'Acme',
      from: 'Proposal',
      to: 'Closed Lost',
      changedBy: 'ann@example.com',
      via: 'sidebar',
      note: 'Lost reason: price',
    });
  });

  test('from no stage the history row says From blank; no lost reason, no Lost Reason cell', () => {
    const p = planMove(table, '', cells({}), { ...req, expectedStage: '', toStage: 'Lead Generation' });
    if (!p.ok) throw new Error(p.reason);
    const w = moveWrites(p, { id: 'D-1', name: 'New', stageText: '' }, today, now, 'x');
    expect(w.cells).toEqual({ stage: 'Lead Generation', stageEntered: today, lastActivity: today });
    expect(w.history.from).toBe('');
    expect(findStage(table, String(w.history.to)).index).toBe(0);
  });
});
