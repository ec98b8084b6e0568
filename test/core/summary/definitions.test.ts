/** src/core/summary/definitions.ts: the number formats and what each figure means, as DOMAIN.md words it. */
import { DAYS, DEFINITIONS, MONEY, PERCENT } from '../../../src/core/summary/definitions';

test('number formats: whole money, percent to one decimal, days to one decimal', () => {
  expect([MONEY, PERCENT, DAYS]).toEqual(['$#,##0', '0.0%', '0.0']);
});

test('each figure has a definition, and each states the rule DOMAIN.md gives', () => {
  expect(Object.keys(DEFINITIONS).sort()).toEqual([
    'accuracy',
    'bottleneck',
    'changes',
    'conversion',
    'cycle',
    'dealSize',
    'observed',
    'open',
    'pipeline',
    'priority',
    'slipped',
    'snapshotCheck',
    'stuck',
    'timeInStage',
    'velocity',
    'waterfall',
    'weighted',
    'winRate',
  ]);
  expect(DEFINITIONS.pipeline).toMatch(/sum of Value over open deals/);
  expect(DEFINITIONS.weighted).toMatch(
    /deal's own Probability when filled, else its stage's win probability; Won deals weigh 100%, Lost 0%/,
  );
  expect(DEFINITIONS.winRate).toMatch(/won \/ \(won \+ lost\)/);
  expect(DEFINITIONS.dealSize).toMatch(/mean Value of won deals/);
  expect(DEFINITIONS.cycle).toMatch(
    /from Created to close .*entered its Won stage, or Expected Close when that is missing/,
  );
  expect(DEFINITIONS.velocity).toMatch(/open deals x win rate x average deal size \/ average sales cycle/);
  expect(DEFINITIONS.priority).toMatch(/weighted sum of five factors/);
  expect(DEFINITIONS.conversion).toMatch(/reached the next stage \/ deals that reached this one/);
  expect(DEFINITIONS.timeInStage).toMatch(/median and 75th percentile as Sheets MEDIAN and PERCENTILE/);
  expect(DEFINITIONS.stuck).toMatch(/exceed the 75th percentile/);
  expect(DEFINITIONS.bottleneck).toMatch(/lowest conversion to the next stage/);
  expect(DEFINITIONS.observed).toMatch(/\(won \+ 10 x set\) \/ \(closed \+ 10\)/);
  expect(DEFINITIONS.accuracy).toMatch(/30, 60 and 90 days before the month began/);
});
