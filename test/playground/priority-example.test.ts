/**
 * The README's DEAL_PRIORITY worked example: evaluated by the formula engine over the built bundle,
 * and checked against a score computed here by hand from the formula the README states.
 */
import { cellValue, evaluateExample, readme, tableAfter } from '../helpers/readme-example';
import { loadedEmulator } from '../helpers/workbook';

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
  const { at } = evaluateExample(emu, (s) => {
    s.getRange(1, 1, rows.length, 6).setValues(rows.map((r) => r.slice(0, 6).map((t) => cellValue(t))));
    s.getRange(1, 8).setValue(formula);
  });
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
    const got = at(i + 1, 8);
    if (Number.isNaN(mine)) {
      expect(score).toBe('');
      expect(got === '' || got === null || got === undefined).toBe(true);
    } else {
      expect(got).toBe(mine);
      expect(cellValue(score as string)).toBe(mine);
    }
  });
});
