/**
 * Fault injection on the built bundle (issue 9 "Done when"): Set up pipeline, a sidebar move and a
 * typed stage change, each under a throwing write, a held lock, a protected tab, a sort or an
 * inserted row between the add-on's read and its write, and a renamed tab. Whatever happens: no
 * user cell changes unless the action succeeded on the right rows, no history row is lost, and a
 * failure is visible (the move's message, the setup dialog, a toast or the Health cell).
 */
import { Emulator } from '../../emulator';
import { Faults, PROTECTED_MESSAGE, tabSnapshot } from '../../emulator/faults';
import { dealColumn as col, dealRow } from '../../fixtures/deals';
import { historyRows, move, MoveResult, pipelineWith } from '../helpers/pipeline';
import { readTab, writeTab } from '../helpers/workbook';

type Fault = [name: string, inject: (f: Faults) => void, kind: 'refused' | 'retried' | 'moved'];

/** Faults that stop a write; 'retried' ones fail once, so an action that starts again may succeed. */
const STOPPERS: Fault[] = [
  ['a Deals write that throws half-way', (f) => f.failWriteHalfway('Deals', 1), 'retried'],
  ['a Stage History write that throws half-way', (f) => f.failWriteHalfway('Stage History', 1), 'retried'],
  ['a protected Deals tab', (f) => f.protect('Deals'), 'refused'],
  ['a protected Stage History tab', (f) => f.protect('Stage History'), 'refused'],
  ['the lock held by a job', (f) => f.holdLock(10 * 60_000), 'refused'],
];
/**
 * Another user changing rows after the add-on's `first`-th and a later read of the Deals tab (onEdit's
 * first read is only the header: a row sorted away before the edited rows are read cannot be told apart).
 */
const movers = (first: number): Fault[] => [
  [
    `a sort after read ${first}`,
    (f) => f.afterRead('Deals', first, () => f.sortRows('Deals', col('Deal') + 1, true)),
    'moved',
  ],
  [
    `a sort after read ${first + 2}`,
    (f) => f.afterRead('Deals', first + 2, () => f.sortRows('Deals', col('Deal') + 1, true)),
    'moved',
  ],
  [
    `a row inserted at the top after read ${first}`,
    (f) =>
      f.afterRead('Deals', first, () => f.insertRow('Deals', 2, dealRow({ Deal: 'Zulu', Stage: 'Lead Generation' }))),
    'moved',
  ],
  ['the Deals tab renamed just before', (f) => f.rename('Deals', 'Our deals'), 'moved'],
];

const dealsTab = (emu: Emulator) => emu.book._sheets().find((s) => ['Deals', 'Our deals'].includes(s.getName()))!;
const rowsByDeal = (emu: Emulator): Map<unknown, unknown[]> =>
  new Map(
    readTab(emu, dealsTab(emu).getName())
      .slice(1)
      .map((r) => [r[col('Deal')], r]),
  );
/** Non-blank history rows, as text, sorted: the multiset that must never shrink. */
const historySet = (emu: Emulator): string[] =>
  historyRows(emu)
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => JSON.stringify(r))
    .sort();
const keepsAll = (before: string[], after: string[]): boolean => {
  const left = [...after];
  return before.every((b) => {
    const i = left.indexOf(b);
    if (i < 0) return false;
    left.splice(i, 1);
    return true;
  });
};
/** The Deals tab's cells (values, formulas, notes, colours) without the given columns. */
function cellsWithout(emu: Emulator, skip: number[]): string {
  const snap = JSON.parse(tabSnapshot(emu, dealsTab(emu).getName())) as {
    values: unknown[][];
    formulas: string[][];
    notes: unknown;
    bg: unknown;
  };
  const drop = (g: unknown[][]): unknown[][] => g.map((r) => r.filter((_, c) => !skip.includes(c)));
  return JSON.stringify({ values: drop(snap.values), formulas: drop(snap.formulas), notes: snap.notes, bg: snap.bg });
}

const DEALS = ['Alpha', 'Bravo', 'Charlie', 'Delta'].map((n) => ({
  Deal: n,
  Company: `${n} Co`,
  Owner: 'Ann',
  Stage: 'Lead Generation',
  Value: 100,
  'Stage Entered': '2026-11-01',
}));

describe('Set up pipeline under faults', () => {
  /** Set up once, then two new deals without IDs: the second setup must give them IDs and import rows. */
  const arrange = () => {
    const p = pipelineWith(DEALS);
    writeTab(p.emu, 'Deals', [
      ...readTab(p.emu, 'Deals'),
      dealRow({ Deal: 'Echo', Stage: 'Qualification', Value: 5 }),
      dealRow({ Deal: 'Foxtrot', Stage: 'Proposal', Value: 7 }),
    ]);
    return p;
  };

  test.each(STOPPERS)('%s: either done right, or nothing changed and the dialog says why', (_name, inject, kind) => {
    const { emu, faults } = arrange();
    // Setup may extend its dropdowns and checkboxes to the new rows before failing; no cell may change.
    const deals = cellsWithout(emu, []);
    const history = historySet(emu);
    inject(faults);
    emu.call('menuSetUpPipeline');
    const alert = emu.ui.alerts.at(-1)?.prompt ?? '';
    expect(keepsAll(history, historySet(emu))).toBe(true);
    if (kind === 'retried') {
      const rows = rowsByDeal(emu);
      expect([rows.get('Echo')?.[0], rows.get('Foxtrot')?.[0]]).toEqual(['D-0005', 'D-0006']);
      expect(
        historyRows(emu)
          .filter((h) => h[6] === 'import')
          .map((h) => [h[1], h[2]]),
      ).toEqual(
        expect.arrayContaining([
          ['D-0005', 'Echo'],
          ['D-0006', 'Foxtrot'],
        ]),
      );
    } else {
      expect(alert).toMatch(/^It did not work: /);
      expect(alert).toMatch(
        kind === 'refused' && /lock/.test(_name) ? /Lock timeout/ : new RegExp(PROTECTED_MESSAGE.slice(0, 40)),
      );
      expect(cellsWithout(emu, []) === deals).toBe(true);
    }
  });

  test.each(movers(1))('%s: every new ID sits on the deal its import row names', (_name, inject) => {
    const { emu, faults } = arrange();
    inject(faults);
    emu.call('menuSetUpPipeline');
    const rows = rowsByDeal(emu);
    for (const h of historyRows(emu).filter((r) => r[6] === 'import'))
      expect(rows.get(h[2])?.[col('Deal ID')]).toBe(h[1]);
    expect(rows.get('Echo')?.[col('Deal ID')]).toMatch(/^D-\d{4}$/);
    expect(rows.get('Foxtrot')?.[col('Deal ID')]).toMatch(/^D-\d{4}$/);
  });
});

describe('a sidebar move under faults', () => {
  const request = { dealId: 'D-0002', row: 3, expectedStage: 'Lead Generation', toStage: 'Initial Contact' };

  test.each(STOPPERS)('%s: nothing changes and the message says why', (_name, inject) => {
    const { emu, faults } = pipelineWith(DEALS);
    const deals = tabSnapshot(emu, 'Deals');
    const history = historySet(emu);
    inject(faults);
    const r: MoveResult = move(emu, request);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Nothing was changed|put back|Lock timeout/);
    expect(tabSnapshot(emu, 'Deals')).toBe(deals);
    expect(historySet(emu)).toEqual(history);
  });

  test.each(movers(1))("%s: the move lands on Bravo's row and nowhere else", (_name, inject) => {
    const { emu, faults } = pipelineWith(DEALS);
    const before = rowsByDeal(emu);
    inject(faults);
    expect(move(emu, request).ok).toBe(true);
    const after = rowsByDeal(emu);
    for (const [name, row] of after) {
      if (name === 'Bravo') expect(row.slice(0, 5)).toEqual(['D-0002', 'Bravo', 'Bravo Co', 'Ann', 'Initial Contact']);
      else if (before.has(name))
        expect(row.filter((_, c) => c !== col('Health'))).toEqual(
          (before.get(name) as unknown[]).filter((_, c) => c !== col('Health')),
        );
    }
    expect(historyRows(emu).at(-1)?.slice(1, 5)).toEqual(['D-0002', 'Bravo', 'Lead Generation', 'Initial Contact']);
  });
});

describe('a typed stage change under faults', () => {
  const typeOnBravo = (emu: Emulator): void => {
    emu.edit(dealsTab(emu).getRange(3, col('Stage') + 1), [['Initial Contact']], 'Lead Generation');
  };
  const bravoMoves = (emu: Emulator): unknown[][] =>
    historyRows(emu)
      .filter((h) => h[1] === 'D-0002' && h[6] === 'edit')
      .map((h) => h.slice(3, 5));

  test.each(STOPPERS)(
    '%s: no user cell changes, the failure shows, and the move is logged once the fault is gone',
    (_name, inject) => {
      const { emu, faults } = pipelineWith(DEALS);
      const history = historySet(emu);
      const before = cellsWithout(emu, [col('Stage'), col('Health')]);
      inject(faults);
      typeOnBravo(emu);
      expect(cellsWithout(emu, [col('Stage'), col('Health')]) === before).toBe(true); // nothing but the user's typing
      expect(readTab(emu, 'Deals')[2]?.[col('Stage')]).toBe('Initial Contact'); // which is never reverted
      expect(keepsAll(history, historySet(emu))).toBe(true);
      const shown = [emu.book.toasts.at(-1)?.message ?? '', String(readTab(emu, 'Deals')[2]?.[col('Health')])].join(
        ' | ',
      );
      if (/lock/.test(_name)) {
        emu.call('menuCheckSettings');
        expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/1 typed stage change is waiting/);
      } else {
        expect(shown).toMatch(/Not logged yet|could not|failed/i);
      }
      expect(bravoMoves(emu)).toEqual([]);
      faults.clear();
      emu.clock.advance(10 * 60_000);
      emu.edit(dealsTab(emu).getRange(2, col('Next Step') + 1), [['call']]); // any next edit
      expect(bravoMoves(emu)).toEqual([['Lead Generation', 'Initial Contact']]);
      expect(readTab(emu, 'Deals')[2]?.[col('Stage Entered')]).toEqual(new Date('2026-11-23T05:00:00.000Z'));
    },
  );

  test.each(movers(2))('%s: Stage Entered and the history row go to Bravo only', (_name, inject) => {
    const { emu, faults } = pipelineWith(DEALS);
    const before = rowsByDeal(emu);
    inject(faults);
    emu.edit(dealsTab(emu).getRange(3, col('Stage') + 1), [['Initial Contact']], 'Lead Generation');
    const after = rowsByDeal(emu);
    // The typed cell belongs to whoever sits on row 3 when the user typed; find that deal by its new stage.
    const moved = [...after.values()].filter((r) => r[col('Stage')] === 'Initial Contact');
    expect(moved).toHaveLength(1);
    const who = moved[0] as unknown[];
    expect((who[col('Stage Entered')] as Date).toISOString()).toBe('2026-11-23T05:00:00.000Z');
    for (const [name, row] of after) {
      if (name !== who[col('Deal')] && before.has(name))
        expect(row[col('Stage Entered')]).toEqual(before.get(name)?.[col('Stage Entered')]);
    }
    expect(
      historyRows(emu)
        .filter((h) => h[6] === 'edit')
        .map((h) => h.slice(1, 5)),
    ).toEqual([[who[0], who[1], 'Lead Generation', 'Initial Contact']]);
  });
});
