/**
 * npm run bench [-- --json]: each custom function through the built bundle at 1k/10k/100k deals
 * against a hand-written single-pass loop over the same arrays (the baseline), and each job at
 * 1k/10k/50k deals (4 history moves each) with the emulator's count of service calls.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { Emulator } from '../emulator';
import { DEAL_HEADERS } from '../test/helpers/workbook';
import { CATALOG, FunctionSpec } from '../src/functions/catalog';
import { Baselines, Columns, STAGE_TABLE, makeBaselines } from './baselines';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)] as number; };
function time(run: () => unknown, reps: number): number {
  run();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); run(); ts.push(performance.now() - t); }
  return median(ts);
}

/** Times two runs alternately, so GC pauses and CPU noise fall on both alike. Medians in ms. */
function timePair(a: () => unknown, b: () => unknown, reps: number): [number, number] {
  a(); b(); a(); b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now(); a(); ta.push(performance.now() - t);
    t = performance.now(); b(); tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

const STAGES = ['Lead Generation', 'Initial Contact', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost'];
function columns(emu: Emulator, n: number): Columns {
  const values: unknown[][] = [], stages: unknown[][] = [], created: unknown[][] = [], closed: unknown[][] = [];
  for (let i = 0; i < n; i++) {
    values.push([((i * 7919) % 50_000) + 500]);
    stages.push([STAGES[(i * 31) % 7]]);
    const c = new Date(2025, 0, 1 + (i % 300));
    created.push([c]);
    closed.push([new Date(c.getTime() + (((i * 13) % 120) + 1) * 86_400_000)]);
  }
  return { values: emu.adopt(values), stages: emu.adopt(stages), created: emu.adopt(created), closed: emu.adopt(closed) };
}

/** Each function's arguments by the catalog's parameter names; optional ones the bench does not give are left out. */
function catalogArgs(spec: FunctionSpec, c: Columns, table: unknown): unknown[] {
  const byName: Record<string, unknown> = { values: c.values, stages: c.stages, created: c.created, closed: c.closed, close_dates: c.closed, stage_table: table, from_stage: 'Qualification', to_stage: 'Proposal' };
  const args = spec.params.map((p) => {
    if (!(p.name in byName) && !p.optional) throw new Error(`the bench has no argument for ${spec.name}'s ${p.name}`);
    return byName[p.name];
  });
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return args;
}

interface Row { function: string; rows: number; medianMs: number; baselineMs: number; ratio: number }
const fnRows: Row[] = [];
const emu = new Emulator().load();
const BASELINES = (emu.evaluate(`(${makeBaselines.toString()})`) as (t: unknown) => Baselines)(emu.adopt(STAGE_TABLE));
for (const n of quick ? [1000, 10_000] : [1000, 10_000, 100_000]) {
  const c = columns(emu, n);
  const table = emu.adopt(STAGE_TABLE);
  const reps = n >= 100_000 ? 25 : 41;
  for (const spec of CATALOG) {
    const name = spec.name;
    const b = BASELINES[name];
    if (!b) throw new Error(`bench/baselines.ts has no baseline for ${name}`);
    const args = catalogArgs(spec, c, table);
    const [ms, base] = timePair(() => emu.callCustomFunction(name, ...args), () => b.baseline(c), reps);
    fnRows.push({ function: name, rows: n, medianMs: +ms.toFixed(3), baselineMs: +base.toFixed(3), ratio: +(ms / base).toFixed(2) });
  }
}

interface JobRow { job: string; rows: number; medianMs: number; serviceCalls: number; heapMB: number }
const jobRows: JobRow[] = [];
function workbook(n: number): Emulator {
  const e = new Emulator().load();
  e.counter.quiet(() => {
    const deals = e.book.insertSheet('Deals');
    deals.insertRowsAfter(1000, n);
    const rows = [DEAL_HEADERS, ...Array.from({ length: n }, (_, i) => DEAL_HEADERS.map((h) => ({
      'Deal ID': `D-${i}`, Deal: `Deal ${i}`, Company: `Co ${i % 300}`, Owner: `Rep ${i % 12}`, Stage: STAGES[(i * 31) % 7], Value: ((i * 7919) % 50_000) + 500,
      'Expected Close': new Date(2026, 10 + (i % 8), 1 + (i % 27)), Created: new Date(2026, i % 10, 1), 'Stage Entered': new Date(2026, 10, 1 + (i % 22)),
      'Last Activity': new Date(2026, 9 + (i % 2), 1 + (i % 27)), Budget: i % 2 === 0, 'Lost Reason': (i * 31) % 7 === 6 ? 'price' : '',
    } as Record<string, unknown>)[h] ?? ''))];
    deals.getRange(1, 1, rows.length, DEAL_HEADERS.length).setValues(rows);
    const history = e.book.insertSheet('Stage History');
    history.insertRowsAfter(1000, 4 * n);
    const h: unknown[][] = [['Timestamp', 'Deal ID', 'Deal', 'From', 'To', 'Changed by', 'Via', 'Note']];
    for (let i = 0; i < n; i++) for (let k = 0; k < 4; k++) h.push([new Date(2026, 0, 1 + k), `D-${i}`, `Deal ${i}`, STAGES[k], STAGES[k + 1], 'rep', 'edit', '']);
    history.getRange(1, 1, h.length, 8).setValues(h);
  });
  e.call('menuSetUpPipeline');
  return e;
}
for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
  const e = workbook(n);
  for (const [job, fn] of [['Flag stale deals', 'menuFlagStaleDeals'], ['Refresh summary', 'menuRefreshSummary']] as const) {
    e.call(fn);
    e.counter.reset();
    e.call(fn);
    const calls = e.counter.total();
    const ms = time(() => e.call(fn), n >= 50_000 ? 3 : 5);
    (globalThis as { gc?: () => void }).gc?.();
    jobRows.push({ job, rows: n, medianMs: +ms.toFixed(1), serviceCalls: calls, heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0) });
  }
}

// onEdit for a 500-row paste into Stage (no oldValue: old stages come from Stage History), on each workbook size.
for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
  const e = workbook(n);
  const deals = e.counter.quiet(() => e.book.getSheetByName('Deals'));
  if (!deals) throw new Error('no Deals tab');
  const range = e.counter.quiet(() => deals.getRange(2, DEAL_HEADERS.indexOf('Stage') + 1, 500, 1));
  let flip = 0;
  const paste = (): void => {
    flip++;
    e.edit(range, Array.from({ length: 500 }, (_, i) => [STAGES[(i + flip) % 5]]));
  };
  paste();
  e.counter.reset();
  paste();
  const calls = e.counter.total();
  const ms = time(paste, 5);
  (globalThis as { gc?: () => void }).gc?.();
  jobRows.push({ job: 'Paste 500 stages (onEdit)', rows: n, medianMs: +ms.toFixed(1), serviceCalls: calls, heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0) });
}

// What every custom-function call pays first: loading dist/Code.js into a fresh V8 context.
const code = readFileSync(join(emu.distDir, 'Code.js'), 'utf8');
const loadMs = time(() => { const ctx = vm.createContext({}); vm.runInContext(code, ctx); }, 41);
const codeKiB = +(Buffer.byteLength(code) / 1024).toFixed(1);

if (json) {
  console.log(JSON.stringify({ codeJs: { kib: codeKiB, loadMs: +loadMs.toFixed(2) }, functions: fnRows, jobs: jobRows }, null, 2));
} else {
  console.log(`dist/Code.js: ${codeKiB} KiB, loads into a fresh V8 context in ${loadMs.toFixed(2)} ms (median)\n`);
  console.log('Custom functions through dist/Code.js (median ms) vs a hand-written single-pass loop');
  console.log('| function | rows | ms | baseline ms | ratio | growth from 10x fewer rows |\n|---|---:|---:|---:|---:|---:|');
  for (const r of fnRows) {
    const smaller = fnRows.find((x) => x.function === r.function && x.rows * 10 === r.rows);
    console.log(`| ${r.function} | ${r.rows} | ${r.medianMs} | ${r.baselineMs} | ${r.ratio} | ${smaller ? `x${(r.medianMs / smaller.medianMs).toFixed(1)}` : ''} |`);
  }
  console.log('\nJobs through dist/Code.js in the emulator (median ms, service calls per run)');
  console.log('| job | deals | ms | service calls | heap MB |\n|---|---:|---:|---:|---:|');
  for (const r of jobRows) console.log(`| ${r.job} | ${r.rows} | ${r.medianMs} | ${r.serviceCalls} | ${r.heapMB} |`);
}
