/**
 * Property: on random well-formed columns (numbers, money text, blanks, stage names in any case,
 * numeric stage names, dates as Date cells, text and serials, fully blank rows), every function
 * equals a plain reference computed here row by row, the way DOMAIN.md states each rule.
 */
import fc from 'fast-check';
import { isoOfDay as iso, monthOfDay as monthLabel, MS_PER_DAY as DAY } from '../../fixtures/calendar-days';
import { midnightIn } from '../helpers/date-cells';
import { FunctionContext } from '../../src/functions/context';
import * as F from '../../src/functions/pipeline-functions';
import type { CellValue } from '../../src/core/values';

const ZONE = 'Europe/Berlin';
const ctx: FunctionContext = {
  readSettings: () => undefined,
  timeZone: () => ZONE,
  now: () => new Date(Date.UTC(2026, 10, 23, 12)),
};
const TABLE = [
  ['Stage', 'Win probability', 'Outcome'],
  ['Lead', 0.1, 'Open'],
  [2, 0.4, 'Open'],
  ['Proposal', 0.5, 'Open'],
  ['Won', 1, 'Won'],
  ['Lost', 0, 'Lost'],
];
const STAGES = TABLE.slice(1).map((r) => ({
  name: r[0] as string | number,
  p: r[1] as number,
  outcome: r[2] as string,
}));
const FIRST_DAY = Date.UTC(2025, 0, 1) / DAY;

interface Deal {
  blank: boolean;
  stage: number;
  stageCell: CellValue;
  value: number;
  valueCell: CellValue;
  created: number | null;
  createdCell: CellValue;
  closed: number | null;
  closedCell: CellValue;
}

const dateCell = (day: number, form: number): CellValue => {
  if (form === 0) return midnightIn(iso(day), ZONE);
  if (form === 1) return iso(day);
  return day + 25_569; // a Sheets serial
};
const deal = fc
  .record({
    blank: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    stage: fc.integer({ min: 0, max: STAGES.length - 1 }),
    stageForm: fc.integer({ min: 0, max: 2 }),
    value: fc.integer({ min: -1000, max: 100_000 }),
    valueForm: fc.integer({ min: 0, max: 3 }),
    created: fc.integer({ min: 0, max: 500 }),
    length: fc.integer({ min: 0, max: 200 }),
    createdForm: fc.integer({ min: 0, max: 2 }),
    closedForm: fc.integer({ min: 0, max: 2 }),
    undated: fc.boolean(),
  })
  .map((r): Deal => {
    if (r.blank)
      return {
        blank: true,
        stage: -1,
        stageCell: '',
        value: 0,
        valueCell: '',
        created: null,
        createdCell: '',
        closed: null,
        closedCell: '',
      };
    const s = STAGES[r.stage] as (typeof STAGES)[number];
    const stageCell =
      typeof s.name === 'number'
        ? r.stageForm === 0
          ? s.name
          : String(s.name)
        : r.stageForm === 0
          ? s.name
          : r.stageForm === 1
            ? ` ${s.name.toUpperCase()} `
            : s.name.toLowerCase();
    const value = r.valueForm === 3 ? 0 : r.value;
    const valueCell =
      r.valueForm === 0
        ? value
        : r.valueForm === 1
          ? `${value < 0 ? '-' : ''}$${Math.abs(value).toLocaleString('en-US')}`
          : r.valueForm === 2
            ? value < 0
              ? `(${-value})`
              : String(value)
            : '';
    // Won deals always carry both dates (SALES_CYCLE_DAYS requires them); others may have none.
    const dated = s.outcome === 'Won' || !r.undated;
    const created = dated ? FIRST_DAY + r.created : null;
    const closed = dated ? FIRST_DAY + r.created + r.length : null;
    return {
      blank: false,
      stage: r.stage,
      stageCell,
      value,
      valueCell,
      created,
      createdCell: created === null ? '' : dateCell(created, r.createdForm),
      closed,
      closedCell: closed === null ? '' : dateCell(closed, r.closedForm),
    };
  });

const col = (deals: Deal[], k: 'stageCell' | 'valueCell' | 'createdCell' | 'closedCell'): CellValue[][] =>
  deals.map((d) => [d[k]]);
const outcome = (d: Deal): string => (STAGES[d.stage] as (typeof STAGES)[number]).outcome;
const weight = (d: Deal): number =>
  outcome(d) === 'Won' ? 1 : outcome(d) === 'Lost' ? 0 : (STAGES[d.stage] as (typeof STAGES)[number]).p;

test('every function equals the row-by-row reference on random well-formed columns', () => {
  fc.assert(
    fc.property(fc.array(deal, { minLength: 1, maxLength: 60 }), (all) => {
      const deals = all.filter((d) => !d.blank);
      const [values, stages, created, closed] = [
        col(all, 'valueCell'),
        col(all, 'stageCell'),
        col(all, 'createdCell'),
        col(all, 'closedCell'),
      ];
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      const open = deals.filter((d) => outcome(d) === 'Open');
      const won = deals.filter((d) => outcome(d) === 'Won');
      const lost = deals.filter((d) => outcome(d) === 'Lost');

      expect(F.weightedForecastFn(ctx, values, stages, TABLE, undefined)).toBeCloseTo(
        sum(deals.map((d) => d.value * weight(d))),
        6,
      );
      expect(F.pipelineValueFn(ctx, values, stages, TABLE)).toBeCloseTo(sum(open.map((d) => d.value)), 6);
      if (won.length + lost.length > 0)
        expect(F.winRateFn(ctx, stages, TABLE)).toBeCloseTo(won.length / (won.length + lost.length), 12);
      else expect(() => F.winRateFn(ctx, stages, TABLE)).toThrow('no closed deals');
      if (won.length > 0) {
        expect(F.averageDealSizeFn(ctx, values, stages, TABLE)).toBeCloseTo(
          sum(won.map((d) => d.value)) / won.length,
          6,
        );
        const cycle = sum(won.map((d) => (d.closed as number) - (d.created as number))) / won.length;
        expect(F.salesCycleDaysFn(ctx, created, closed, stages, TABLE)).toBeCloseTo(cycle, 9);
        if (lost.length + won.length > 0 && cycle > 0) {
          const velocity =
            (open.length * (won.length / (won.length + lost.length)) * (sum(won.map((d) => d.value)) / won.length)) /
            cycle;
          expect(F.salesVelocityFn(ctx, values, stages, created, closed, TABLE)).toBeCloseTo(velocity, 6);
        }
      }

      // Funnel and conversion: a deal reached its own stage and every open stage before it; lost deals none.
      const shown = STAGES.map((s, i) => ({ s, i })).filter(({ s }) => s.outcome !== 'Lost');
      const reachedBy = (i: number): Deal[] => deals.filter((d) => outcome(d) !== 'Lost' && d.stage >= i);
      const funnel = F.funnelFn(ctx, stages, values, TABLE);
      expect(funnel.slice(1).map((r) => r.slice(0, 4))).toEqual(
        shown.map(({ s, i }) => [
          s.name === 2 ? '2' : s.name,
          reachedBy(i).length,
          sum(reachedBy(i).map((d) => d.value)),
          expect.closeTo(sum(reachedBy(i).map((d) => d.value * weight(d))), 6),
        ]),
      );
      const from = reachedBy(0).length;
      if (from > 0)
        expect(F.conversionRateFn(ctx, stages, 'Lead', 'Proposal', TABLE)).toBeCloseTo(reachedBy(2).length / from, 12);

      // Forecast: open and won deals by close month, every month between, undated last.
      const dated = deals.filter((d) => outcome(d) !== 'Lost' && d.closed !== null);
      const undated = deals.filter((d) => outcome(d) !== 'Lost' && d.closed === null);
      const months = [...new Set(dated.map((d) => monthLabel(d.closed as number)))].sort();
      const expected: unknown[][] = [['Month', 'Deals', 'Pipeline', 'Weighted', 'Won']];
      if (months.length > 0) {
        const [y0, m0] = (months[0] as string).split('-').map(Number);
        for (let k = 0; ; k++) {
          const label = `${(y0 as number) + Math.floor(((m0 as number) - 1 + k) / 12)}-${String((((m0 as number) - 1 + k) % 12) + 1).padStart(2, '0')}`;
          const inMonth = dated.filter((d) => monthLabel(d.closed as number) === label);
          expected.push([
            label,
            inMonth.length,
            sum(inMonth.filter((d) => outcome(d) === 'Open').map((d) => d.value)),
            expect.closeTo(sum(inMonth.map((d) => d.value * weight(d))), 6),
            sum(inMonth.filter((d) => outcome(d) === 'Won').map((d) => d.value)),
          ]);
          if (label === months[months.length - 1]) break;
        }
      }
      if (undated.length > 0)
        expected.push([
          'No close date',
          undated.length,
          sum(undated.filter((d) => outcome(d) === 'Open').map((d) => d.value)),
          expect.closeTo(sum(undated.map((d) => d.value * weight(d))), 6),
          sum(undated.filter((d) => outcome(d) === 'Won').map((d) => d.value)),
        ]);
      if (deals.length > 0)
        expect(F.forecastByMonthFn(ctx, values, stages, closed, TABLE, undefined)).toEqual(expected);
    }),
    { numRuns: 300 },
  );
});
