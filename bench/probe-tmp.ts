import { Emulator } from '../emulator';
import { wallToInstant } from '../emulator/time';
import { DEFAULT_STAGE_NAMES } from '../fixtures/deals';
import { STAGE_TABLE, makeBaselines, Baselines } from './baselines';
const ZONE = 'America/New_York';
const emu = new Emulator({ timeZone: ZONE, distDir: process.env.DIST ?? undefined }).load();
const n = 100000;
const midnight: number[] = [];
const dayStart = (k: number): number => (midnight[k] ??= wallToInstant(2025, 1, 1 + k, ZONE).getTime());
const stages: unknown[][] = [], created: unknown[][] = [], closed: unknown[][] = [], values: unknown[][] = [];
for (let i = 0; i < n; i++) { values.push([i]); stages.push([DEFAULT_STAGE_NAMES[(i * 31) % 7]]); const c = i % 300; created.push([new Date(dayStart(c))]); closed.push([new Date(dayStart(c + ((i * 13) % 120) + 1))]); }
const S = emu.adopt(stages), C = emu.adopt(created), D = emu.adopt(closed), V = emu.adopt(values);
const T = emu.adopt(STAGE_TABLE);
const B = (emu.evaluate(`(${makeBaselines.toString()})`) as (t: unknown) => Baselines)(T);
const which = process.argv[2] ?? 'SALES_CYCLE_DAYS';
const args = which === 'SALES_CYCLE_DAYS' ? [C, D, S, T] : which === 'FORECAST_BY_MONTH' ? [V, S, D, T] : which === 'SALES_VELOCITY' ? [V, S, C, D, T] : which === 'STAGE_PROBABILITY' || which === 'WIN_RATE' ? [S, T] : [V, S, T];
const base = (): unknown => B[which]!({ values: V, stages: S, created: C, closed: D });
const run = (): unknown => emu.callCustomFunction(which, ...args);
for (let r = 0; r < 100; r++) { run(); base(); }
const med = (xs: number[]): number => xs.sort((a, b) => a - b)[xs.length >> 1]!;
for (let rep = 0; rep < 3; rep++) {
  const ta: number[] = [], tb: number[] = [];
  for (let r = 0; r < 60; r++) { let t0 = performance.now(); run(); ta.push(performance.now() - t0); t0 = performance.now(); base(); tb.push(performance.now() - t0); }
  console.log(which, 'ours', med(ta).toFixed(3), 'base', med(tb).toFixed(3), 'ratio', (med(ta) / med(tb)).toFixed(2), 'min ratio', (Math.min(...ta) / Math.min(...tb)).toFixed(2));
}
{
  const one = emu.adopt([['Closed Won']]);
  for (let r = 0; r < 200; r++) emu.callCustomFunction('WIN_RATE', one, T);
  let t0 = performance.now();
  for (let r = 0; r < 200; r++) emu.callCustomFunction('WIN_RATE', one, T);
  console.log('fixed overhead per call ms', ((performance.now() - t0) / 200).toFixed(4));
  const c1 = emu.adopt([[new Date(dayStart(3))]]), d1 = emu.adopt([[new Date(dayStart(9))]]);
  for (let r = 0; r < 200; r++) emu.callCustomFunction('SALES_CYCLE_DAYS', c1, d1, one, T);
  t0 = performance.now();
  for (let r = 0; r < 200; r++) emu.callCustomFunction('SALES_CYCLE_DAYS', c1, d1, one, T);
  console.log('one-row SALES_CYCLE_DAYS ms', ((performance.now() - t0) / 200).toFixed(4));
}
