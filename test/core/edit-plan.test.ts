/** src/core/edit-plan.ts: a typed edit as a plan, without Apps Script. */
import { clockAt } from '../../src/core/clock';
import { mapHeaders } from '../../src/core/columns';
import { planEdit, SETTINGS_UNCHECKED } from '../../src/core/edit-plan';
import { defaultStageTable } from '../../src/core/settings';

const HEADERS = ['Deal ID', 'Deal', 'Owner', 'Company', 'Stage', 'Value', 'Stage Entered', 'Health'];
const columns = mapHeaders(HEADERS);
const clock = clockAt(new Date(Date.UTC(2026, 10, 23, 15)), 'America/New_York');
const row = (id: string, deal: string, stage: string): unknown[] => [id, deal, 'Ann', 'Co', stage, 100, '', ''];
const edited = (rows: unknown[][], allIds: string[]) => ({ tab: 'Deals', columns, rows: rows as never, firstRow: 2, allIds, idsFirstRow: 2 });
const ctx = (over: Partial<Parameters<typeof planEdit>[1]> = {}): Parameters<typeof planEdit>[1] => ({
  stageTouched: true, table: defaultStageTable(), clock, changedBy: 'ann@x', previousStage: () => 'Lead Generation', counter: () => 1, ...over,
});

test('a changed stage: one history row, Stage Entered today, Health, keyed by its ID', () => {
  const { plan, logged } = planEdit(edited([row('D-0001', 'Acme', 'Initial Contact')], ['D-0001']), ctx());
  expect(logged).toBe(1);
  expect(plan.history.map((h) => [h.dealId, h.from, h.to, h.changedBy, h.via])).toEqual([['D-0001', 'Lead Generation', 'Initial Contact', 'ann@x', 'edit']]);
  expect(plan.rows).toEqual([{ key: { by: 'id', id: 'D-0001' }, row: 2, cells: { stageEntered: clock.todayDate, health: '' } }]);
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
  expect(plan.rows[0]?.cells).toEqual({ health: expect.stringMatching(/Deal ID "D-0001" is also on row 3.*not logged/) });
});

test('new deal rows get IDs past the counter; the change is queued by content (its ID is not written yet)', () => {
  const r = planEdit(edited([row('', 'New', 'Qualification')], ['D-0004']), ctx({ counter: () => 2, previousStage: () => '' }));
  expect(r.plan.rows[0]?.cells.dealId).toBe('D-0005');
  expect(r.plan.history[0]?.dealId).toBe('D-0005');
  expect(r.nextId).toBe(6);
  expect(r.changes[0]).toMatchObject({ id: '', row: 2, to: 'Qualification' });
  expect(r.changes[0]?.fingerprint).not.toBe('');
});

test('without a counter (queued while busy) no IDs are handed out', () => {
  const r = planEdit(edited([row('', 'New', 'Qualification')], []), ctx({ counter: undefined, previousStage: () => '' }));
  expect(r.plan.rows[0]?.cells.dealId).toBeUndefined();
  expect(r.nextId).toBeUndefined();
});
