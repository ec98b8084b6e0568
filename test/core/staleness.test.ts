/**
 * src/core/staleness.ts (DOMAIN.md "Stale"): an open deal is stale when the whole days since its last
 * touch (the latest of Last Activity and Stage Entered; Created when both are blank) exceed its
 * stage's Stale after. No limit, never stale; closed, never stale; no date at all is a data problem.
 */
import { dayNumber } from '../../fixtures/calendar-days';
import { dealRecord, defaultTableStage } from '../../fixtures/deal-records';
import { daysInStage, lastTouch, staleness, staleText } from '../../src/core/staleness';

const stage = defaultTableStage;
const TODAY = dayNumber('2026-11-23');
const daysAgo = (n: number): number => TODAY - n;

describe('lastTouch', () => {
  test('the later of Last Activity and Stage Entered; Created only when both are blank; NaN with no date', () => {
    const p = stage('Proposal');
    expect(lastTouch(dealRecord(p, { lastActivity: 10, stageEntered: 12, created: 50 }))).toBe(12);
    expect(lastTouch(dealRecord(p, { lastActivity: 15, stageEntered: 12, created: 50 }))).toBe(15);
    expect(lastTouch(dealRecord(p, { lastActivity: 15, created: 50 }))).toBe(15);
    expect(lastTouch(dealRecord(p, { stageEntered: 12, created: 50 }))).toBe(12);
    expect(lastTouch(dealRecord(p, { created: 50 }))).toBe(50);
    expect(lastTouch(dealRecord(p))).toBeNaN();
  });
});

describe('staleness', () => {
  test('Proposal (limit 10): 10 days untouched is fresh, 11 is stale', () => {
    const p = stage('Proposal');
    expect(staleness(dealRecord(p, { stageEntered: daysAgo(10) }), TODAY)).toEqual({ kind: 'fresh' });
    expect(staleness(dealRecord(p, { stageEntered: daysAgo(11) }), TODAY)).toEqual({
      kind: 'stale',
      days: 11,
      limit: 10,
      lastTouch: daysAgo(11),
    });
    // Touched today, or in the future (a typo): fresh.
    expect(staleness(dealRecord(p, { lastActivity: TODAY }), TODAY)).toEqual({ kind: 'fresh' });
    expect(staleness(dealRecord(p, { lastActivity: TODAY + 30 }), TODAY)).toEqual({ kind: 'fresh' });
  });

  test('a recent activity keeps an old stage entry fresh; an old Created does not count once a touch is known', () => {
    const ic = stage('Initial Contact'); // limit 7
    expect(staleness(dealRecord(ic, { stageEntered: daysAgo(60), lastActivity: daysAgo(3) }), TODAY).kind).toBe(
      'fresh',
    );
    expect(staleness(dealRecord(ic, { stageEntered: daysAgo(2), created: daysAgo(400) }), TODAY).kind).toBe('fresh');
    expect(staleness(dealRecord(ic, { created: daysAgo(8) }), TODAY)).toEqual({
      kind: 'stale',
      days: 8,
      limit: 7,
      lastTouch: daysAgo(8),
    });
  });

  test('closed deals are never stale, stages without a limit never go stale, and no date at all is "no-date"', () => {
    expect(staleness(dealRecord(stage('Closed Won'), { stageEntered: daysAgo(900) }), TODAY)).toEqual({
      kind: 'closed',
    });
    expect(staleness(dealRecord(stage('Closed Lost')), TODAY)).toEqual({ kind: 'closed' });
    const noLimit = { ...stage('Proposal'), staleAfter: null };
    expect(staleness(dealRecord(noLimit, { stageEntered: daysAgo(900) }), TODAY)).toEqual({ kind: 'no-limit' });
    expect(staleness(dealRecord(noLimit), TODAY)).toEqual({ kind: 'no-limit' });
    expect(staleness(dealRecord(stage('Negotiation')), TODAY)).toEqual({ kind: 'no-date' });
  });

  test('every open default stage at its limit and one past it', () => {
    for (const [name, limit] of [
      ['Lead Generation', 14],
      ['Initial Contact', 7],
      ['Qualification', 14],
      ['Proposal', 10],
      ['Negotiation', 7],
    ] as const) {
      expect([name, staleness(dealRecord(stage(name), { lastActivity: daysAgo(limit) }), TODAY).kind]).toEqual([
        name,
        'fresh',
      ]);
      expect([name, staleness(dealRecord(stage(name), { lastActivity: daysAgo(limit + 1) }), TODAY).kind]).toEqual([
        name,
        'stale',
      ]);
    }
  });
});

test('staleText: "Stale: N days in <stage> (limit L)" for a stale deal, nothing otherwise', () => {
  const d = dealRecord(stage('Proposal'), { stageEntered: daysAgo(11) });
  expect(staleText(d, staleness(d, TODAY))).toBe('Stale: 11 days in Proposal (limit 10)');
  expect(staleText(d, { kind: 'fresh' })).toBe('');
  expect(staleText(d, { kind: 'no-date' })).toBe('');
});

test('daysInStage: whole days since Stage Entered, 0 for a future date, null without one', () => {
  const p = stage('Proposal');
  expect(daysInStage(dealRecord(p, { stageEntered: daysAgo(5), lastActivity: daysAgo(1) }), TODAY)).toBe(5);
  expect(daysInStage(dealRecord(p, { stageEntered: TODAY + 2 }), TODAY)).toBe(0);
  expect(daysInStage(dealRecord(p, { lastActivity: daysAgo(1) }), TODAY)).toBeNull();
});
