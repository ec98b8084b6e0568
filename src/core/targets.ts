/**
 * The targets table on the settings tab (M:O): Owner | Period | Target, one target a row. Owner
 * blank or "Team" is the team's target; Period is a year (2026), a quarter (2026-Q4) or a month
 * (2026-12, or a date cell: Sheets turns a typed 2026-12 into 1 Dec 2026). Problems name their cell.
 */
import { CalendarDay, DayReader, monthIndex, readDay } from './calendar';
import { columnLetter, foldHeader } from './columns';
import type { SettingsProblem } from './settings';
import { CellGrid, CellValue, describeValue, isBlank, readNumber, readText } from './values';

export const TARGETS_HEADERS = ['Owner', 'Period', 'Target'] as const;
/** 1-based column of "Owner" (M): the settings tab's columns from M on are the targets table's. */
export const TARGETS_COLUMN = 13;
export const TEAM = 'Team';

/** A span of whole months, as month indexes (year * 12 + month0), first to last inclusive. */
export interface Period {
  readonly label: string;
  readonly first: number;
  readonly last: number;
}

export interface Target {
  /** The owner as typed; '' for the team. */
  readonly owner: string;
  readonly period: Period;
  readonly amount: number;
  /** The Target cell, e.g. "'Pipeline Settings'!O3". */
  readonly cell: string;
}

export interface TargetsParse {
  readonly targets: readonly Target[];
  readonly problems: readonly SettingsProblem[];
}

const pad = (m: number): string => (m < 10 ? `0${m}` : String(m));
const yearPeriod = (y: number): Period => ({ label: String(y), first: y * 12, last: y * 12 + 11 });
const monthPeriod = (y: number, m: number): Period => ({
  label: `${y}-${pad(m)}`,
  first: y * 12 + m - 1,
  last: y * 12 + m - 1,
});
const quarterPeriod = (y: number, q: number): Period => ({
  label: `${y}-Q${q}`,
  first: y * 12 + (q - 1) * 3,
  last: y * 12 + (q - 1) * 3 + 2,
});

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})\s*[-/.]\s*(\d{1,2})$/;
const QUARTER = /^(\d{4})\s*[-/ ]?\s*q([1-4])$/i;
const QUARTER_FIRST = /^q([1-4])\s*[-/ ]?\s*(\d{4})$/i;
const okYear = (y: number): boolean => y >= 1900 && y <= 9999;

/** A Period cell: 2026, "2026-Q4" ("Q4 2026"), "2026-12", or a date (its month); undefined when unreadable. */
export function readPeriod(v: CellValue, readZone: DayReader): Period | undefined {
  if (typeof v === 'number') return Number.isInteger(v) && okYear(v) ? yearPeriod(v) : undefined;
  if (typeof v !== 'string') {
    const day = readDay(v, readZone);
    if (day === undefined) return undefined;
    const m = monthIndex(day);
    return monthPeriod(Math.floor(m / 12), (m % 12) + 1);
  }
  const s = v.trim();
  let m = YEAR.exec(s);
  if (m) return okYear(Number(m[1])) ? yearPeriod(Number(m[1])) : undefined;
  m = QUARTER.exec(s);
  if (m) return okYear(Number(m[1])) ? quarterPeriod(Number(m[1]), Number(m[2])) : undefined;
  m = QUARTER_FIRST.exec(s);
  if (m) return okYear(Number(m[2])) ? quarterPeriod(Number(m[2]), Number(m[1])) : undefined;
  m = MONTH.exec(s);
  if (m) {
    const month = Number(m[2]);
    return okYear(Number(m[1])) && month >= 1 && month <= 12 ? monthPeriod(Number(m[1]), month) : undefined;
  }
  return undefined;
}

/** True when the day falls in the period. NaN (no date) is in none. */
export function periodContains(p: Period, day: CalendarDay): boolean {
  if (day !== day) return false;
  const m = monthIndex(day);
  return m >= p.first && m <= p.last;
}

/** Owner text as matched against the Deals tab's Owner: case and repeated spaces ignored. */
export function ownerKey(owner: string): string {
  return owner.trim().replace(/\s+/g, ' ').toLowerCase();
}

const isTeam = (owner: string): boolean => owner === '' || ownerKey(owner) === 'team';
const HEADER_FOLDED = TARGETS_HEADERS.map(foldHeader);

/**
 * Reads an Owner/Period/Target grid; `origin` is the sheet row and column of its top-left cell. The
 * header row, and rows blank in all three columns, are skipped; every other row is a target or a problem.
 */
export function parseTargets(
  grid: CellGrid,
  origin: { row: number; column: number },
  tab: string,
  readZone: DayReader,
): TargetsParse {
  const targets: Target[] = [];
  const problems: SettingsProblem[] = [];
  const cellName = (r: number, c: number): string => `'${tab}'!${columnLetter(origin.column - 1 + c)}${origin.row + r}`;
  const seen = new Map<string, string>();
  grid.forEach((raw, r) => {
    const row = [raw[0], raw[1], raw[2]] as CellValue[];
    if (row.every(isBlank)) return;
    if (row.every((v, c) => foldHeader(readText(v)) === HEADER_FOLDED[c])) return;
    const bad = (c: number, message: string): void => {
      problems.push({ cell: cellName(r, c), message });
    };
    const ownerText = readText(row[0]);
    const period = readPeriod(row[1] as CellValue, readZone);
    const amount = readNumber(row[2] as CellValue);
    const before = problems.length;
    if (period === undefined)
      bad(
        1,
        isBlank(row[1])
          ? 'the Period is blank; use a year (2026), a quarter (2026-Q4) or a month (2026-12)'
          : `Period ${describeValue(row[1], readZone)} is not a year (2026), a quarter (2026-Q4) or a month (2026-12)`,
      );
    if (amount === undefined || amount <= 0)
      bad(2, `Target ${describeValue(row[2], readZone)} is not an amount above 0`);
    if (problems.length > before || period === undefined || amount === undefined) return;
    const owner = isTeam(ownerText) ? '' : ownerText;
    const key = `${ownerKey(owner)}\u0000${period.label}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      bad(2, `a second target for ${owner || TEAM} in ${period.label} (the first is ${earlier}); keep one`);
      return;
    }
    const cell = cellName(r, 2);
    seen.set(key, cell);
    targets.push({ owner, period, amount, cell });
  });
  return { targets, problems };
}

/** The targets whose period contains today: the team's first, then owners A-Z; longer periods first. */
export function currentTargets(targets: readonly Target[], today: CalendarDay): Target[] {
  const span = (t: Target): number => t.period.last - t.period.first;
  return targets
    .filter((t) => periodContains(t.period, today))
    .sort(
      (a, b) =>
        (a.owner === '' ? 0 : 1) - (b.owner === '' ? 0 : 1) ||
        ownerKey(a.owner).localeCompare(ownerKey(b.owner)) ||
        span(b) - span(a),
    );
}

/** The calendar quarter a day falls in. */
export function quarterOf(day: CalendarDay): Period {
  const m = monthIndex(day);
  return quarterPeriod(Math.floor(m / 12), Math.floor((m % 12) / 3) + 1);
}
