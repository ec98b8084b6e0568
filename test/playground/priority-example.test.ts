/**
 * The README's DEAL_PRIORITY worked example: evaluated by the formula engine over the built bundle,
 * and checked against a score computed here by hand from the formula the README states.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recalculate } from '../../playground/formulas';
import { loadedEmulator } from '../helpers/workbook';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

function tableAfter(marker: string): string[][] {
  const at = readme.indexOf(marker);
  expect(at).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of readme.slice(at).split('\n').slice(1)) {
    if (!line.startsWith('|')) {
      if (rows.length) break;
      continue;
    }
    if (/^\|[-| ]+\|$/.test(line)) continue;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim()),
    );
  }
  return rows;
}

const num = (t: string): string | number => (t !== '' && !Number.isNaN(Number(t)) ? Number(t) : t);
const day = (iso: string): number =>
  iso === '' ? NaN : Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The README's formula, written out for the default stages and weights. */
function expectedScore(
  stage: string,
  value: number,
  close: string,
  touch: string,
  due: string,
  largest: number,
): number {
  const open: Record<string, [number, number, number]> = {
    // probability, position / open stages, stale after
    'Lead Generation': [0.1, 1 / 5, 14],
    'Initial Contact': [0.2, 2 / 5, 7],
    Qualification: [0.3, 3 / 5, 14],
    Proposal: [0.5, 4 / 5, 10],
    Negotiation: [0.75, 5 / 5, 7],
  };
  const s = open[stage];
  if (!s) return NaN;
  const today = day('2026-03-01');
  const valueF = (value * s[0]) / largest;
  const toClose = day(close) - today;
  const closeF = Number.isNaN(toClose) || toClose >= 30 ? 0 : toClose <= 0 ? 1 : 1 - toClose / 30;
  const since = today - day(touch);
  const staleF = since > s[2] ? Math.min(1, (since - s[2]) / s[2]) : 0;
  const overdue = today - day(due);
  const followF = overdue > 0 ? Math.min(1, overdue / 7) : 0;
  return Math.round((30 * valueF + 25 * closeF + 20 * s[1] + 10 * staleF + 15 * followF) * 10) / 10;
}

test('the README DEAL_PRIORITY example matches the function and an independent computation', () => {
  const emu = loadedEmulator({ timeZone: 'America/Los_Angeles' });
  const rows = tableAfter('<!-- priority-example:data -->');
  expect(rows[0]?.slice(0, 7)).toEqual(['Deal', 'Stage', 'Value', 'Close', 'Last touch', 'Next Step Due', 'score']);
  const data = rows.slice(1);
  expect(data).toHaveLength(5);
  const formula = /`(=DEAL_PRIORITY\(C2[^`]+\))`/.exec(readme)?.[1] as string;
  expect(formula).toBe('=DEAL_PRIORITY(C2:C6, B2:B6, D2:D6, E2:E6, F2:F6, , , , "2026-03-01")');
  emu.counter.quiet(() => {
    const s = emu.book.insertSheet('Example');
    s.getRange(1, 1, rows.length, 6).setValues(rows.map((r) => r.slice(0, 6).map(num)));
    s.getRange(1, 8).setValue(formula);
  });
  const { spills } = recalculate(emu);
  const sheet = emu.book.getSheetByName('Example');
  const at = (r: number): unknown =>
    spills.get('Example')?.get(`${r - 1},7`) ?? emu.counter.quiet(() => sheet?.getRange(r, 8).getValue());
  let largest = 0;
  const prob: Record<string, number> = { 'Lead Generation': 0.1, Qualification: 0.3, Proposal: 0.5, Negotiation: 0.75 };
  for (const r of data) largest = Math.max(largest, Number(r[2]) * (prob[r[1] as string] ?? 0));
  data.forEach((r, i) => {
    const [, stage, value, close, touch, due, score] = r as string[];
    const mine = expectedScore(
      stage as string,
      Number(value),
      close as string,
      touch as string,
      due as string,
      largest,
    );
    const got = at(i + 1);
    if (Number.isNaN(mine)) {
      expect(score).toBe('');
      expect(got === '' || got === null || got === undefined).toBe(true);
    } else {
      expect(got).toBe(mine);
      expect(num(score as string)).toBe(mine);
    }
  });
});
