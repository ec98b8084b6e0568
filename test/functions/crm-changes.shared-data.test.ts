/**
 * PIPELINE_CHANGES on ../shared/datasets/crm-sales-opportunities (8,800 real deals): the history a
 * team would have logged (each deal engaged on its engage date, won or lost on its close date) and
 * the review computed independently from the raw CSV dates. Skipped when the shared folder is absent.
 */
import { crmDataset, CRM_STAGE_TABLE as TABLE, CRM_ZONE as ZONE, CrmRow, describeCrm } from '../helpers/crm-dataset';
import { loadedEmulator } from '../helpers/workbook';

describeCrm('PIPELINE_CHANGES on the CRM Sales Opportunities data set (shared data)', () => {
  const { deals, valueOf, dateCell: toDate, dayNumber: day } = crmDataset();
  const emu = loadedEmulator({ timeZone: ZONE });
  const cents = (r: CrmRow): number => {
    const v = valueOf(r);
    return Math.round((v === '' ? 0 : v) * 100);
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
      deals.map((r) => [valueOf(r)]),
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
    const openOn = (r: CrmRow, d: number): boolean =>
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
