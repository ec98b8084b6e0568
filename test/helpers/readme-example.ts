/**
 * The README's worked examples as tests (docs that cannot drift): its markdown tables read as cell
 * text, typed onto an Example tab of an emulated workbook, and evaluated by the playground's formula
 * engine over the built bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator, EmuSheet } from '../../emulator';
import { recalculate } from '../../playground/formulas';
import { midnightIn } from './date-cells';

export const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

/** The first markdown table after a marker (a comment, or a heading line), as rows of cell text, header included. */
export function tableAfter(marker: string): string[][] {
  const at = readme.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of readme.slice(at).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    if (/^\|[-| :]+\|$/.test(line)) continue;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

/** Each `<!-- NAME:table CALL -->` marker's table: the call (a formula without its =) and the rows it returns. */
export function resultTables(name: string): { call: string; rows: string[][] }[] {
  return [...readme.matchAll(new RegExp(`<!-- ${name}:table (.+) -->`, 'g'))].map((m) => ({
    call: m[1] as string,
    rows: tableAfter(m[0]),
  }));
}

/** A cell's text as typed into a sheet: a number when it reads as one; with a zone, yyyy-mm-dd as a date cell. */
export function cellValue(t: string, zone?: string): string | number | Date {
  if (zone !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(t)) return midnightIn(t, zone);
  return t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t;
}

/** Expects a cell to show the README's text: a number to the precision the README writes it with. */
export function expectCell(actual: unknown, expected: string): void {
  const n = Number(expected);
  if (expected !== '' && !Number.isNaN(n)) expect(actual).toBeCloseTo(n, (expected.split('.')[1] ?? '').length);
  else expect(actual ?? '').toBe(expected);
}

/**
 * Fills a new Example tab (uncounted), recalculates every formula, and returns each cell's value (1-based:
 * spilled by an array result, else stored) and the formula errors on the tab.
 */
export function evaluateExample(
  emu: Emulator,
  fill: (sheet: EmuSheet) => void,
): { at: (row: number, column: number) => unknown; errors: string[] } {
  const sheet = emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Example');
    fill(s);
    return s;
  });
  const { spills, errors } = recalculate(emu);
  return {
    at: (r, c) =>
      spills.get('Example')?.get(`${r - 1},${c - 1}`) ?? emu.counter.quiet(() => sheet.getRange(r, c).getValue()),
    errors: [...(errors.get('Example')?.values() ?? [])],
  };
}
