/** Property: over random messy columns, every function returns a finite result or throws its documented error. */
import fc from 'fast-check';
import * as F from '../../src/functions/pipeline-functions';
import { FunctionContext } from '../../src/functions/context';
import { FunctionError } from '../../src/functions/errors';

const ctx: FunctionContext = {
  readSettings: () => undefined,
  timeZone: () => 'Europe/Berlin',
  now: () => new Date(Date.UTC(2026, 10, 23, 12)),
};
const messy = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e6, max: 1e7 }),
  fc.constantFrom('', 'tbd', '$12,500.50', '1,000', '35%', 'TRUE', '-', '=1+1'),
  fc.boolean(),
  fc.date({ min: new Date(1990, 0, 1), max: new Date(2040, 0, 1), noInvalidDate: true }),
  fc.constant(null),
);
const stage = fc.constantFrom(
  'Lead Generation',
  'Qualification',
  'Proposal',
  'Negotiation',
  'Closed Won',
  'closed lost',
  'Pitch',
  '',
  42,
);
const column = <T>(arb: fc.Arbitrary<T>, n: number) =>
  fc.array(arb, { minLength: n, maxLength: n }).map((xs) => xs.map((x) => [x]));

const finite = (v: unknown): boolean => {
  if (typeof v === 'number') return Number.isFinite(v);
  if (Array.isArray(v))
    return v.every((r) =>
      (r as unknown[]).every((c) => c === '' || typeof c === 'string' || (typeof c === 'number' && Number.isFinite(c))),
    );
  return false;
};

function check(name: string, run: () => unknown): void {
  try {
    const v = run();
    if (!finite(v)) throw new Error(`${name} returned ${String(v)}`);
  } catch (e) {
    if (!(e instanceof FunctionError) || !(e as Error).message.startsWith(`${name}: `)) throw e;
  }
}

test('every function returns finite results or a named error on messy columns', () => {
  fc.assert(
    fc.property(
      fc
        .integer({ min: 1, max: 30 })
        .chain((n) =>
          fc.tuple(column(messy, n), column(stage, n), column(messy, n), column(messy, n), column(messy, n)),
        ),
      ([values, stages, probs, created, closed]) => {
        check('WEIGHTED_FORECAST', () => F.weightedForecastFn(ctx, values, stages, undefined, probs));
        check('PIPELINE_VALUE', () => F.pipelineValueFn(ctx, values, stages, undefined));
        check('STAGE_PROBABILITY', () => F.stageProbabilityFn(ctx, stages, undefined));
        check('WIN_RATE', () => F.winRateFn(ctx, stages, undefined));
        check('AVERAGE_DEAL_SIZE', () => F.averageDealSizeFn(ctx, values, stages, undefined));
        check('SALES_CYCLE_DAYS', () => F.salesCycleDaysFn(ctx, created, closed, stages, undefined));
        check('SALES_VELOCITY', () => F.salesVelocityFn(ctx, values, stages, created, closed, undefined));
        check('CONVERSION_RATE', () => F.conversionRateFn(ctx, stages, 'Qualification', 'Proposal', undefined));
        check('FUNNEL', () => F.funnelFn(ctx, stages, values, undefined));
        check('FORECAST_BY_MONTH', () => F.forecastByMonthFn(ctx, values, stages, closed, undefined, 6));
      },
    ),
    { numRuns: 400 },
  );
});

test('on clean columns every function returns a finite result', () => {
  const clean = fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.tuple(
        column(fc.integer({ min: 0, max: 1e6 }), n),
        column(fc.constantFrom('Lead Generation', 'Proposal', 'Closed Won', 'Closed Lost'), n),
      ),
    );
  fc.assert(
    fc.property(clean, ([values, stages]) => {
      expect(finite(F.weightedForecastFn(ctx, values, stages, undefined, undefined))).toBe(true);
      expect(finite(F.funnelFn(ctx, stages, values, undefined))).toBe(true);
    }),
  );
});
