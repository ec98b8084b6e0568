/** src/core/clock.ts: "now" for one action, today's calendar day and its midnight in the spreadsheet's zone. */
import { dayNumber } from '../../fixtures/calendar-days';
import { clockAt } from '../../src/core/clock';

test('03:00 UTC on 23 Nov 2026 is still the 22nd in New York (UTC-5) and already the 23rd in Tokyo (UTC+9)', () => {
  const now = new Date(Date.UTC(2026, 10, 23, 3));
  const ny = clockAt(now, 'America/New_York');
  expect(ny.today).toBe(dayNumber('2026-11-22'));
  // Midnight starting 22 Nov in New York is 05:00 UTC.
  expect(ny.todayDate.toISOString()).toBe('2026-11-22T05:00:00.000Z');
  expect([ny.now, ny.timeZone]).toEqual([now, 'America/New_York']);
  const tokyo = clockAt(now, 'Asia/Tokyo');
  expect(tokyo.today).toBe(dayNumber('2026-11-23'));
  // Midnight starting 23 Nov in Tokyo is 15:00 UTC the day before.
  expect(tokyo.todayDate.toISOString()).toBe('2026-11-22T15:00:00.000Z');
});

test('on the day clocks change, midnight has the offset before the change (New York, 8 March 2026, 02:00 EST -> EDT)', () => {
  const c = clockAt(new Date(Date.UTC(2026, 2, 8, 12)), 'America/New_York');
  expect(c.today).toBe(dayNumber('2026-03-08'));
  expect(c.todayDate.toISOString()).toBe('2026-03-08T05:00:00.000Z');
  // The next day's midnight is already EDT (UTC-4).
  expect(clockAt(new Date(Date.UTC(2026, 2, 9, 12)), 'America/New_York').todayDate.toISOString()).toBe(
    '2026-03-09T04:00:00.000Z',
  );
});

test('readZone reads other instants in the same zone: the day turns at local midnight', () => {
  const c = clockAt(new Date(Date.UTC(2026, 10, 23, 15)), 'America/New_York');
  expect(c.readZone(new Date(Date.UTC(2026, 10, 23, 4, 59)))).toBe(dayNumber('2026-11-22'));
  expect(c.readZone(new Date(Date.UTC(2026, 10, 23, 5, 0)))).toBe(dayNumber('2026-11-23'));
  expect(c.readZone(c.todayDate)).toBe(c.today);
});
