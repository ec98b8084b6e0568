/**
 * npm run bench [-- --json] [-- --quick] [-- --functions | --jobs] [-- --only NAME,NAME]: each custom function of
 * the catalog through the built bundle at 1k/10k/100k deals against its hand-written baseline over the same
 * arrays, and each job at 1k/10k/50k deals (4 history moves each) with the emulator's count of
 * service calls (`--jobs`: the jobs only). A function whose result differs from its baseline's, or a job that
 * did not succeed, is an error: the run reports it and exits non-zero.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { Emulator } from '../emulator';
import { wallToInstant } from '../emulator/time';
import { DEAL_HEADERS, DEFAULT_STAGE_NAMES, dealRow, generatedDeal } from '../fixtures/deals';
import { CATALOG, FunctionSpec } from '../src/functions/catalog';
import { Baselines, Columns, STAGE_TABLE, makeBaselines } from './baselines';

const json = process.argv.includes('--json');
const quick = process.argv.includes('--quick');
const functionsOnly = process.argv.includes('--functions');
const jobsOnly = process.argv.includes('--jobs');
/** `--only TIME_IN_STAGE,HISTORICAL_WIN_RATE`: just these functions (names or prefixes), for a quick look. */
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
const ZONE = 'America/New_York';
const failures: string[] = [];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
function time(run: () => unknown, reps: number): number {
  run();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    run();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** Times two runs alternately, so GC pauses and CPU noise fall on both alike. Medians in ms. */
function timePair(a: () => unknown, b: () => unknown, reps: number): [number, number] {
  a();
  b();
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < reps; i++) {
    let t = performance.now();
    a();
    ta.push(performance.now() - t);
    t = performance.now();
    b();
    tb.push(performance.now() - t);
  }
  return [median(ta), median(tb)];
}

/** The argument columns as Sheets passes them: date cells as midnight in the spreadsheet's zone. */
function columns(emu: Emulator, n: number): Columns {
  const midnight: number[] = [];
  const dayStart = (k: number): number => (midnight[k] ??= wallToInstant(2025, 1, 1 + k, ZONE).getTime());
  const values: unknown[][] = [],
    stages: unknown[][] = [],
    created: unknown[][] = [],
    closed: unknown[][] = [],
    touch: unknown[][] = [],
    due: unknown[][] = [];
  let adoptedMoves: unknown[][] | undefined;
  for (let i = 0; i < n; i++) {
    values.push([((i * 7919) % 50_000) + 500]);
    stages.push([DEFAULT_STAGE_NAMES[(i * 31) % 7]]);
    const c = i % 300;
    created.push([new Date(dayStart(c))]);
    closed.push([new Date(dayStart(c + ((i * 13) % 120) + 1))]);
    touch.push([new Date(dayStart(c + ((i * 17) % 40)))]);
    due.push([i % 3 === 0 ? '' : new Date(dayStart(c + ((i * 11) % 30)))]);
  }
  // Four Stage History rows per deal, at midday: created, a stage move, a Value change, a close-date push.
  const ids: unknown[][] = [];
  const history: unknown[][] = [];
  const noon = (k: number): Date => new Date(dayStart(k) + 12 * 3_600_000);
  for (let i = 0; i < n; i++) {
    const id = `D-${i}`;
    ids.push([id]);
    const c = i % 300;
    const stage = stages[i]![0] as string;
    const k = DEFAULT_STAGE_NAMES.indexOf(stage);
    const before = DEFAULT_STAGE_NAMES[(k + 3) % 5] as string;
    history.push([noon(c), id, id, '', before, 'x', 'edit', '', '']);
    if (before !== stage) history.push([noon(c + 5 + (i % 40)), id, id, before, stage, 'x', 'sidebar', '', '']);
    else history.push([noon(c + 5), id, id, 100, 200, 'x', 'edit', '', 'Value']);
    history.push([
      noon(c + 3 + (i % 50)),
      id,
      id,
      (values[i]![0] as number) - 250,
      values[i]![0],
      'x',
      'edit',
      '',
      'Value',
    ]);
    const closeDay = c + ((i * 13) % 120) + 1;
    history.push([
      noon(c + 2 + (i % 30)),
      id,
      id,
      new Date(dayStart(closeDay - 9)),
      closed[i]![0],
      'x',
      'edit',
      '',
      'Expected Close',
    ]);
  }
  return {
    values: emu.adopt(values),
    stages: emu.adopt(stages),
    created: emu.adopt(created),
    closed: emu.adopt(closed),
    touch: emu.adopt(touch),
    due: emu.adopt(due),
    // as_of: 1 Oct 2025, inside the dates' span, so every factor takes values across its range.
    asOf: (emu.adopt([[new Date(dayStart(273))]]) as Date[][])[0]?.[0] as Date,
    ids: emu.adopt(ids),
    history: emu.adopt(history),
    from: emu.adopt([[new Date(dayStart(150))]])[0]![0],
    to: emu.adopt([[new Date(dayStart(156))]])[0]![0],
    // Made on first use (the history cases run last), so the other functions run with the heap they always had.
    get moves() {
      if (adoptedMoves === undefined) {
        const moves: unknown[][] = [];
        for (let i = 0; i < n; i++) {
          // 4 moves a deal through the open stages, days apart; rows grouped by move, not by deal.
          const from = i % 3;
          const gap = 1 + ((i * 7) % 20);
          for (let k = 0; k < 4; k++)
            moves[k * n + i] = [
              new Date(dayStart((i % 300) + k * gap)),
              `D-${i}`,
              `Deal ${i}`,
              k === 0 ? '' : DEFAULT_STAGE_NAMES[(from + k - 1) % 5],
              DEFAULT_STAGE_NAMES[(from + k) % 5],
            ];
        }
        adoptedMoves = emu.adopt(moves);
      }
      return adoptedMoves;
    },
  };
}

/** Optional parameters the bench gives (others, such as the observed option's deal_ids and history, are separate cases). */
const GIVEN_OPTIONAL = new Set(['stage_table', 'values', 'as_of']);

/** Each function's arguments by the catalog's parameter names; optional ones the bench does not give are left out. */
function catalogArgs(spec: FunctionSpec, c: Columns, table: unknown, observed = false): unknown[] {
  const byName: Record<string, unknown> = {
    values: c.values,
    stages: c.stages,
    created: c.created,
    closed: c.closed,
    close_dates: c.closed,
    last_touch: c.touch,
    next_step_due: c.due,
    // FORECAST_BY_MONTH's as_of needs months, which the bench does not give.
    as_of: spec.name === 'DEAL_PRIORITY' ? c.asOf : undefined,
    stage_table: table,
    from_stage: 'Qualification',
    to_stage: 'Proposal',
    target: 1_000_000, // LEADS_NEEDED; its baseline uses the same
    from_date: c.from,
    to_date: c.to,
    stage: 'Proposal',
  };
  const args = spec.params.map((p) => {
    // The history columns are made only for the cases that pass them.
    if (p.name === 'deal_ids' || p.name === 'history')
      return !p.optional || observed
        ? p.name === 'deal_ids'
          ? c.ids
          : spec.name === 'PIPELINE_CHANGES'
            ? c.history
            : c.moves
        : undefined;
    if (!(p.name in byName) && !p.optional) throw new Error(`the bench has no argument for ${spec.name}'s ${p.name}`);
    if (p.optional && !GIVEN_OPTIONAL.has(p.name)) return undefined;
    return byName[p.name];
  });
  // PIPELINE_CHANGES takes created before stage_table: give every argument the bench has.
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  return args;
}

/** The function and its baseline did the same job: equal numbers (to rounding), equal tables. */
function sameResult(name: string, ours: unknown, theirs: unknown): boolean {
  const near = (a: unknown, b: unknown): boolean =>
    typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;
  if (typeof ours === 'number') return near(ours, theirs);
  const a = ours as unknown[][];
  const b = theirs as unknown[][];
  if (name.startsWith('FORECAST_BY_MONTH')) {
    // The baseline reads months in the process's zone, ours in the spreadsheet's: compare the totals.
    const total = (t: unknown[][], k: number): number => t.slice(1).reduce((s, r) => s + (r[k] as number), 0);
    return [1, 2, 3, 4].every((k) => near(total(a, k), total(b, k)));
  }
  return (
    a.length === b.length &&
    a.every(
      (row, r) => row.length === (b[r] as unknown[]).length && row.every((v, k) => near(v, (b[r] as unknown[])[k])),
    )
  );
}

interface Row {
  function: string;
  rows: number;
  medianMs: number;
  baselineMs: number;
  ratio: number;
}
const fnRows: Row[] = [];
const emu = new Emulator({ timeZone: ZONE }).load();
const BASELINES = (emu.evaluate(`(${makeBaselines.toString()})`) as (t: unknown) => Baselines)(emu.adopt(STAGE_TABLE));
for (const n of jobsOnly ? [] : quick ? [1000, 10_000] : [1000, 10_000, 100_000]) {
  const c = columns(emu, n);
  const table = emu.adopt(STAGE_TABLE);
  const reps = 41;
  // Each catalog function, then the observed-probability option of the forecasts as cases of their own.
  const cases = [
    ...CATALOG.map((spec) => ({ spec, name: spec.name as string, observed: false })),
    ...CATALOG.filter((s) => s.params.some((p) => p.name === 'history' && p.optional)).map((spec) => ({
      spec,
      name: `${spec.name} (observed)`,
      observed: true,
    })),
  ];
  for (const { spec, name, observed } of cases) {
    if (only.length > 0 && !only.some((o) => name.startsWith(o))) continue;
    const baseline = BASELINES[name];
    if (!baseline) throw new Error(`bench/baselines.ts has no baseline for ${name}`);
    const args = catalogArgs(spec, c, table, observed);
    const started = performance.now();
    const ours = emu.callCustomFunction(spec.name, ...args);
    // Calls of a second or so (the history functions at 100k deals x 4 moves) take fewer pairs.
    const pairs = performance.now() - started > 250 ? 11 : reps;
    if (!sameResult(name, ours, baseline(c))) {
      failures.push(`${name} at ${n} rows: the result differs from its baseline's`);
      if (process.env.BENCH_DEBUG) {
        const a = JSON.stringify(ours);
        const b = JSON.stringify(baseline(c));
        let k = 0;
        while (k < a.length && a[k] === b[k]) k++;
        console.error(name, k, a.slice(Math.max(0, k - 80), k + 80), '|', b.slice(Math.max(0, k - 80), k + 80));
      }
    }
    const [ms, base] = timePair(
      () => emu.callCustomFunction(spec.name, ...args),
      () => baseline(c),
      pairs,
    );
    fnRows.push({
      function: name,
      rows: n,
      medianMs: +ms.toFixed(3),
      baselineMs: +base.toFixed(3),
      ratio: +(ms / base).toFixed(2),
    });
  }
}

interface JobRow {
  job: string;
  rows: number;
  medianMs: number;
  serviceCalls: number;
  heapMB: number;
}
const jobRows: JobRow[] = [];
function workbook(n: number): Emulator {
  const e = new Emulator({ timeZone: ZONE }).load();
  e.counter.quiet(() => {
    const deals = e.book.insertSheet('Deals');
    deals.insertRowsAfter(1000, n);
    const rows = [DEAL_HEADERS, ...Array.from({ length: n }, (_, i) => dealRow(generatedDeal(i)))];
    deals.getRange(1, 1, rows.length, DEAL_HEADERS.length).setValues(rows);
    const history = e.book.insertSheet('Stage History');
    history.insertRowsAfter(1000, 4 * n);
    const h: unknown[][] = [['Timestamp', 'Deal ID', 'Deal', 'From', 'To', 'Changed by', 'Via', 'Note']];
    for (let i = 0; i < n; i++)
      for (let k = 0; k < 4; k++)
        h.push([
          new Date(2026, 0, 1 + k),
          `D-${i}`,
          `Deal ${i}`,
          DEFAULT_STAGE_NAMES[k],
          DEFAULT_STAGE_NAMES[k + 1],
          'rep',
          'edit',
          '',
        ]);
    history.getRange(1, 1, h.length, 8).setValues(h);
  });
  e.call('menuSetUpPipeline');
  return e;
}

/** The last-run line the jobs write on the summary tab: its result must be OK. */
function lastRunResult(e: Emulator): string {
  return e.counter.quiet(() => {
    const rows = e.book.getSheetByName('Pipeline Summary')?.getDataRange().getValues() ?? [];
    const line = rows.find((r) => r[0] === 'Last run');
    return line
      ? `${String(line[4])}${line[4] === 'OK' ? '' : `: ${String(line[5])}`}`
      : 'no last-run line on the summary tab';
  });
}

function historyRows(e: Emulator): number {
  return e.counter.quiet(() => e.book.getSheetByName('Stage History')?.getLastRow() ?? 0);
}

if (!functionsOnly) {
  for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
    const e = workbook(n);
    for (const [job, fn] of [
      ['Flag stale deals', 'menuFlagStaleDeals'],
      ['Refresh summary', 'menuRefreshSummary'],
    ] as const) {
      const ok = (): void => {
        const result = lastRunResult(e);
        if (result !== 'OK') failures.push(`${job} at ${n} deals did not succeed: ${result}`);
      };
      e.call(fn);
      ok();
      e.counter.reset();
      e.call(fn);
      ok();
      const calls = e.counter.total();
      const ms = time(() => e.call(fn), n >= 50_000 ? 3 : 5);
      ok();
      (globalThis as { gc?: () => void }).gc?.();
      jobRows.push({
        job,
        rows: n,
        medianMs: +ms.toFixed(1),
        serviceCalls: calls,
        heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0),
      });
    }
  }

  // The daily job with the digest on for three owners ("Rep 0".."Rep 2" by the owner rule): one mail each.
  const DIGEST_USERS = ['rep.0@example.com', 'rep.1@example.com', 'rep.2@example.com'];
  for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
    const e = workbook(n);
    e.mail.dailyQuota = Number.MAX_SAFE_INTEGER;
    const daily = (): void => {
      e.counter.quiet(() => {
        const p = e.properties.document;
        p.setProperty('dealPipeline.automationHour', '0');
        p.deleteProperty('dealPipeline.lastDailyRun');
        for (const u of DIGEST_USERS) p.setProperty(`dealPipeline.digest.${u}`, '{"since":"","lastSent":""}');
      });
      const before = e.mail.sent.length;
      e.call('onAutomationTick');
      const result = lastRunResult(e);
      if (result !== 'OK') failures.push(`Daily job with digest at ${n} deals did not succeed: ${result}`);
      if (e.mail.sent.length - before !== DIGEST_USERS.length)
        failures.push(
          `Daily digest at ${n} deals sent ${e.mail.sent.length - before} mails, not ${DIGEST_USERS.length}`,
        );
    };
    daily();
    e.counter.reset();
    daily();
    const calls = e.counter.total();
    const ms = time(daily, n >= 50_000 ? 3 : 5);
    (globalThis as { gc?: () => void }).gc?.();
    jobRows.push({
      job: 'Daily job + digest (3 owners)',
      rows: n,
      medianMs: +ms.toFixed(1),
      serviceCalls: calls,
      heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0),
    });
  }

  // Clean up pipeline (the dialog's list, then 50 ticked deals moved to Lost) and Archive closed deals
  // (50 Won deals closed in January 2025), with 50 deals due spread over each workbook size. Before
  // each timed run (outside the timing) 50 other rows are made due: rows k * step + rep.
  const DUE = 50;
  const col = (h: string): number => DEAL_HEADERS.indexOf(h) + 1;
  const seedDue = (e: Emulator, rep: number, kind: 'cleanup' | 'archive'): void =>
    e.counter.quiet(() => {
      const deals = e.book.getSheetByName('Deals');
      if (!deals) throw new Error('no Deals tab');
      // The tab shrinks as deals are archived: spread over the rows it has now (rep < 6).
      const step = Math.floor((deals.getLastRow() - 1 - 6) / DUE);
      for (let k = 0; k < DUE; k++) {
        const row = 2 + k * step + rep;
        const at = (h: string) => deals.getRange(row, col(h));
        if (kind === 'cleanup') {
          at('Stage').setValue('Lead Generation');
          at('Stage Entered').setValue(new Date(2026, 0, 5));
          at('Last Activity').setValue('');
        } else {
          at('Stage').setValue('Closed Won');
          at('Stage Entered').setValue(new Date(2025, 0, 5));
          at('Expected Close').setValue(new Date(2025, 0, 5));
        }
      }
    });
  /** Runs the job once: its ms (the add-on's calls only) and 'OK' or what went wrong. */
  const timed = (run: () => unknown): [number, unknown] => {
    const t = performance.now();
    const out = run();
    return [performance.now() - t, out];
  };
  const hygieneRuns: [string, 'cleanup' | 'archive', (e: Emulator) => [number, string]][] = [
    [
      'Clean up pipeline (list + move 50)',
      'cleanup',
      (e) => {
        type List = { ok: boolean; message?: string; items?: unknown[] };
        type Moved = { ok: boolean; message: string; results: { moved: boolean }[] };
        const [ms, [list, r]] = timed(() => {
          const l = e.call('getCleanupList') as List;
          return [l, l.ok ? (e.call('cleanUpDeals', { deals: l.items }) as Moved) : undefined];
        }) as [number, [List, Moved | undefined]];
        if (!list.ok || !list.items) return [ms, `the list failed: ${list.message ?? ''}`];
        if (list.items.length !== DUE) return [ms, `listed ${list.items.length} deals, not ${DUE}`];
        const moved = r?.results.filter((x) => x.moved).length ?? 0;
        return [ms, r?.ok && moved === DUE ? 'OK' : `moved ${moved} of ${DUE}: ${r?.message ?? ''}`];
      },
    ],
    [
      'Archive closed deals (50)',
      'archive',
      (e) => {
        const lastRow = (): number => e.counter.quiet(() => e.book.getSheetByName('Deals')?.getLastRow() ?? 0);
        const before = lastRow();
        const [ms] = timed(() => e.call('menuArchiveClosedDeals'));
        const result = lastRunResult(e);
        const archived = before - lastRow();
        return [ms, result !== 'OK' ? result : archived === DUE ? 'OK' : `archived ${archived}, not ${DUE}`];
      },
    ],
  ];
  for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
    const e = workbook(n);
    for (const [job, kind, run] of hygieneRuns) {
      const reps = n >= 50_000 ? 3 : 5;
      const ts: number[] = [];
      let calls = 0;
      // Run 0 warms up; run 1 is counted; runs 1..reps are timed.
      for (let rep = 0; rep <= reps; rep++) {
        seedDue(e, rep, kind);
        e.counter.reset();
        const [ms, result] = run(e);
        if (rep > 0) ts.push(ms);
        if (rep === 1) calls = e.counter.total();
        if (result !== 'OK') failures.push(`${job} at ${n} deals did not succeed: ${result}`);
      }
      (globalThis as { gc?: () => void }).gc?.();
      jobRows.push({
        job,
        rows: n,
        medianMs: +median(ts).toFixed(1),
        serviceCalls: calls,
        heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0),
      });
    }
  }

  // onEdit for a 500-row paste into Stage (no oldValue: old stages come from Stage History), on each workbook size.
  for (const n of quick ? [1000, 10_000] : [1000, 10_000, 50_000]) {
    const e = workbook(n);
    const deals = e.counter.quiet(() => e.book.getSheetByName('Deals'));
    if (!deals) throw new Error('no Deals tab');
    const range = e.counter.quiet(() => deals.getRange(2, DEAL_HEADERS.indexOf('Stage') + 1, 500, 1));
    let flip = 0;
    // The seeded history ends every deal in Negotiation, so the first paste logs only the rows it
    // moves elsewhere; from the second on, every pasted row changes stage and must be logged.
    const paste = (check = true): void => {
      flip++;
      // A second passes between pastes, as in life: history rows then differ in Timestamp.
      e.clock.advance(1000);
      const before = historyRows(e);
      // Every pasted row changes stage (the five open stages, rotated by one each paste): 500 history rows.
      e.edit(
        range,
        Array.from({ length: 500 }, (_, i) => [DEFAULT_STAGE_NAMES[(i + flip) % 5]]),
      );
      const logged = historyRows(e) - before;
      if (check && logged !== 500)
        failures.push(`Paste 500 stages at ${n} deals logged ${logged} history rows, not 500`);
    };
    paste(false);
    e.counter.reset();
    paste();
    const calls = e.counter.total();
    const ms = time(() => paste(), 5);
    (globalThis as { gc?: () => void }).gc?.();
    jobRows.push({
      job: 'Paste 500 stages (onEdit)',
      rows: n,
      medianMs: +ms.toFixed(1),
      serviceCalls: calls,
      heapMB: +(process.memoryUsage().heapUsed / 1e6).toFixed(0),
    });
  }
}

// What every custom-function call pays first: loading dist/Code.js into a fresh V8 context.
const code = readFileSync(join(emu.distDir, 'Code.js'), 'utf8');
const loadMs = time(() => {
  const ctx = vm.createContext({});
  vm.runInContext(code, ctx);
}, 41);
const codeKiB = +(Buffer.byteLength(code) / 1024).toFixed(1);

if (json) {
  console.log(
    JSON.stringify(
      { codeJs: { kib: codeKiB, loadMs: +loadMs.toFixed(2) }, functions: fnRows, jobs: jobRows, failures },
      null,
      2,
    ),
  );
} else {
  console.log(`dist/Code.js: ${codeKiB} KiB, loads into a fresh V8 context in ${loadMs.toFixed(2)} ms (median)\n`);
  console.log('Custom functions through dist/Code.js (median ms) vs the hand-written loop of bench/baselines.ts');
  console.log(
    '| function | rows | ms | baseline ms | ratio | growth from 10x fewer rows |\n|---|---:|---:|---:|---:|---:|',
  );
  for (const r of fnRows) {
    const smaller = fnRows.find((x) => x.function === r.function && x.rows * 10 === r.rows);
    console.log(
      `| ${r.function} | ${r.rows} | ${r.medianMs} | ${r.baselineMs} | ${r.ratio} | ${smaller ? `x${(r.medianMs / smaller.medianMs).toFixed(1)}` : ''} |`,
    );
  }
  if (jobRows.length > 0) {
    console.log('\nJobs through dist/Code.js in the emulator (median ms, service calls per run)');
    console.log('| job | deals | ms | service calls | heap MB |\n|---|---:|---:|---:|---:|');
    for (const r of jobRows) console.log(`| ${r.job} | ${r.rows} | ${r.medianMs} | ${r.serviceCalls} | ${r.heapMB} |`);
  }
}
if (failures.length > 0) {
  console.error(`\nBENCHMARK FAILED (${failures.length}):\n${[...new Set(failures)].map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
}
