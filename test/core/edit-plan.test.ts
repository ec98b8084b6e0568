/** src/core/edit-plan.ts: a typed edit as a plan, without Apps Script. */
import { clockAt } from '../../src/core/clock';
import { mapHeaders } from '../../src/core/columns';
import { hasDealContent, healthOf, planEdit, SETTINGS_UNCHECKED } from '../../src/core/edit-plan';
import { defaultStageTable } from '../../src/core/settings';

const HEADERS = ['Deal ID', 'Deal', 'Owner', 'Company', 'Stage', 'Value', 'Stage Entered', 'Health'];
const columns = mapHeaders(HEADERS);
const clock = clockAt(new Date(Date.UTC(2026, 10, 23, 15)), 'America/New_York');
const row = (id: string, deal: string, stage: string): unknown[] => [id, deal, 'Ann', 'Co', stage, 100, '', ''];
const edited = (rows: unknown[][], allIds: string[]) => ({
  tab: 'Deals',
  columns,
  rows: rows as never,
  firstRow: 2,
  allIds,
  idsFirstRow: 2,
});
const ctx = (over: Partial<Parameters<typeof planEdit>[1]> = {}): Parameters<typeof planEdit>[1] => ({
  stageTouched: true,
  table: defaultStageTable(),
  clock,
  changedBy: 'ann@x',
  previousStage: () => 'Lead Generation',
  counter: () => 1,
  fieldsTouched: [],
  previousField: () => ({ known: false, value: '' }),
  slipOf: () => undefined,
  ...over,
});

test('a changed stage: one history row, Stage Entered today, Health, keyed by its ID', () => {
  const { plan, logged } = planEdit(edited([row('D-0001', 'Acme', 'Initial Contact')], ['D-0001']), ctx());
  expect(logged).toBe(1);
  expect(plan.history.map((h) => [h.dealId, h.from, h.to, h.changedBy, h.via])).toEqual([
    ['D-0001', 'Lead Generation', 'Initial Contact', 'ann@x', 'edit'],
  ]);
  expect(plan.rows).toEqual([
    { key: { by: 'id', id: 'D-0001' }, row: 2, cells: { stageEntered: clock.todayDate, health: 'No next step' } },
  ]);
  expect(clock.todayDate.toISOString()).toBe('2026-11-23T05:00:00.000Z');
});

test('broken settings: still logged, with the note and Health saying requirements were not checked', () => {
  const { plan } = planEdit(edited([row('D-0001', 'Acme', 'Proposal')], ['D-0001']), ctx({ table: undefined }));
  expect(plan.history[0]?.note).toMatch(/not checked/);
  expect(plan.rows[0]?.cells.health).toBe(SETTINGS_UNCHECKED);
  expect(plan.rows[0]?.cells.stageEntered).toBe(clock.todayDate);
});

test('a shared ID: no history, no Stage Entered, Health names the other row, keyed by content', () => {
  const { plan, logged } = planEdit(edited([row('D-0001', 'Copy', 'Proposal')], ['D-0001', 'D-0001']), ctx());
  expect(logged).toBe(0);
  expect(plan.rows[0]?.key.by).toBe('content');
  expect(plan.rows[0]?.cells).toEqual({
    health: expect.stringMatching(/Deal ID "D-0001" is also on row 3.*not logged/),
  });
});

test('new deal rows get IDs past the counter; the change is queued by content (its ID is not written yet)', () => {
  const r = planEdit(
    edited([row('', 'New', 'Qualification')], ['D-0004']),
    ctx({ counter: () => 2, previousStage: () => '' }),
  );
  expect(r.plan.rows[0]?.cells.dealId).toBe('D-0005');
  expect(r.plan.history[0]?.dealId).toBe('D-0005');
  expect(r.nextId).toBe(6);
  expect(r.changes[0]).toMatchObject({ id: '', row: 2, to: 'Qualification' });
  expect(r.changes[0]?.fingerprint).not.toBe('');
});

test('without a counter (queued while busy) no IDs are handed out', () => {
  const r = planEdit(
    edited([row('', 'New', 'Qualification')], []),
    ctx({ counter: undefined, previousStage: () => '' }),
  );
  expect(r.plan.rows[0]?.cells.dealId).toBeUndefined();
  expect(r.nextId).toBeUndefined();
});

test('hasDealContent: any cell filled apart from the Deal ID and Health', () => {
  expect(hasDealContent(['D-1', '', '', '', '', '', '', 'Stale: 9 days'], columns)).toBe(false);
  expect(hasDealContent(['', '', '', '', '', 0, '', ''], columns)).toBe(true);
  expect(hasDealContent(['', ' ', '', '', '', '', '', ''], columns)).toBe(false);
});

test("healthOf: unchecked with broken settings, the data problem of an unreadable row, else the deal's health", () => {
  const raw = ['D-1', 'Acme', 'Ann', 'Co', 'Qualification', 'tbd', '', ''];
  expect(healthOf(raw, columns, undefined, clock, 'Deals', 2)).toBe(SETTINGS_UNCHECKED);
  expect(healthOf(raw, columns, defaultStageTable(), clock, 'Deals', 2)).toBe(
    'Data problem: Value "tbd" is not a number',
  );
  // Qualification, entered 15 days before 23 Nov (limit 14).
  expect(
    healthOf(
      ['D-1', 'Acme', 'Ann', 'Co', 'Qualification', 5, '2026-11-08', ''],
      columns,
      defaultStageTable(),
      clock,
      'Deals',
      2,
    ),
  ).toBe('Stale: 15 days in Qualification (limit 14); No next step');
  expect(
    healthOf(
      ['D-1', 'Acme', 'Ann', 'Co', 'Qualification', 5, '2026-11-09', ''],
      columns,
      defaultStageTable(),
      clock,
      'Deals',
      2,
    ),
  ).toBe('No next step');
});

test('a typed move past requirements is logged with what it skipped; an unknown stage is logged as such', () => {
  const skipped = planEdit(edited([row('D-0001', 'Acme', 'proposal')], ['D-0001']), ctx());
  expect(skipped.plan.history.map((h) => [h.from, h.to, h.note])).toEqual([
    [
      'Lead Generation',
      'Proposal',
      'Skipped requirements: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal)',
    ],
  ]);
  const unknown = planEdit(edited([row('D-0001', 'Acme', 'Pitch')], ['D-0001']), ctx());
  expect(unknown.plan.history.map((h) => [h.to, h.note])).toEqual([
    ['Pitch', '"Pitch" is not a stage in Pipeline Settings'],
  ]);
  expect(unknown.plan.rows[0]?.cells.health).toMatch(/^Data problem: Stage "Pitch" is not a known stage/);
});

test('no log when the stage is the same in other case or spacing, or the Stage column was not edited', () => {
  expect(planEdit(edited([row('D-0001', 'Acme', ' lead  generation ')], ['D-0001']), ctx()).logged).toBe(0);
  const notTouched = planEdit(edited([row('D-0001', 'Acme', 'Proposal')], ['D-0001']), ctx({ stageTouched: false }));
  expect([notTouched.logged, notTouched.healthRows, notTouched.plan.rows[0]?.cells]).toEqual([
    0,
    1,
    { health: 'No next step; Missing: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal)' },
  ]);
});

test('a row emptied of its deal gets its old Health cleared, and nothing else', () => {
  const r = planEdit(edited([['D-0001', '', '', '', '', '', '', 'Stale: 9 days']], ['D-0001']), ctx());
  expect([r.logged, r.healthRows, r.plan.rows]).toEqual([
    0,
    0,
    [{ key: { by: 'id', id: 'D-0001' }, row: 2, cells: { health: '' } }],
  ]);
  expect(planEdit(edited([['D-0001', '', '', '', '', '', '', '']], ['D-0001']), ctx()).plan.rows).toEqual([]);
});

describe('field changes (Expected Close, Value)', () => {
  const fields = (over: Partial<Parameters<typeof planEdit>[1]> = {}) =>
    ctx({
      stageTouched: false,
      fieldsTouched: ['Value'],
      previousField: () => ({ known: true, value: 50 }),
      ...over,
    });
  test('a changed Value: one history row with its Field, old and new amounts; an unchanged one: none', () => {
    const { plan } = planEdit(edited([row('D-0001', 'Acme', 'Proposal')], ['D-0001']), fields());
    expect(plan.history.map((h) => [h.dealId, h.field, h.from, h.to, h.via])).toEqual([
      ['D-0001', 'Value', 50, 100, 'edit'],
    ]);
    const same = planEdit(
      edited([row('D-0001', 'Acme', 'Proposal')], ['D-0001']),
      fields({ previousField: () => ({ known: true, value: '100' }) }),
    );
    expect(same.plan.history).toEqual([]);
  });

  test('a shared Deal ID, a row without an ID, and a deal created by the same edit log no field change', () => {
    const shared = planEdit(
      edited([row('D-0001', 'Acme', 'Proposal'), row('D-0001', 'Copy', 'Proposal')], ['D-0001', 'D-0001']),
      fields(),
    );
    expect(shared.plan.history).toEqual([]);
    const noId = planEdit(edited([row('', 'Acme', 'Proposal')], ['']), fields());
    expect(noId.plan.history).toEqual([]);
    const created = planEdit(
      edited([row('', 'New', 'Proposal')], ['']),
      fields({ stageTouched: true, previousStage: () => '' }),
    );
    expect(created.plan.history.map((h) => h.field ?? 'stage')).toEqual(['stage']);
  });
});
