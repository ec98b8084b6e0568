/**
 * src/core/forecast.ts: the forecast by expected-close month. Open and won deals count, lost never;
 * undated deals get their own row; with a horizon, an Overdue row and N months from this one.
 */
import { dayNumber, monthOfDay } from '../../fixtures/calendar-days';
import { dealSetOf, PlainDeal, randomDeals } from '../../fixtures/deal-sets';
import { seededRandom } from '../../fixtures/random';
import { defaultStage, expectedWeight } from '../../fixtures/stages';
import {
  ForecastBins,
  forecastByMonth,
  ForecastRow,
  MAX_FORECAST_MONTHS,
  NO_CLOSE_DATE,
  OVERDUE,
} from '../../src/core/forecast';
import { defaultStageTable } from '../../src/core/settings';

const table = defaultStageTable();
const row = (label: string, deals: number, pipeline: number, weighted: number, won: number): ForecastRow => ({
  label,
  deals,
  pipeline,
  weighted,
  won,
});
const rounded = (rows: readonly ForecastRow[]) =>
  rows.map((r) => ({ ...r, weighted: Math.round(r.weighted * 1e6) / 1e6 }));

const TODAY = dayNumber('2026-11-23');
/** Worked by hand below: weights 0.5, own 0.9, Won 1, Lost 0, 0.1, 0.2, Won 1, 0.75. */
const DEALS: PlainDeal[] = [
  { stage: 'Proposal', value: 8000, close: '2027-01-20' }, //              2027-01: 8000, weighted 4000
  { stage: 'Negotiation', value: 12000, own: 0.9, close: '2026-11-30' }, // 2026-11: 12000, weighted 10800
  { stage: 'Closed Won', value: 7000, close: '2026-09-30' }, //            2026-09: won 7000, weighted 7000
  { stage: 'Closed Lost', value: 3000, close: '2026-08-15' }, //           never counted
  { stage: 'Lead Generation', value: 1000, close: '2026-10-15' }, //       2026-10: 1000, weighted 100 (overdue by November)
  { stage: 'Initial Contact', value: 2500 }, //                            no close date: 2500, weighted 500
  { stage: 'Closed Won', value: 4000, close: '2026-11-02' }, //            2026-11: won 4000, weighted 4000
  { stage: 'Negotiation', value: 15000, close: '2027-04-15' }, //          2027-04: 15000, weighted 11250
];

test('without a horizon: every month from the first close to the last, empty months included, then undated deals', () => {
  const fc = forecastByMonth(dealSetOf(table, DEALS));
  expect(fc.ok).toBe(true);
  expect(fc.ok && rounded(fc.rows)).toEqual([
    row('2026-09', 1, 0, 7000, 7000),
    row('2026-10', 1, 1000, 100, 0),
    row('2026-11', 2, 12000, 10800 + 4000, 4000),
    row('2026-12', 0, 0, 0, 0),
    row('2027-01', 1, 8000, 4000, 0),
    row('2027-02', 0, 0, 0, 0),
    row('2027-03', 0, 0, 0, 0),
    row('2027-04', 1, 15000, 11250, 0),
    row(NO_CLOSE_DATE, 1, 2500, 500, 0),
  ]);
});

test('with a 3-month horizon on 23 Nov 2026: open deals from past months are Overdue, won ones dropped; months past January dropped', () => {
  const fc = forecastByMonth(dealSetOf(table, DEALS), { today: TODAY, months: 3 });
  expect(fc.ok && rounded(fc.rows)).toEqual([
    row(OVERDUE, 1, 1000, 100, 0),
    row('2026-11', 2, 12000, 14800, 4000),
    row('2026-12', 0, 0, 0, 0),
    row('2027-01', 1, 8000, 4000, 0),
    row(NO_CLOSE_DATE, 1, 2500, 500, 0),
  ]);
  expect([OVERDUE, NO_CLOSE_DATE]).toEqual(['Overdue', 'No close date']);
});

test('the month boundary: the 1st of this month is this month, the last day of last month is overdue', () => {
  const fc = forecastByMonth(
    dealSetOf(table, [
      { stage: 'Proposal', value: 10, close: '2026-11-01' },
      { stage: 'Proposal', value: 20, close: '2026-10-31' },
    ]),
    { today: TODAY, months: 1 },
  );
  expect(fc.ok && fc.rows).toEqual([row(OVERDUE, 1, 20, 10, 0), row('2026-11', 1, 10, 5, 0)]);
});

test('no deals: no rows without a horizon; N empty months with one, and no Overdue or undated row', () => {
  expect(forecastByMonth(dealSetOf(table, []))).toEqual({ ok: true, rows: [] });
  expect(forecastByMonth(dealSetOf(table, [{ stage: 'Closed Lost', value: 5, close: '2026-01-01' }]))).toEqual({
    ok: true,
    rows: [],
  });
  const fc = forecastByMonth(dealSetOf(table, []), { today: dayNumber('2026-12-31'), months: 2 });
  expect(fc.ok && fc.rows).toEqual([row('2026-12', 0, 0, 0, 0), row('2027-01', 0, 0, 0, 0)]);
});

test(`close dates over more than ${MAX_FORECAST_MONTHS} months are an error naming the span; exactly ${MAX_FORECAST_MONTHS} is fine`, () => {
  // January 2026 to January 2046: 20 x 12 + 1 = 241 months.
  const wide = forecastByMonth(
    dealSetOf(table, [
      { stage: 'Proposal', close: '2026-01-15' },
      { stage: 'Proposal', close: '2046-01-15' },
    ]),
  );
  expect(wide).toEqual({
    ok: false,
    error: 'close dates span 241 months (2026-01 to 2046-01); give a months argument of 240 or fewer',
  });
  const fits = forecastByMonth(
    dealSetOf(table, [
      { stage: 'Proposal', close: '2045-12-31' },
      { stage: 'Proposal', close: '2026-01-01' },
    ]),
  );
  expect(fits.ok && [fits.rows.length, fits.rows[0]?.label, fits.rows.at(-1)?.label]).toEqual([
    240,
    '2026-01',
    '2045-12',
  ]);
  // With a horizon the span does not matter: far dates fall outside it.
  expect(
    forecastByMonth(
      dealSetOf(table, [
        { stage: 'Proposal', close: '1990-01-15' },
        { stage: 'Proposal', close: '2046-01-15' },
      ]),
      { today: TODAY, months: 1 },
    ).ok,
  ).toBe(true);
});

test('ForecastBins fed months out of order grows both ways; a month past the cap is refused but still reported', () => {
  const jan2026 = 2026 * 12; // month index = year x 12 + month (0-based)
  const bins = new ForecastBins();
  bins.add(jan2026 + 4, false, 100, 0.5);
  bins.add(jan2026 + 1, true, 40, 1);
  bins.add(NaN, false, 7, 0.1);
  expect(bins.result()).toEqual({
    ok: true,
    rows: [
      row('2026-02', 1, 0, 40, 40),
      row('2026-03', 0, 0, 0, 0),
      row('2026-04', 0, 0, 0, 0),
      row('2026-05', 1, 100, 50, 0),
      row(NO_CLOSE_DATE, 1, 7, 7 * 0.1, 0),
    ],
  });
  bins.add(jan2026 + 400, false, 1, 1);
  expect(bins.result()).toEqual({
    ok: false,
    error: 'close dates span 400 months (2026-02 to 2059-05); give a months argument of 240 or fewer',
  });
});

test('600 random deals, with and without a horizon: every row equals plain month bins over the deals', () => {
  const deals = randomDeals(seededRandom(11), 600);
  const set = dealSetOf(table, deals);
  type Bin = { deals: number; pipeline: number; weighted: number; won: number };
  const add = (m: Map<string, Bin>, key: string, d: PlainDeal): void => {
    const b = m.get(key) ?? { deals: 0, pipeline: 0, weighted: 0, won: 0 };
    const v = d.value ?? 0;
    b.deals++;
    if (defaultStage(d.stage).outcome === 'Won') b.won += v;
    else b.pipeline += v;
    b.weighted += v * expectedWeight(d.stage, d.own);
    m.set(key, b);
  };
  const months = (from: string, to: string): string[] => {
    const out: string[] = [];
    let [y, m] = from.split('-').map(Number) as [number, number];
    for (let label = from; label <= to; label = `${y}-${String(m).padStart(2, '0')}`) {
      out.push(label);
      m++;
      if (m === 13) {
        m = 1;
        y++;
      }
    }
    return out;
  };
  const rowsOf = (labels: string[], bins: Map<string, Bin>) =>
    labels.map((label) => ({ label, ...(bins.get(label) ?? { deals: 0, pipeline: 0, weighted: 0, won: 0 }) }));
  const counted = deals.filter((d) => defaultStage(d.stage).outcome !== 'Lost');

  // Without a horizon.
  const bins = new Map<string, Bin>();
  for (const d of counted) add(bins, d.close === undefined ? NO_CLOSE_DATE : d.close.slice(0, 7), d);
  const dated = [...bins.keys()].filter((k) => k !== NO_CLOSE_DATE).sort();
  const expected = rowsOf(
    [...months(dated[0]!, dated.at(-1)!), ...(bins.has(NO_CLOSE_DATE) ? [NO_CLOSE_DATE] : [])],
    bins,
  );
  const got = forecastByMonth(set);
  expect(got.ok && rounded(got.rows)).toEqual(rounded(expected));

  // Six months from 10 June 2026.
  const today = dayNumber('2026-06-10');
  const first = monthOfDay(today);
  const window = months(first, '2026-11');
  const h = new Map<string, Bin>();
  for (const d of counted) {
    if (d.close === undefined) add(h, NO_CLOSE_DATE, d);
    else if (d.close.slice(0, 7) < first) {
      if (defaultStage(d.stage).outcome === 'Open') add(h, OVERDUE, d);
    } else if (window.includes(d.close.slice(0, 7))) add(h, d.close.slice(0, 7), d);
  }
  const inWindow = rowsOf(
    [...(h.has(OVERDUE) ? [OVERDUE] : []), ...window, ...(h.has(NO_CLOSE_DATE) ? [NO_CLOSE_DATE] : [])],
    h,
  );
  expect([h.has(OVERDUE), h.has(NO_CLOSE_DATE)]).toEqual([true, true]);
  const gotWindow = forecastByMonth(set, { today, months: 6 });
  expect(gotWindow.ok && rounded(gotWindow.rows)).toEqual(rounded(inWindow));
});
