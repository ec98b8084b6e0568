/** src/core/queued-edits.ts: logging typed changes that waited for the lock. */
import { clockAt } from '../../src/core/clock';
import { mapHeaders } from '../../src/core/columns';
import { LATE_NOTE, planQueuedEdits, QueuedEdit } from '../../src/core/queued-edits';
import { defaultStageTable } from '../../src/core/settings';
import { rowFingerprint } from '../../src/core/write-plan';

const columns = mapHeaders(['Deal ID', 'Deal', 'Owner', 'Company', 'Stage', 'Value', 'Stage Entered', 'Health']);
const clock = clockAt(new Date(Date.UTC(2026, 10, 23, 15)), 'America/New_York');
const dayOf = (ms: number) => new Date(Math.floor(ms / 86_400_000) * 86_400_000);
const ctx = { table: defaultStageTable(), clock, counter: 9, dayOf };
const change = (id: string, deal: string, from: string, to: string, fingerprint = '') => ({
  id,
  fingerprint,
  row: 2,
  deal,
  from,
  to,
  note: '',
});

test('oldest first, each with its own time and user; Stage Entered only where the deal still sits in that stage', () => {
  const rows = [
    ['D-1', 'Acme', 'Ann', 'Co', 'Qualification', 1, '', ''],
    ['D-2', 'Beta', 'Bob', 'Co', 'Initial Contact', 1, '', ''],
  ];
  const edits: QueuedEdit[] = [
    { at: Date.UTC(2026, 10, 20, 12), by: 'bob', changes: [change('D-2', 'Beta', 'Lead Generation', 'Negotiation')] },
    { at: Date.UTC(2026, 10, 19, 12), by: 'ann', changes: [change('D-1', 'Acme', 'Lead Generation', 'Qualification')] },
  ];
  const { plan } = planQueuedEdits(edits, { tab: 'Deals', columns, rows, firstRow: 2 }, ctx);
  expect(plan.history.map((h) => [h.dealId, h.to, h.changedBy, h.at.getTime()])).toEqual([
    ['D-1', 'Qualification', 'ann', Date.UTC(2026, 10, 19, 12)],
    ['D-2', 'Negotiation', 'bob', Date.UTC(2026, 10, 20, 12)],
  ]);
  expect(plan.history.every((h) => h.note.includes(LATE_NOTE))).toBe(true);
  const acme = plan.rows.find((r) => r.row === 2);
  const beta = plan.rows.find((r) => r.row === 3);
  expect(acme?.cells.stageEntered).toEqual(dayOf(Date.UTC(2026, 10, 19, 12)));
  expect(beta?.cells.stageEntered).toBeUndefined(); // Beta was moved on since (Initial Contact now)
});

test('a deleted deal is still logged; a row that had no ID gets one, found by its content', () => {
  const raw = ['', 'New', 'Ann', 'Co', 'Proposal', 1, '', ''];
  const edits: QueuedEdit[] = [
    {
      at: 1,
      by: 'x',
      changes: [
        change('D-7', 'Gone', 'A', 'B'),
        change('', 'New', '', 'Proposal', rowFingerprint(raw, columns.health)),
      ],
    },
  ];
  const { plan, nextId } = planQueuedEdits(
    edits,
    { tab: 'Deals', columns, rows: [['Z-1', 'Other', '', '', 'Proposal', 1, '', ''], raw], firstRow: 2 },
    ctx,
  );
  expect(plan.history.map((h) => [h.dealId, h.deal])).toEqual([
    ['D-7', 'Gone'],
    ['D-0009', 'New'],
  ]);
  expect(plan.rows).toEqual([
    expect.objectContaining({
      row: 3,
      key: { by: 'content', fingerprint: rowFingerprint(raw, columns.health) },
      cells: expect.objectContaining({ dealId: 'D-0009' }),
    }),
  ]);
  expect(nextId).toBe(10);
});

test('a shared Deal ID or two identical ID-less rows are not acted on: the change is logged, no cell is written', () => {
  const shared = [
    ['D-1', 'Acme', 'Ann', 'Co', 'Proposal', 1, '', ''],
    ['D-1', 'Copy', 'Ann', 'Co', 'Proposal', 1, '', ''],
  ];
  const a = planQueuedEdits(
    [
      {
        at: 5,
        by: 'ann',
        changes: [
          { ...change('D-1', 'Acme', 'Qualification', 'Proposal'), note: 'Skipped requirements: Budget (Proposal)' },
        ],
      },
    ],
    { tab: 'Deals', columns, rows: shared, firstRow: 2 },
    ctx,
  );
  expect(a.plan.rows).toEqual([]);
  expect(a.plan.history.map((h) => [h.dealId, h.note])).toEqual([
    ['D-1', `Skipped requirements: Budget (Proposal); ${LATE_NOTE}`],
  ]);
  const twin = ['', 'New', 'Ann', 'Co', 'Proposal', 1, '', ''];
  const b = planQueuedEdits(
    [{ at: 5, by: 'ann', changes: [change('', 'New', '', 'Proposal', rowFingerprint(twin, columns.health))] }],
    { tab: 'Deals', columns, rows: [twin, twin.slice()], firstRow: 2 },
    ctx,
  );
  expect([b.plan.rows, b.nextId]).toEqual([[], undefined]);
  expect(b.plan.history.map((h) => [h.dealId, h.note])).toEqual([
    ['', 'row 2, deal not found again; logged late: another run held the sheet'],
  ]);
  expect(LATE_NOTE).toBe('logged late: another run held the sheet');
});
