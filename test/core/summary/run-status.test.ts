/** src/core/summary/run-status.ts: the last-run line, row 2 of the summary tab. */
import { runStatusCells } from '../../../src/core/summary/run-status';

test('before any run: "Last run | never" and blanks, 7 cells', () => {
  expect(runStatusCells(undefined)).toEqual(['Last run', 'never', '', '', '', '', '']);
});

test('a run: job, start, duration in seconds to one decimal, result, message', () => {
  const status = {
    job: 'Daily refresh',
    started: '2026-11-23 10:00',
    durationMs: 1234,
    result: 'OK' as const,
    message: 'summary rebuilt',
  };
  expect(runStatusCells(status)).toEqual([
    'Last run',
    'Daily refresh',
    '2026-11-23 10:00',
    '1.2 s',
    'OK',
    'summary rebuilt',
    '',
  ]);
  // 0 ms, 61 s, 1.96 s rounds up to 2.0.
  expect([0, 61_000, 1960].map((durationMs) => runStatusCells({ ...status, durationMs })[3])).toEqual([
    '0.0 s',
    '61.0 s',
    '2.0 s',
  ]);
  expect(runStatusCells({ ...status, result: 'Failed', message: 'Deals tab missing' }).slice(4, 6)).toEqual([
    'Failed',
    'Deals tab missing',
  ]);
});
