/** Large generated pipelines for scale tests: n deals (and 4 history moves each) written as a user would have them. */
import { Emulator } from '../../emulator';
import { DEAL_HEADERS, DEFAULT_STAGE_NAMES as STAGES, dealRow, isoDate as iso } from '../../fixtures/deals';
import { HISTORY_HEADERS } from '../../fixtures/history';

export interface LargeOptions {
  /** Every deal open and untouched for months (so every one is stale). */
  allStale?: boolean;
  /** Owners cycle through this many names. */
  owners?: number;
  /** Stage History moves per deal. */
  historyPerDeal?: number;
  /** History Timestamps as date cells, days apart per deal (as the add-on logs them), instead of typed text. */
  datedHistory?: boolean;
}

/** The deal of row i (0-based) as a header -> value record; dates as typed "yyyy-mm-dd" text. */
export function largeDeal(i: number, o: LargeOptions = {}): Record<string, unknown> {
  const stage = o.allStale ? STAGES[i % 5] : STAGES[(i * 31) % 7];
  return {
    'Deal ID': `D-${i + 1}`,
    Deal: `Deal ${i}`,
    Company: `Co ${i % 300}`,
    Owner: `Rep ${i % (o.owners ?? 12)}`,
    Stage: stage,
    Value: ((i * 7919) % 50_000) + 500,
    'Expected Close': iso(2026, 11 + (i % 8), 1 + (i % 27)),
    Created: iso(2026, 1 + (i % 10), 1),
    'Stage Entered': o.allStale ? iso(2026, 1, 1 + (i % 28)) : iso(2026, 11, 1 + (i % 22)),
    'Last Activity': o.allStale ? '' : iso(2026, 10 + (i % 2), 1 + (i % 27)),
    Budget: i % 2 === 0,
    Authority: true,
    Need: true,
    Timeline: true,
    'Lost Reason': stage === 'Closed Lost' ? 'price' : '',
  };
}

/** An emulator with the bundle loaded, n deals on Deals, their history, and Set up pipeline run. */
export function largePipeline(n: number, o: LargeOptions = {}): Emulator {
  const e = new Emulator().load();
  e.counter.quiet(() => {
    const deals = e.book.insertSheet('Deals');
    if (n + 1 > deals.getMaxRows()) deals.insertRowsAfter(deals.getMaxRows(), n + 1 - deals.getMaxRows());
    const rows = [DEAL_HEADERS, ...Array.from({ length: n }, (_, i) => dealRow(largeDeal(i, o)))];
    deals.getRange(1, 1, rows.length, DEAL_HEADERS.length).setValues(e.adopt(rows));
    const per = o.historyPerDeal ?? 4;
    const history = e.book.insertSheet('Stage History');
    if (per * n + 1 > history.getMaxRows())
      history.insertRowsAfter(history.getMaxRows(), per * n + 1 - history.getMaxRows());
    const h: unknown[][] = [HISTORY_HEADERS];
    for (let i = 0; i < n; i++)
      for (let k = 0; k < per; k++)
        h.push([
          o.datedHistory ? new Date(Date.UTC(2026, 0, 1 + (i % 60) + k * (1 + (i % 17)), 15)) : iso(2026, 1, 1 + k),
          `D-${i + 1}`,
          `Deal ${i}`,
          STAGES[k],
          STAGES[k + 1],
          'rep',
          'edit',
          '',
        ]);
    history.getRange(1, 1, h.length, 8).setValues(e.adopt(h));
  });
  e.call('menuSetUpPipeline');
  return e;
}

/** The summary tab's last-run line: [label, job, started, duration, result, message]. */
export function runStatus(e: Emulator, tab = 'Pipeline Summary'): string[] {
  return e.counter.quiet(() => {
    const sheet = e.book.getSheetByName(tab);
    if (!sheet) throw new Error(`no tab ${tab}`);
    return sheet.getRange(2, 1, 1, 7).getValues()[0] as string[];
  });
}
