/** src/core/calendar.ts: zone offsets learned as intervals agree with Intl at every instant tried. */
import { zoneDayReader, zoneOffset } from '../../src/core/calendar';

/** Offset in ms at an instant, straight from Intl (the independent reference). */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(timeZone: string, t: number): number {
  let f = formats.get(timeZone);
  if (!f) { f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }); formats.set(timeZone, f); }
  const minute = Math.floor(t / 60_000) * 60_000;
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(minute)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year as number, (p.month as number) - 1, p.day as number, p.hour as number, p.minute as number) - minute;
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Africa/Casablanca', 'America/Santiago', 'UTC'];

test.each(ZONES)('%s: offsets agree with Intl around every DST change of 2024-2027 and at random instants since 1950', (zone) => {
  const offsetAt = zoneOffset(zone);
  const instants: number[] = [];
  // Every 3 hours over 2024-2027 (every transition, both sides), in shuffled order.
  for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 3 * 3_600_000) instants.push(t + 17 * 60_000);
  let seed = 12345;
  const random = (): number => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  for (let i = 0; i < 400; i++) instants.push(Date.UTC(1950, 0, 1) + Math.floor(random() * 100 * 365.25 * 86_400_000));
  for (let i = instants.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [instants[i], instants[j]] = [instants[j] as number, instants[i] as number]; }
  const wrong = instants.filter((t) => offsetAt(t) !== intlOffset(zone, t)).map((t) => new Date(t).toISOString());
  expect(wrong).toEqual([]);
});

test('the minutes either side of a change: Berlin on 29 March 2026 (01:00 UTC) and 25 October 2026', () => {
  const offsetAt = zoneOffset('Europe/Berlin');
  const change = Date.UTC(2026, 2, 29, 1);
  expect(offsetAt(change - 1)).toBe(3_600_000);
  expect(offsetAt(change)).toBe(7_200_000);
  const back = Date.UTC(2026, 9, 25, 1);
  expect(offsetAt(back - 1)).toBe(7_200_000);
  expect(offsetAt(back)).toBe(3_600_000);
  // A date cell at Berlin midnight on 29 March is that day, whatever was asked before.
  const day = zoneDayReader('Europe/Berlin')(new Date(Date.UTC(2026, 2, 28, 23)));
  expect(new Date(day * 86_400_000).toISOString().slice(0, 10)).toBe('2026-03-29');
});

test.each(['Europe/Berlin', 'America/Santiago', 'Australia/Lord_Howe', 'Asia/Tokyo'])('%s: zoneDayReader gives the Intl calendar day for instants in any order, also on change days and centuries apart', (zone) => {
  const read = zoneDayReader(zone);
  const instants: number[] = [];
  for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 47 * 60_000 * 7) instants.push(t);
  instants.push(Date.UTC(1, 0, 1), Date.UTC(9999, 11, 31, 20), Date.UTC(1900, 0, 1), Date.UTC(2100, 5, 1, 12));
  let seed = 99;
  for (let i = instants.length - 1; i > 0; i--) { seed = (seed * 1103515245 + 12345) % 2 ** 31; const j = seed % (i + 1); [instants[i], instants[j]] = [instants[j] as number, instants[i] as number]; }
  const wrong = instants.filter((t) => read(new Date(t)) !== Math.floor((t + intlOffset(zone, t)) / 86_400_000)).map((t) => new Date(t).toISOString());
  expect(wrong).toEqual([]);
});

test('a change off the half hour is found to the minute: Australia/Eucla (UTC+8:45) in 2007-2009', () => {
  const offsetAt = zoneOffset('Australia/Eucla');
  for (let t = Date.UTC(2006, 9, 1); t < Date.UTC(2009, 5, 1); t += 37 * 60_000) {
    if (offsetAt(t) !== intlOffset('Australia/Eucla', t)) throw new Error(`wrong at ${new Date(t).toISOString()}`);
  }
});
