/** src/core/snapshots.ts: one snapshot row per stage per day, and the open-pipeline trend read back from them. */
import { dayNumber } from '../../fixtures/calendar-days';
import { dealSetOf } from '../../fixtures/deal-sets';
import { DEFAULT_STAGES } from '../../fixtures/stages';
import { defaultStageTable } from '../../src/core/settings';
import { SNAPSHOT_HEADERS, SnapshotRow, snapshotRows, trend } from '../../src/core/snapshots';

const table = defaultStageTable();
const DAY = dayNumber('2026-11-23');

test('every stage gets a row, empty ones too, in pipeline order, dated the given day', () => {
  const rows = snapshotRows(
    dealSetOf(table, [
      { stage: 'Lead Generation', value: 100 }, //            100 x 0.1 = 10
      { stage: 'Lead Generation', value: 200, own: 0.5 }, //  200 x 0.5 = 100
      { stage: 'Closed Won', value: 300, own: 0.2 }, //        300 x 1 (own ignored)
      { stage: 'Closed Lost', value: 50 }, //                   50 x 0
      { stage: 'Proposal' }, //                                blank value: counted, no money
    ]),
    DAY,
  );
  expect(rows).toEqual([
    { day: DAY, stage: 'Lead Generation', deals: 2, value: 300, weighted: 110 },
    { day: DAY, stage: 'Initial Contact', deals: 0, value: 0, weighted: 0 },
    { day: DAY, stage: 'Qualification', deals: 0, value: 0, weighted: 0 },
    { day: DAY, stage: 'Proposal', deals: 1, value: 0, weighted: 0 },
    { day: DAY, stage: 'Negotiation', deals: 0, value: 0, weighted: 0 },
    { day: DAY, stage: 'Closed Won', deals: 1, value: 300, weighted: 300 },
    { day: DAY, stage: 'Closed Lost', deals: 1, value: 50, weighted: 0 },
  ]);
  expect(rows.map((r) => r.stage)).toEqual(DEFAULT_STAGES.map((s) => s.name));
  expect([...SNAPSHOT_HEADERS]).toEqual(['Date', 'Stage', 'Deals', 'Value', 'Weighted value']);
});

describe('trend', () => {
  const snap = (day: number, stage: string, deals: number, value: number, weighted: number): SnapshotRow => ({
    day,
    stage,
    deals,
    value,
    weighted,
  });
  const isOpen = (name: string): boolean => name.startsWith('Open');

  test('the last N days up to today (today - N excluded), open stages only, summed per day, oldest first', () => {
    const rows = [
      snap(101, 'Open A', 9, 9, 9), // tomorrow: out
      snap(100, 'Open A', 1, 10, 1),
      snap(100, 'Open B', 2, 20, 2),
      snap(100, 'Won', 5, 500, 500),
      snap(98, 'Open B', 3, 30, 3), // the oldest day in a 3-day window ending on 100: 98, 99, 100
      snap(97, 'Open A', 4, 40, 4), // today - 3: out
      snap(99, 'Lost', 6, 60, 0), //   not open: no point for day 99
    ];
    expect(trend(rows, isOpen, 3, 100)).toEqual([
      { day: 98, deals: 3, value: 30, weighted: 3 },
      { day: 100, deals: 1 + 2, value: 10 + 20, weighted: 1 + 2 },
    ]);
  });

  test('rows in any order give the same points; nothing in the window gives none', () => {
    const rows = [
      snap(50, 'Open A', 1, 1, 1),
      snap(48, 'Open A', 2, 2, 2),
      snap(49, 'Open B', 3, 3, 3),
      snap(50, 'Open B', 4, 4, 4),
    ];
    const sorted = trend(rows, isOpen, 90, 50);
    expect(sorted.map((p) => [p.day, p.deals])).toEqual([
      [48, 2],
      [49, 3],
      [50, 5],
    ]);
    expect(trend([...rows].reverse(), isOpen, 90, 50)).toEqual(sorted);
    expect(trend(rows, isOpen, 90, 200)).toEqual([]);
    expect(trend([], isOpen, 90, 50)).toEqual([]);
  });
});
