/**
 * Cleanup and archive at scale through dist/Code.js: with the same 50 deals due, the service calls
 * of listing, moving and archiving are the same at 1,000 and 50,000 deals (never per deal or per row).
 */
import { Emulator } from '../../emulator';
import { dealRow } from '../../fixtures/deals';
import { largeDeal, largePipeline, runStatus } from '../helpers/large-pipeline';
import { readTab } from '../helpers/workbook';

const DUE = 50;

/** n deals, of which 50 open ones untouched since January and 50 won ones closed in January 2025, spread out. */
function pipeline(n: number): Emulator {
  const e = largePipeline(n, { historyPerDeal: 1 });
  e.counter.quiet(() => {
    const sheet = e.book.getSheetByName('Deals')!;
    const step = Math.floor(n / (2 * DUE));
    for (let k = 0; k < 2 * DUE; k++) {
      const i = k * step;
      const old =
        k % 2 === 0
          ? { Stage: 'Lead Generation', 'Stage Entered': '2026-01-05', 'Last Activity': '', Company: `Old ${k}` }
          : { Stage: 'Closed Won', 'Stage Entered': '2025-01-05', 'Expected Close': '2025-01-05' };
      const row = dealRow({ ...largeDeal(i), ...old, Deal: `Due ${k}` });
      sheet.getRange(i + 2, 1, 1, row.length - 1).setValues(e.adopt([row.slice(0, -1)]));
    }
  });
  return e;
}

function calls(e: Emulator, run: () => void): number {
  const before = e.counter.total();
  run();
  return e.counter.total() - before;
}

test('listing and moving 50 deals, and archiving 50, cost the same service calls at 1k and 50k deals', () => {
  const measured: Record<number, number[]> = {};
  for (const n of [1000, 50_000]) {
    const e = pipeline(n);
    let list: { ok: boolean; items: { dealId: string; row: number; stamp: string; reason: string }[] } | undefined;
    const listing = calls(e, () => {
      list = e.call('getCleanupList') as typeof list;
    });
    expect(list!.items.map((i) => i.dealId).length).toBe(DUE);
    let moved = 0;
    const moving = calls(e, () => {
      const r = e.call('cleanUpDeals', { deals: list!.items }) as { results: { moved: boolean }[] };
      moved = r.results.filter((x) => x.moved).length;
    });
    expect(moved).toBe(DUE);
    const archiving = calls(e, () => e.call('menuArchiveClosedDeals'));
    expect(runStatus(e)[4]).toBe('OK');
    expect(
      readTab(e, 'Archive')
        .slice(1)
        .filter((r) => String(r[1]).startsWith('Due ')),
    ).toHaveLength(DUE);
    expect(readTab(e, 'Deals').length).toBe(n + 1 - DUE);
    measured[n] = [listing, moving, archiving];
  }
  expect(measured[50_000]).toEqual(measured[1000]);
}, 120_000);
