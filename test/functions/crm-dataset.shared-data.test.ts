/**
 * Uses ../shared/datasets/crm-sales-opportunities (the public CRM Sales Opportunities data, 8,800
 * deals). Figures are computed independently here from the raw CSV and compared with the custom
 * functions run through the built bundle. Skipped when the shared folder is absent.
 */
import { crmDataset, CRM_STAGE_TABLE as TABLE, CRM_ZONE as ZONE, describeCrm } from '../helpers/crm-dataset';
import { loadedEmulator } from '../helpers/workbook';

describeCrm('CRM Sales Opportunities data set (shared data)', () => {
  const { deals, valueOf, dateCell: toDate, dayNumber } = crmDataset();
  const P: Record<string, number> = { Prospecting: 0.1, Engaging: 0.4, Won: 1, Lost: 0 };
  const emu = loadedEmulator({ timeZone: ZONE });
  const values = deals.map((r) => [valueOf(r)]);
  const stages = deals.map((r) => [r.deal_stage]);
  const created = deals.map((r) => [toDate(r.engage_date)]);
  const closed = deals.map((r) => [toDate(r.close_date)]);
  const call = (name: string, ...args: unknown[]): number => emu.callCustomFunction(name, ...args) as number;

  const won = deals.filter((r) => r.deal_stage === 'Won');
  const lost = deals.filter((r) => r.deal_stage === 'Lost');
  const open = deals.filter((r) => r.deal_stage === 'Prospecting' || r.deal_stage === 'Engaging');

  test('the data set is what we think it is', () => {
    expect(deals.length).toBe(8800);
    expect(won.length + lost.length + open.length).toBe(8800);
  });

  test('WIN_RATE and AVERAGE_DEAL_SIZE', () => {
    expect(call('WIN_RATE', stages, TABLE)).toBeCloseTo(won.length / (won.length + lost.length), 12);
    expect(call('AVERAGE_DEAL_SIZE', values, stages, TABLE)).toBeCloseTo(
      won.reduce((s, r) => s + Number(r.close_value), 0) / won.length,
      6,
    );
  });

  test("LEADS_NEEDED from the won deals' average close value and the win rate, worked out here", () => {
    const wonValue = won.reduce((s, r) => s + Number(r.close_value), 0);
    const average = wonValue / won.length;
    const rate = won.length / (won.length + lost.length);
    for (const target of [1_000_000, 250_000, 12_345])
      expect(call('LEADS_NEEDED', target, values, stages, TABLE)).toBe(Math.ceil(target / (average * rate)));
    // The inputs themselves, as the existing functions give them.
    expect(call('AVERAGE_DEAL_SIZE', values, stages, TABLE) * call('WIN_RATE', stages, TABLE)).toBeCloseTo(
      average * rate,
      6,
    );
  });

  test('PIPELINE_VALUE and WEIGHTED_FORECAST', () => {
    const num = (v: number | ''): number => (v === '' ? 0 : v);
    expect(call('PIPELINE_VALUE', values, stages, TABLE)).toBeCloseTo(
      open.reduce((s, r) => s + num(valueOf(r)), 0),
      6,
    );
    expect(call('WEIGHTED_FORECAST', values, stages, TABLE)).toBeCloseTo(
      deals.reduce((s, r) => s + num(valueOf(r)) * (P[r.deal_stage as string] as number), 0),
      6,
    );
  });

  test('SALES_CYCLE_DAYS over won deals', () => {
    const days = won.map((r) => dayNumber(r.close_date as string) - dayNumber(r.engage_date as string));
    expect(call('SALES_CYCLE_DAYS', created, closed, stages, TABLE)).toBeCloseTo(
      days.reduce((s, x) => s + x, 0) / days.length,
      9,
    );
  });

  test('CONVERSION_RATE Prospecting -> Engaging by the reached-stage rule', () => {
    const engagingOrWon = deals.filter((r) => r.deal_stage === 'Engaging' || r.deal_stage === 'Won').length;
    const reachedProspecting = engagingOrWon + deals.filter((r) => r.deal_stage === 'Prospecting').length;
    expect(call('CONVERSION_RATE', stages, 'Prospecting', 'Engaging', TABLE)).toBeCloseTo(
      engagingOrWon / reachedProspecting,
      12,
    );
  });

  test('FORECAST_BY_MONTH sums won value by close month', () => {
    const table = emu.callCustomFunction('FORECAST_BY_MONTH', values, stages, closed, TABLE) as (string | number)[][];
    const byMonth = new Map<string, number>();
    for (const r of won) {
      const [m, , y] = (r.close_date as string).split('/');
      const key = `${y}-${(m as string).padStart(2, '0')}`;
      byMonth.set(key, (byMonth.get(key) ?? 0) + Number(r.close_value));
    }
    for (const row of table.slice(1)) {
      if (byMonth.has(row[0] as string)) expect(row[4]).toBeCloseTo(byMonth.get(row[0] as string) as number, 6);
    }
    expect([...byMonth.keys()].every((k) => table.some((r) => r[0] === k))).toBe(true);
  });
});
