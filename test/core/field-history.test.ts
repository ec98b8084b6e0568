/** src/core/field-history.ts and field-edits.ts: field changes in Stage History, slips, and what a typed change logs. */
import { zoneDayReader } from '../../src/core/calendar';
import { clockAt } from '../../src/core/clock';
import { fieldChangeOf, fromQueueText, lastFieldById } from '../../src/core/field-edits';
import { parseFieldChanges, slipsById, slipText, UNKNOWN_BEFORE } from '../../src/core/field-history';
import { parseHistory } from '../../src/core/history';
import { CellGrid } from '../../src/core/values';

const zone = 'Asia/Tokyo';
const readZone = zoneDayReader(zone);
const clock = clockAt(new Date(Date.UTC(2026, 10, 23, 3)), zone);
const day = (iso: string): Date => new Date(`${iso}T00:00:00+09:00`);
const t = (iso: string): Date => new Date(iso);

const rows: CellGrid = [
  [t('2026-01-02T10:00:00Z'), 'D-1', 'A', 'Lead Generation', 'Proposal', 'x', 'edit', '', ''],
  [t('2026-01-03T10:00:00Z'), 'D-1', 'A', day('2026-03-01'), day('2026-03-11'), 'x', 'edit', '', 'Expected Close'],
  [t('2026-01-04T10:00:00Z'), 'D-1', 'A', day('2026-03-11'), day('2026-04-20'), 'x', 'sidebar', '', 'Expected Close'],
  [t('2026-01-05T10:00:00Z'), 'D-1', 'A', day('2026-04-20'), day('2026-04-10'), 'x', 'edit', '', 'Expected Close'],
  [t('2026-01-05T11:00:00Z'), 'D-1', 'A', 100, 250, 'x', 'edit', '', 'Value'],
  [t('2026-01-06T10:00:00Z'), 'D-2', 'B', '', day('2026-05-01'), 'x', 'edit', UNKNOWN_BEFORE, 'Expected Close'],
  [t('2026-01-07T10:00:00Z'), 'D-2', 'B', 'Proposal', 'Negotiation', 'x', 'edit', '', 'Stage'],
];

test('parseHistory returns stage moves only (blank Field or "Stage"); parseFieldChanges the rest', () => {
  expect(parseHistory(rows).map((e) => [e.dealId, e.from, e.to])).toEqual([
    ['D-1', 'Lead Generation', 'Proposal'],
    ['D-2', 'Proposal', 'Negotiation'],
  ]);
  const f = parseFieldChanges(rows, readZone);
  expect(f.map((c) => [c.dealId, c.field, c.fromKnown])).toEqual([
    ['D-1', 'Expected Close', true],
    ['D-1', 'Expected Close', true],
    ['D-1', 'Expected Close', true],
    ['D-1', 'Value', true],
    ['D-2', 'Expected Close', false],
  ]);
  expect(f[3]).toMatchObject({ from: 100, to: 250 });
});

test('slips: pushes later only (10 + 40 days, the pull-in does not count), unknown old values never', () => {
  const slips = slipsById(parseFieldChanges(rows, readZone));
  expect(slips.get('D-1')).toEqual({ pushes: 2, days: 50 });
  expect(slips.has('D-2')).toBe(false);
  expect(slipText(slips.get('D-1'))).toBe('Close date pushed 2 times (+50 days)');
  expect(slipText({ pushes: 1, days: 29 })).toBe('');
  expect(slipText({ pushes: 1, days: 30 })).toBe('Close date pushed once (+30 days)');
  expect(slipText(undefined)).toBe('');
});

test('a typed change: dates compared as days, amounts as numbers, text as text; queued as JSON-safe text', () => {
  expect(
    fieldChangeOf('Expected Close', { known: true, value: day('2026-03-01') }, '2026-03-01', clock),
  ).toBeUndefined();
  const c = fieldChangeOf('Expected Close', { known: true, value: '3/1/2026' }, day('2026-03-15'), clock)!;
  expect((c.from as Date).toISOString()).toBe('2026-02-28T15:00:00.000Z');
  expect(c).toMatchObject({ pushDays: 14, note: '', queued: { from: '2026-03-01', to: '2026-03-15' } });
  expect((fromQueueText('Expected Close', '2026-03-15', zone) as Date).toISOString()).toBe('2026-03-14T15:00:00.000Z');
  expect(fieldChangeOf('Value', { known: true, value: '$1,000' }, 1000, clock)).toBeUndefined();
  expect(fieldChangeOf('Value', { known: true, value: 1000 }, '=HYPERLINK("x")', clock)).toMatchObject({
    from: 1000,
    to: '=HYPERLINK("x")',
  });
  expect(fieldChangeOf('Value', { known: false, value: '' }, 5, clock)).toMatchObject({
    from: '',
    to: 5,
    note: UNKNOWN_BEFORE,
  });
  expect(fromQueueText('Value', '12.5', zone)).toBe(12.5);
});

test("a paste's old value: the To of the latest field change by Timestamp, wherever it sits", () => {
  const last = lastFieldById([...rows].reverse());
  expect((last.get('Expected Close\u0001D-1') as Date).toISOString()).toBe(day('2026-04-10').toISOString());
  expect(last.get('Value\u0001D-1')).toBe(250);
  expect(last.has('Value\u0001D-2')).toBe(false);
});
