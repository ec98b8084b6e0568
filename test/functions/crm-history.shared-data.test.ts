/**
 * The history functions on ../shared/datasets/crm-sales-opportunities (8,800 real deals): each deal's
 * Stage History is what its dates say (Prospecting -> Engaging on engage_date, Engaging -> Won/Lost on
 * close_date), so Engaging's time in stage is the real engage-to-close cycle. Figures are computed
 * independently here from the raw CSV and compared with the functions run through the built bundle.
 * Skipped when the shared folder is absent.
 */
import { crmDataset, CRM_STAGE_TABLE as TABLE, CRM_ZONE as ZONE, describeCrm } from '../helpers/crm-dataset';
import { loadedEmulator } from '../helpers/workbook';

describeCrm('CRM Sales Opportunities: history functions (shared data)', () => {
  const { deals, valueOf, dateCell, dayNumber } = crmDataset();
  const SET: Record<string, number> = { Prospecting: 0.1, Engaging: 0.4 };
  const emu = loadedEmulator({ timeZone: ZONE });
  // A move logged during the working day, in the spreadsheet's zone.
  const when = (s: string): Date => new Date((dateCell(s) as Date).getTime() + 11 * 3_600_000);
  const history: unknown[][] = [];
  for (const r of deals) {
    const id = r.opportunity_id as string;
    if (r.engage_date) history.push([when(r.engage_date), id, r.account, 'Prospecting', 'Engaging']);
    if (r.close_date) history.push([when(r.close_date), id, r.account, 'Engaging', r.deal_stage]);
  }
  const ids = deals.map((r) => [r.opportunity_id]);
  const stages = deals.map((r) => [r.deal_stage]);
  const values = deals.map((r) => [valueOf(r)]);
  const closeDates = deals.map((r) => [r.close_date ? when(r.close_date) : '']);
  const call = (name: string, ...args: unknown[]): unknown => emu.callCustomFunction(name, ...args);
  const percentile = (xs: number[], p: number): number => {
    const s = [...xs].sort((a, b) => a - b);
    const r = p * (s.length - 1);
    const lo = Math.floor(r);
    return lo + 1 < s.length ? s[lo]! + (r - lo) * (s[lo + 1]! - s[lo]!) : s[lo]!;
  };

  test('TIME_IN_STAGE: Engaging lasted close - engage days for every closed deal; Prospecting has no entry dates', () => {
    const days = deals
      .filter((r) => r.engage_date && r.close_date)
      .map((r) => dayNumber(r.close_date as string) - dayNumber(r.engage_date as string));
    expect(days.length).toBe(4238 + 2473);
    const table = call('TIME_IN_STAGE', history, TABLE) as unknown[][];
    expect(table[1]).toEqual(['Prospecting', 0, '', '']);
    expect(table[2]?.[0]).toBe('Engaging');
    expect(table[2]?.[1]).toBe(days.length);
    expect(table[2]?.[2]).toBeCloseTo(percentile(days, 0.5), 9);
    expect(table[2]?.[3]).toBeCloseTo(percentile(days, 0.75), 9);
  });

  // Every closed deal reached Engaging (won: by its stage; lost: its history says it engaged).
  const won = deals.filter((r) => r.deal_stage === 'Won').length;
  const lostEngaged = deals.filter((r) => r.deal_stage === 'Lost' && r.engage_date).length;
  const observed = (stage: string): number => (won + 10 * (SET[stage] as number)) / (won + lostEngaged + 10);

  test('HISTORICAL_WIN_RATE: the closed deals that reached the stage, blended with 10 deals of the set probability', () => {
    for (const stage of ['Prospecting', 'Engaging'])
      expect(call('HISTORICAL_WIN_RATE', stage, stages, ids, history, TABLE)).toBeCloseTo(observed(stage), 12);
  });

  test('observed WEIGHTED_FORECAST, and FORECAST_BY_MONTH with the same arguments sums to it', () => {
    const expected = deals.reduce((sum, r, i) => {
      const v = values[i]![0];
      if (v === '' || r.deal_stage === 'Lost') return sum;
      return sum + (v as number) * (r.deal_stage === 'Won' ? 1 : observed(r.deal_stage as string));
    }, 0);
    const wf = call('WEIGHTED_FORECAST', values, stages, TABLE, undefined, ids, history) as number;
    expect(wf).toBeCloseTo(expected, 4);
    const fbm = call(
      'FORECAST_BY_MONTH',
      values,
      stages,
      closeDates,
      TABLE,
      undefined,
      undefined,
      undefined,
      ids,
      history,
    );
    expect((fbm as unknown[][]).slice(1).reduce((s, r) => s + (r[3] as number), 0)).toBeCloseTo(wf, 4);
  });
});
