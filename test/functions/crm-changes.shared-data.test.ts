/**
 * PIPELINE_CHANGES on ../shared/datasets/crm-sales-opportunities (8,800 real deals): the history a
 * team would have logged (each deal engaged on its engage date, won or lost on its close date) and
 * the review computed independently from the raw CSV dates. Skipped when the shared folder is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wallToInstant } from '../../emulator/time';
import { loadedEmulator } from '../helpers/workbook';

const dir = join(__dirname, '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');
const here = existsSync(join(dir, 'sales_pipeline.csv'));
const describeShared = here ? describe : describe.skip;

function csv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(dir, file), 'utf8').trim().split(/\r?\n/);
  const keys = (head as string).split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

describeShared('PIPELINE_CHANGES on the CRM Sales Opportunities data set (shared data)', () => {
  const deals = here ? csv('sales_pipeline.csv') : [];
  const prices = new Map((here ? csv('products.csv') : []).map((p) => [p.product, Number(p.sales_price)]));
  const TABLE = [
    ['Stage', 'Win probability'],
    ['Prospecting', 0.1],
    ['Engaging', 0.4],
    ['Won', 1],
    ['Lost', 0],
  ];
  const ZONE = 'America/Chicago';
  const emu = loadedEmulator({ timeZone: ZONE });
  const parts = (s: string): [number, number, number] => {
    const [m, d, y] = s.split('/').map(Number);
    return [y as number, m as number, d as number];
  };
  const toDate = (s: string | undefined): Date | '' => (s ? wallToInstant(...parts(s), ZONE) : '');
  const day = (s: string): number => Date.UTC(...([parts(s)[0], parts(s)[1] - 1, parts(s)[2]] as const)) / 86_400_000;
  const cents = (r: Record<string, string>): number => {
    const v = r.close_value ? Number(r.close_value) : (prices.get(r.product as string) ?? 0);
    return Math.round(v * 100);
  };
  // The history the add-on would hold: engaged (typed, a first move), then won or lost, in the afternoon.
  const history: unknown[][] = [];
  for (const r of deals) {
    const at = (s: string): Date => new Date((toDate(s) as Date).getTime() + 14 * 3_600_000);
    if (r.engage_date)
      history.push([at(r.engage_date), r.opportunity_id, r.opportunity_id, '', 'Engaging', 'crm', 'edit', '', '']);
    if (r.close_date)
      history.push([
        at(r.close_date),
        r.opportunity_id,
        r.opportunity_id,
        'Engaging',
        r.deal_stage,
        'crm',
        'sidebar',
        '',
        '',
      ]);
  }
  const call = (from: string, to: string): (string | number)[][] =>
    emu.callCustomFunction(
      'PIPELINE_CHANGES',
      toDate(from),
      toDate(to),
      history,
      deals.map((r) => [r.opportunity_id]),
      deals.map((r) => [r.deal_stage]),
      deals.map((r) => [r.close_value ? Number(r.close_value) : (prices.get(r.product as string) ?? '')]),
      deals.map((r) => [toDate(r.close_date)]),
      deals.map((r) => [toDate(r.engage_date)]),
      TABLE,
    ) as (string | number)[][];

  test.each([
    ['6/1/2017', '6/7/2017'],
    ['3/1/2017', '3/31/2017'],
    ['12/25/2017', '12/31/2017'],
  ])('from %s to %s: each category from the raw dates, and the identity', (from, to) => {
    const F = day(from);
    const T = day(to);
    // Independent: a deal is open on day D when engaged on or before D (Prospecting deals: always) and not closed by D.
    const openOn = (r: Record<string, string>, d: number): boolean =>
      (r.engage_date ? day(r.engage_date) <= d : true) && !(r.close_date && day(r.close_date) <= d);
    const want: Record<string, [number, number]> = {};
    const add = (k: string, c: number): void => {
      const x = (want[k] ??= [0, 0]);
      x[0]++;
      x[1] += c;
    };
    for (const k of ['start', 'new', 'won', 'lost', 'end']) want[k] = [0, 0];
    for (const r of deals) {
      const c = cents(r);
      const a = openOn(r, F - 1);
      const b = openOn(r, T);
      if (a) add('start', c);
      if (b) add('end', c);
      const closedIn = !!r.close_date && day(r.close_date) >= F && day(r.close_date) <= T;
      if (!a && (b || closedIn)) add('new', c);
      if (closedIn) add(r.deal_stage === 'Won' ? 'won' : 'lost', c);
    }
    const got = call(from, to);
    const row = (label: string) => {
      const r = got.find((x) => x[0] === label)!;
      return [r[1], Math.round(Math.abs(r[2] as number) * 100)];
    };
    expect(row('Open pipeline at start')).toEqual(want.start);
    expect(row('New deals')).toEqual(want.new);
    expect(row('Won')).toEqual(want.won);
    expect(row('Lost')).toEqual(want.lost);
    expect(row('Open pipeline at end')).toEqual(want.end);
    expect(row('Value increased')).toEqual([0, 0]);
    expect(want.won![0]).toBeGreaterThan(10);
    const s = want.start![1] + want.new![1] - want.won![1] - want.lost![1];
    expect(s).toBe(want.end![1]);
  });
});
