/**
 * The sidebar's move as one write plan (issue 9 items 2, 3; issue 15 item 1): everything is checked
 * before the first write, the history row and the cells land together or not at all, and a Deal ID
 * that names more than one row is never acted on.
 */
import { columnLetter } from '../../src/core/columns';
import { PROTECTED_MESSAGE } from '../../emulator/faults';
import { dealColumn as col } from '../../fixtures/deals';
import { cellsExcept, historyRows, move, pipelineWith, tabSnapshot } from '../helpers/pipeline';
import { readTab, select } from '../helpers/workbook';

const acme = {
  Deal: 'Acme renewal',
  Company: 'Acme',
  Owner: 'Ann',
  Stage: 'Qualification',
  Value: 5000,
  'Stage Entered': '2026-11-01',
  'Last Activity': '2026-11-02',
};
const beta = { Deal: 'Beta', Company: 'Beta Co', Owner: 'Bob', Stage: 'Lead Generation', Value: 100 };

describe('a sidebar move checks everything before its first write', () => {
  test.each([
    ['Last Activity', 'K1', { toStage: 'Initial Contact' }],
    ['Stage Entered', 'J1', { toStage: 'Initial Contact' }],
    ['Lost Reason', `${columnLetter(col('Lost Reason'))}1`, { toStage: 'Closed Lost', lostReason: 'Budget cut' }],
  ])('with no %s column nothing changes and the message names the column', (label, header, req) => {
    const { emu } = pipelineWith([acme, beta]);
    emu.counter.quiet(() => emu.book.getSheetByName('Deals')!.getRange(header).setValue('Comments'));
    const deals = tabSnapshot(emu, 'Deals');
    const history = tabSnapshot(emu, 'Stage History');
    const r = move(emu, req);
    expect(r.ok).toBe(false);
    expect(r.message).toContain(`"${label}"`);
    expect(r.message).toMatch(/Nothing was changed/);
    expect(tabSnapshot(emu, 'Deals')).toBe(deals);
    expect(tabSnapshot(emu, 'Stage History')).toBe(history);
  });

  test('a protected Stage History tab: no Deals cell changes, and the message names the tab', () => {
    const { emu, faults } = pipelineWith([acme, beta]);
    faults.protect('Stage History');
    const deals = tabSnapshot(emu, 'Deals');
    const r = move(emu, { toStage: 'Initial Contact' });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('Stage History');
    expect(r.message).toContain(PROTECTED_MESSAGE);
    expect(tabSnapshot(emu, 'Deals')).toBe(deals);
  });

  test('a write that fails half-way is put back whole, and its history row removed', () => {
    const { emu, faults } = pipelineWith([acme, beta]);
    const deals = tabSnapshot(emu, 'Deals');
    const logged = historyRows(emu).length;
    // The move writes Stage (E), Stage Entered + Last Activity (J:K) and Health (R): fail the second block.
    faults.failWriteHalfway('Deals', 2);
    const r = move(emu, { toStage: 'Initial Contact' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/put back/);
    expect(tabSnapshot(emu, 'Deals')).toBe(deals);
    expect(historyRows(emu).filter((h) => h[1] !== '')).toHaveLength(logged);
  });

  test('Health is rewritten with the move (an override to Negotiation lists what was skipped)', () => {
    const { emu } = pipelineWith([acme, beta]);
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(2, col('Health') + 1)
        .setValue('Stale: old text'),
    );
    expect(move(emu, { toStage: 'Negotiation', override: true, note: 'sponsor signed' }).ok).toBe(true);
    // Independent: Proposal needs Budget, Authority, Need, Timeline; Negotiation needs Expected Close (default stages).
    expect(readTab(emu, 'Deals')[1]?.[col('Health')]).toBe(
      'No next step; Missing: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal), Expected Close (Negotiation)',
    );
  });
});

describe('duplicate Deal IDs (a copied row)', () => {
  const copied = () => {
    const setup = pipelineWith([acme, beta]);
    const { emu } = setup;
    // A user copies row 2 over row 3: both now carry D-0001.
    emu.counter.quiet(() => {
      const s = emu.book.getSheetByName('Deals')!;
      s.getRange(3, 1, 1, 18).setValues(s.getRange(2, 1, 1, 18).getValues());
      s.getRange(3, col('Deal') + 1).setValue('Acme copy');
    });
    return setup;
  };

  test('the sidebar does not show a deal whose ID is on two rows, and names both rows', () => {
    const { emu } = copied();
    select(emu, 'Deals', 3);
    const r = emu.call('getSelectedDeal') as { ok: boolean; message: string };
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/D-0001/);
    expect(r.message).toMatch(/rows? 2 and 3|2, 3/);
  });

  test('a move of an ambiguous ID is refused and moves neither deal', () => {
    const { emu } = copied();
    const deals = tabSnapshot(emu, 'Deals');
    const before = historyRows(emu).length;
    const r = move(emu, { row: 3, toStage: 'Initial Contact' });
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/D-0001 is on rows 2 and 3/);
    expect(tabSnapshot(emu, 'Deals')).toBe(deals);
    expect(historyRows(emu)).toHaveLength(before);
  });

  test('the view carries its row, and a move after a sort still finds the deal by its (unique) ID', () => {
    const { emu, faults } = pipelineWith([acme, beta]);
    select(emu, 'Deals', 2);
    const view = emu.call('getSelectedDeal') as { ok: true; deal: { row: number; dealId: string } };
    expect(view.deal).toMatchObject({ row: 2, dealId: 'D-0001' });
    faults.sortRows('Deals', col('Deal') + 1, true); // Beta, then Acme renewal: D-0001 is now on row 3
    const others = cellsExcept(emu, 'Deals', [col('Stage'), col('Stage Entered'), col('Last Activity'), col('Health')]);
    expect(move(emu, { row: view.deal.row, toStage: 'Initial Contact' }).ok).toBe(true);
    expect(readTab(emu, 'Deals')[2]?.slice(0, 5)).toEqual(['D-0001', 'Acme renewal', 'Acme', 'Ann', 'Initial Contact']);
    expect(readTab(emu, 'Deals')[1]?.[col('Stage')]).toBe('Lead Generation');
    expect(cellsExcept(emu, 'Deals', [col('Stage'), col('Stage Entered'), col('Last Activity'), col('Health')])).toBe(
      others,
    );
  });
});
