/** Time zones and Utilities.formatDate's Java-style patterns, on Node's ICU. */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
}

export function wallClock(d: Date, timeZone: string): WallClock {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(d)) p[part.type] = part.value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    weekday: p.weekday ?? '',
  };
}

/** Offset of a zone at an instant, in minutes east of UTC. */
export function offsetMinutes(d: Date, timeZone: string): number {
  const w = wallClock(d, timeZone);
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

const instantCache = new Map<string, number>();

/**
 * The instant a wall-clock time happens in a zone. Remembered per zone and wall time (a pure function
 * of them; at most 20,000 kept): typing 50,000 rows of dates costs four Intl calls per date only once.
 */
export function wallToInstant(year: number, month: number, day: number, timeZone: string, hour = 0, minute = 0): Date {
  const key = `${timeZone} ${year} ${month} ${day} ${hour} ${minute}`;
  const known = instantCache.get(key);
  if (known !== undefined) return new Date(known);
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  let t = guess - offsetMinutes(new Date(guess), timeZone) * 60_000;
  t = guess - offsetMinutes(new Date(t), timeZone) * 60_000;
  if (instantCache.size >= 20_000) instantCache.clear();
  instantCache.set(key, t);
  return new Date(t);
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS: Record<string, string> = {
  Sun: 'Sunday',
  Mon: 'Monday',
  Tue: 'Tuesday',
  Wed: 'Wednesday',
  Thu: 'Thursday',
  Fri: 'Friday',
  Sat: 'Saturday',
};

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Utilities.formatDate: SimpleDateFormat letters y M d H h m s S a E z Z X, quoted text with '. */
export function formatDateJava(d: Date, timeZone: string, pattern: string): string {
  const w = wallClock(d, timeZone);
  const off = offsetMinutes(d, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      out += pattern.slice(i + 1, end < 0 ? pattern.length : end);
      i = end < 0 ? pattern.length : end + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    const sign = off < 0 ? '-' : '+';
    const oh = pad(Math.floor(Math.abs(off) / 60), 2);
    const om = pad(Math.abs(off) % 60, 2);
    switch (ch) {
      case 'y':
        out += n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        break;
      case 'M':
        out += n >= 4 ? MONTHS[w.month - 1] : n === 3 ? (MONTHS[w.month - 1] as string).slice(0, 3) : pad(w.month, n);
        break;
      case 'd':
        out += pad(w.day, n);
        break;
      case 'H':
        out += pad(w.hour, n);
        break;
      case 'h':
        out += pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        break;
      case 'm':
        out += pad(w.minute, n);
        break;
      case 's':
        out += pad(w.second, n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), n);
        break;
      case 'a':
        out += w.hour < 12 ? 'AM' : 'PM';
        break;
      case 'E':
        out += n >= 4 ? DAYS[w.weekday] : w.weekday;
        break;
      case 'Z':
        out += `${sign}${oh}${om}`;
        break;
      case 'X':
        out += off === 0 ? 'Z' : n >= 3 ? `${sign}${oh}:${om}` : `${sign}${oh}${om}`;
        break;
      case 'z':
        out += off === 0 ? 'GMT' : `GMT${sign}${oh}:${om}`;
        break;
      default:
        throw new Error(`Exception: Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
