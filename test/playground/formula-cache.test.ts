/**
 * The playground caches our functions' results as Sheets does: a cell calls the bundle again only
 * when its arguments' values change (or it is typed again), not when the clock moves or another
 * cell changes. FORECAST_BY_MONTH with `months` shows it: its month window is cached with the result.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Emulator } from '../../emulator';
import { FormulaCache } from '../../playground/formula-cache';
import { Computed, recalculate } from '../../playground/formulas';
import { PlaygroundSession } from '../../playground/session';
import { loadedEmulator, writeTab } from '../helpers/workbook';

const DAY = 86_400_000;
/** "yyyy-mm" of an instant in New York, computed here with Intl (independently of the add-on). */
const monthIn = (t: number, plus = 0): string => {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(t));
  const y = Number(p.find((x) => x.type === 'year')?.value);
  const m = Number(p.find((x) => x.type === 'month')?.value) - 1 + plus;
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
};
/** The first column of an array result at (row, col), 0-based: the formula cell, then its spill. */
function firstColumn(emu: Emulator, computed: Computed, sheet: string, row: number, col: number): unknown[] {
  const out: unknown[] = [
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName(sheet)!
        .getRange(row + 1, col + 1)
        .getValue(),
    ),
  ];
  for (let r = row + 1; computed.spills.get(sheet)?.has(`${r},${col}`); r++)
    out.push(computed.spills.get(sheet)?.get(`${r},${col}`));
  return out;
}
const months = (labels: unknown[]): unknown[] => labels.filter((l) => /^\d{4}-\d{2}$/.test(String(l)));

test('a FORECAST_BY_MONTH cell keeps its result when the clock moves or other cells change, and recomputes when an argument changes', () => {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [
    ['Stage', 'Value', 'Close', 'Note'],
    ['Proposal', 1000, '2026-12-10', ''],
    ['Closed Won', 2000, '2026-11-20', ''],
    ['Qualification', 3000, '2027-01-05', ''],
  ]);
  writeTab(emu, 'Calc', [
    [
      '=FORECAST_BY_MONTH(Deals!B2:B4, Deals!A2:A4, Deals!C2:C4, , 3)',
      '',
      '',
      '',
      '',
      '',
      '',
      '=WIN_RATE(Deals!A2:A4)',
    ],
  ]);
  const cache = new FormulaCache();
  const calls = jest.spyOn(emu, 'callCustomFunction');
  const forecastCalls = (): number => calls.mock.calls.filter((c) => c[0] === 'FORECAST_BY_MONTH').length;

  const start = emu.clock.now();
  const first = firstColumn(emu, recalculate(emu, cache), 'Calc', 0, 0);
  expect(months(first)).toEqual([monthIn(start), monthIn(start, 1), monthIn(start, 2)]);
  const callsAfterFirst = forecastCalls();
  expect(callsAfterFirst).toBeGreaterThan(0);

  // The clock moves 40 days (into another month) and unrelated cells change: nothing is called again.
  emu.clock.advance(40 * DAY);
  emu.counter.quiet(() => {
    emu.book.getSheetByName('Deals')!.getRange('D2').setValue('called back');
    emu.book.getSheetByName('Calc')!.getRange('F9').setValue(42);
  });
  const stale = firstColumn(emu, recalculate(emu, cache), 'Calc', 0, 0);
  expect(forecastCalls()).toBe(callsAfterFirst);
  expect(stale).toEqual(first);
  // A fresh evaluation at the new date would differ: the cached result is stale, as in Sheets.
  expect(months(firstColumn(emu, recalculate(emu), 'Calc', 0, 0))).toEqual([
    monthIn(emu.clock.now()),
    monthIn(emu.clock.now(), 1),
    monthIn(emu.clock.now(), 2),
  ]);
  calls.mockClear();

  // An argument's value changes: the cell is computed again, at today's date.
  emu.counter.quiet(() => emu.book.getSheetByName('Deals')!.getRange('B2').setValue(1500));
  const fresh = firstColumn(emu, recalculate(emu, cache), 'Calc', 0, 0);
  expect(forecastCalls()).toBeGreaterThan(0);
  expect(months(fresh)).toEqual([monthIn(emu.clock.now()), monthIn(emu.clock.now(), 1), monthIn(emu.clock.now(), 2)]);
  // WIN_RATE's arguments (the stages) did not change: it was not called again.
  expect(calls.mock.calls.filter((c) => c[0] === 'WIN_RATE')).toHaveLength(0);
});

test('an error result is cached too, until the argument is fixed', () => {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [['Stage'], ['Proposal'], ['Pitching']]);
  writeTab(emu, 'Calc', [['=WIN_RATE(Deals!A2:A3)']]);
  const cache = new FormulaCache();
  const calls = jest.spyOn(emu, 'callCustomFunction');
  expect(recalculate(emu, cache).errors.get('Calc')?.get('0,0')).toMatch(/"Pitching" is not a known stage/);
  const n = calls.mock.calls.length;
  expect(recalculate(emu, cache).errors.get('Calc')?.get('0,0')).toMatch(/"Pitching" is not a known stage/);
  expect(calls.mock.calls.length).toBe(n);
  emu.counter.quiet(() => emu.book.getSheetByName('Deals')!.getRange('A3').setValue('Closed Won'));
  expect(recalculate(emu, cache).errors.get('Calc')?.has('0,0')).toBe(false);
  expect(emu.counter.quiet(() => emu.book.getSheetByName('Calc')!.getRange('A1').getValue())).toBe(1);
});

test('in the playground session: "+1 day" keeps the demo forecast cached; typing the formula again recomputes it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-cache-'));
  try {
    const session = new PlaygroundSession(join(dir, 'workbook.json'), join(__dirname, '..', '..', 'dist'));
    const emu = session.emu;
    const forecast = emu.counter.quiet(() => emu.book.getSheetByName('Forecast')!);
    const formula = emu.counter.quiet(() => forecast.getRange('A18').getFormula());
    expect(formula).toMatch(/^=FORECAST_BY_MONTH\(.*, 6\)$/);
    const before = firstColumn(emu, session.computed!, 'Forecast', 17, 0);
    expect(months(before)[0]).toBe(monthIn(emu.clock.now()));
    // "+1 day" a few times, then past the end of the month: no argument changed, so nothing is recomputed.
    for (let d = 0; d < 3; d++) session.advance(24);
    session.advance(24 * 37);
    expect(firstColumn(emu, session.computed!, 'Forecast', 17, 0)).toEqual(before);
    session.edit(forecast, 18, 1, formula);
    expect(months(firstColumn(emu, session.computed!, 'Forecast', 17, 0))[0]).toBe(monthIn(emu.clock.now()));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
