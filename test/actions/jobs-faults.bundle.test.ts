/**
 * The jobs under other users and faults, through the built bundle: a sort, an inserted row or a typed
 * stage change between the job's read and its write; duplicate Deal IDs; a manager's own tab named
 * like ours; and the runner's reads, writes and lock use.
 */
import { Emulator } from '../../emulator';
import { DEAL_HEADERS, dealColumn as col, dealRow } from '../../fixtures/deals';
import { afterDealsRead, recordAccess } from '../helpers/faults';
import { runStatus } from '../helpers/large-pipeline';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

const HEALTH = col('Health');
const ID = col('Deal ID');

/** 2026-11-23 today: are stale; A-2 is fresh; the rest are closed or undated. */
const DEALS: Record<string, unknown>[] = [
  {
    'Deal ID': 'A-1',
    Deal: 'One',
    Owner: 'Ann',
    Company: 'C',
    Stage: 'Initial Contact',
    Value: 100,
    'Last Activity': '2026-10-01',
  },
  {
    'Deal ID': 'A-2',
    Deal: 'Two',
    Owner: 'Bob',
    Company: 'C',
    Stage: 'Proposal',
    Value: 200,
    'Stage Entered': '2026-11-20',
    Budget: true,
    Authority: true,
    Need: true,
    Timeline: true,
  },
  {
    'Deal ID': 'A-3',
    Deal: 'Three',
    Owner: 'Ann',
    Company: 'C',
    Stage: 'Qualification',
    Value: 300,
    'Stage Entered': '2026-11-01',
  },
  {
    'Deal ID': 'A-4',
    Deal: 'Four',
    Owner: 'Cy',
    Company: 'C',
    Stage: 'Closed Won',
    Value: 400,
    'Expected Close': '2026-10-10',
    'Stage Entered': '2026-10-10',
  },
  {
    'Deal ID': 'A-5',
    Deal: 'Five',
    Owner: 'Cy',
    Company: 'C',
    Stage: 'Negotiation',
    Value: 500,
    'Expected Close': '2026-12-01',
    'Stage Entered': '2026-11-02',
    Budget: true,
    Authority: true,
    Need: true,
    Timeline: true,
  },
  {
    'Deal ID': 'A-6',
    Deal: 'Six',
    Owner: 'Dee',
    Company: 'C',
    Stage: 'Closed Lost',
    Value: 600,
    'Lost Reason': 'price',
    'Stage Entered': '2026-09-01',
  },
  {
    'Deal ID': 'A-7',
    Deal: 'Seven',
    Owner: 'Dee',
    Company: 'C',
    Stage: 'Lead Generation',
    Value: 700,
    'Stage Entered': '2026-11-22',
  },
  {
    'Deal ID': 'A-8',
    Deal: 'Eight',
    Owner: 'Eve',
    Company: 'C',
    Stage: 'Lead Generation',
    Value: 800,
    Created: '2026-08-01',
  },
];

function pipeline(rows = DEALS): Emulator {
  const emu = loadedEmulator();
  writeTab(emu, 'Deals', [DEAL_HEADERS, ...rows.map(dealRow)]);
  emu.call('menuSetUpPipeline');
  return emu;
}

const healthById = (emu: Emulator): Map<string, unknown> =>
  new Map(
    readTab(emu, 'Deals')
      .slice(1)
      .map((r) => [String(r[ID]), r[HEALTH]]),
  );

/** Health per Deal ID from a run with no interference (the control). */
function controlHealth(): Map<string, unknown> {
  const emu = pipeline();
  emu.call('menuFlagStaleDeals');
  const m = healthById(emu);
  expect(
    [...m.entries()]
      .filter(([, h]) => String(h).startsWith('Stale:'))
      .map(([id]) => id)
      .sort(),
  ).toEqual(['A-1', 'A-3', 'A-5', 'A-8']);
  return m;
}

describe('Flag stale deals while others edit the sheet', () => {
  test('a sort between the read and the write never puts Health on the wrong row', () => {
    const control = controlHealth();
    const emu = pipeline();
    const sheet = emu.book.getSheetByName('Deals')!;
    const fault = afterDealsRead(emu, () =>
      emu.counter.quiet(() => {
        // Another user sorts by Deal name (Z-A): every row moves.
        const range = sheet.getRange(2, 1, DEALS.length, DEAL_HEADERS.length);
        range.setValues(range.getValues().sort((a, b) => String(b[col('Deal')]).localeCompare(String(a[col('Deal')]))));
      }),
    );
    try {
      emu.call('menuFlagStaleDeals');
    } finally {
      fault.restore();
    }
    expect(fault.fired()).toBe(true);
    expect(readTab(emu, 'Deals')[1]?.[col('Deal')]).toBe('Two');
    expect(healthById(emu)).toEqual(control);
    expect(runStatus(emu)[4]).toBe('OK');
  });

  test('a row inserted above between the read and the write: each deal keeps its own Health, the new row is left alone', () => {
    const control = controlHealth();
    const emu = pipeline();
    const sheet = emu.book.getSheetByName('Deals')!;
    const fault = afterDealsRead(emu, () =>
      emu.counter.quiet(() => {
        sheet.insertRowsBefore(2, 1);
        sheet
          .getRange(2, 1, 1, DEAL_HEADERS.length)
          .setValues([dealRow({ Deal: 'New', Stage: 'Lead Generation', Health: 'typed by a user' })]);
      }),
    );
    try {
      emu.call('menuFlagStaleDeals');
    } finally {
      fault.restore();
    }
    expect(fault.fired()).toBe(true);
    const after = healthById(emu);
    expect(after.get('')).toBe('typed by a user');
    after.delete('');
    expect(after).toEqual(control);
  });

  test('a stage typed while the job reads is logged at once (no lock wait) and its Health is not overwritten by the job', () => {
    const emu = pipeline();
    const sheet = emu.book.getSheetByName('Deals')!;
    const clockBefore = emu.clock.now();
    let edited = false;
    const fault = afterDealsRead(emu, () => {
      // A-1 (row 2, stale in Initial Contact) is typed on to Lead Generation: a backward move, logged by onEdit.
      emu.edit(sheet.getRange(2, col('Stage') + 1), [['Lead Generation']], 'Initial Contact');
      edited = true;
    });
    try {
      emu.call('menuFlagStaleDeals');
    } finally {
      fault.restore();
    }
    expect(edited).toBe(true);
    expect(emu.clock.now() - clockBefore).toBeLessThan(1000); // nobody waited for the lock
    const history = readTab(emu, 'Stage History');
    expect(history.at(-1)?.slice(1, 7)).toEqual([
      'A-1',
      'One',
      'Initial Contact',
      'Lead Generation',
      'typed edit',
      'edit',
    ]);
    // onEdit's Health (fresh: Stage Entered is today) stands; the job's older "Stale ... Initial Contact" was not written over it.
    expect(healthById(emu).get('A-1')).toBe('');
    expect(healthById(emu).get('A-3')).toMatch(/^Stale: 22 days in Qualification/);
    expect(runStatus(emu)[5]).toMatch(/1 row changed during the run/);
  });
});

describe('duplicate Deal IDs (a copied row)', () => {
  test('rows sharing a Deal ID are not acted on and are listed under Data problems', () => {
    const rows = [...DEALS, { ...DEALS[0], Deal: 'One (copy)' }];
    const emu = pipeline(rows);
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(2, HEALTH + 1, rows.length, 1)
        .setValues(rows.map(() => ['before'])),
    );
    emu.call('menuFlagStaleDeals');
    const deals = readTab(emu, 'Deals');
    expect([deals[1]?.[HEALTH], deals[9]?.[HEALTH]]).toEqual(['before', 'before']);
    expect(deals[3]?.[HEALTH]).toMatch(/^Stale: 22 days/);
    expect(runStatus(emu)[5]).toMatch(/2 rows share a Deal ID/);
    emu.call('menuRefreshSummary');
    const summary = readTab(emu, 'Pipeline Summary');
    const problems = summary.slice(summary.findIndex((r) => r[0] === 'Data problems') + 1);
    expect(problems.filter((r) => r[2] === 'Deal ID').map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Deals', 2, '"A-1"'],
      ['Deals', 10, '"A-1"'],
    ]);
    expect(problems.find((r) => r[1] === 2)?.[4]).toMatch(/rows 2 and 10/);
  });
});

describe('generated tabs', () => {
  for (const [tab, job] of [
    ['Pipeline Summary', 'menuRefreshSummary'],
    ['Pipeline Snapshots', 'menuRefreshSummary'],
    ['Pipeline Summary', 'menuFlagStaleDeals'],
  ] as const) {
    test(`a manager's own "${tab}" tab is never written (${job}); the add-on uses "${tab} (2)" and says so`, () => {
      const emu = pipeline();
      const mine = [
        ['My own notes', 'Q4 plan'],
        ['=1+1', 42],
      ];
      writeTab(emu, tab, mine);
      const before = emu.counter.quiet(() =>
        JSON.stringify([
          emu.book.getSheetByName(tab)!.getDataRange().getValues(),
          emu.book.getSheetByName(tab)!.getDataRange().getFormulas(),
        ]),
      );
      emu.call(job);
      expect(
        emu.counter.quiet(() =>
          JSON.stringify([
            emu.book.getSheetByName(tab)!.getDataRange().getValues(),
            emu.book.getSheetByName(tab)!.getDataRange().getFormulas(),
          ]),
        ),
      ).toBe(before);
      expect(emu.book.getSheetByName(`${tab} (2)`)).not.toBeNull();
      expect(emu.ui.alerts.at(-1)?.prompt).toContain(
        `"${tab}" is not a tab the add-on made, so it was left as it is; the add-on uses "${tab} (2)".`,
      );
      // Later runs use the same tab, quietly.
      emu.call(job);
      expect(
        emu.book
          .getSheets()
          .map((s) => s.getName())
          .filter((n) => n.startsWith(tab)),
      ).toEqual([tab, `${tab} (2)`]);
      expect(emu.ui.alerts.at(-1)?.prompt).not.toContain('left as it is');
    });
  }

  test('upgrading: summary and snapshots tabs made before the tab registry are recognised and kept, not duplicated', () => {
    const emu = pipeline();
    emu.call('menuRefreshSummary');
    // As a version without the registry left them: our tabs, but no record of their sheet IDs.
    emu.counter.quiet(() => emu.properties.document.deleteProperty('dealPipeline.tabs'));
    emu.call('menuSetUpPipeline'); // re-remembers Deals, Settings, History by name
    const snapshotRows = emu.counter.quiet(() => emu.book.getSheetByName('Pipeline Snapshots')!.getLastRow());
    emu.clock.advance(86_400_000);
    emu.call('menuRefreshSummary');
    expect(
      emu.book
        .getSheets()
        .map((s) => s.getName())
        .filter((n) => /^Pipeline (Summary|Snapshots)/.test(n))
        .sort(),
    ).toEqual(['Pipeline Snapshots', 'Pipeline Summary']);
    expect(runStatus(emu, 'Pipeline Summary')[4]).toBe('OK');
    // The trend goes on in the same snapshots tab: today's rows were appended to the old ones.
    expect(emu.counter.quiet(() => emu.book.getSheetByName('Pipeline Snapshots')!.getLastRow())).toBeGreaterThan(
      snapshotRows,
    );
  });

  test('the summary tab renamed by a manager is still the one written (found by its sheet ID)', () => {
    const emu = pipeline();
    emu.call('menuRefreshSummary');
    emu.counter.quiet(() => emu.book.getSheetByName('Pipeline Summary')!.setName('Weekly summary'));
    emu.call('menuRefreshSummary');
    expect(emu.book.getSheetByName('Pipeline Summary')).toBeNull();
    expect(runStatus(emu, 'Weekly summary')[4]).toBe('OK');
  });
});

/** A read of the whole Deals table (A1 to the last row, more than the header). */
const wholeDeals = (a: { tab: string; a1: string }): boolean =>
  a.tab === 'Deals' && Number(/^A1:[A-Z]+(\d+)$/.exec(a.a1)?.[1] ?? 0) > 1;

describe('the job runner', () => {
  /** The daily job's run the day after the tabs were made (by a menu refresh). */
  function dailyRun(emu: Emulator): ReturnType<typeof recordAccess>['log'] {
    emu.call('menuRefreshSummary');
    emu.call('menuTurnOnAutomation');
    emu.clock.advance(20 * 3_600_000); // to 06:00 tomorrow in New York
    emu.counter.reset();
    const rec = recordAccess(emu);
    try {
      emu.runDueTriggers();
    } finally {
      rec.restore();
    }
    expect(runStatus(emu).slice(1, 2)).toEqual(['Daily job']);
    expect(runStatus(emu)[4]).toBe('OK');
    return rec.log;
  }

  test('the daily job loads Settings and the Deals table once, and writes Health, the snapshot and the summary once each', () => {
    const log = dailyRun(pipeline());
    // One read of the whole settings tab: stage table (A:H), named settings (J:L) and targets (M:O).
    expect(log.filter((a) => a.op === 'read' && a.tab === 'Pipeline Settings').map((a) => a.a1)).toEqual(['A1:O8']);
    // One load without the lock; the stale phase re-reads the table once under the lock to verify rows before writing.
    expect(log.filter((a) => a.op === 'read' && wholeDeals(a)).map((a) => a.locked)).toEqual([false, true]);
    expect(log.filter((a) => a.op === 'write').map((a) => a.tab)).toEqual([
      'Deals',
      'Pipeline Snapshots',
      'Forecast Snapshots',
      'Pipeline Summary',
    ]);
  });

  test('jobs read and compute without the document lock and hold it only to write', () => {
    const emu = pipeline();
    const log = dailyRun(emu);
    const loads = log.filter(
      (a) => a.op === 'read' && (a.tab === 'Pipeline Settings' || a.tab === 'Stage History' || wholeDeals(a)),
    );
    expect(loads.filter((a) => !a.locked).map((a) => a.tab)).toEqual(['Pipeline Settings', 'Deals', 'Stage History']);
    expect(log.filter((a) => a.op === 'write').every((a) => a.locked)).toBe(true);
    // One short hold per write phase (stale, snapshots, forecasts, summary), each flushed before release.
    expect(emu.counter.get('Lock.waitLock') + emu.counter.get('Lock.tryLock')).toBe(4);
    expect(emu.locks.state.releasesWithoutFlush).toBe(0);
  });
});
