/**
 * The Pipeline board's server API through the built dist/Code.js (issue 14 item 1): the board's data in
 * one read per tab, argument validation, the sidebar's move path (gates, override note, lost reason,
 * history with Via "board", refusal when the sheet changed since the board loaded), and row selection.
 */
import { DEAL_HEADERS, dealColumn as col } from '../../fixtures/deals';
import { historyRows, pipelineWith, tabSnapshot } from '../helpers/pipeline';
import { readTab, writeTab } from '../helpers/workbook';
import type { Emulator } from '../../emulator';
import type { BoardCard, BoardData, BoardMoveResult } from '../../src/shared/board-api';
import type { SelectDealResult } from '../../src/shared/select-deal-api';

// Today is 2026-11-23 in the spreadsheet's zone (the emulator's default clock).
const acme = {
  Deal: 'Acme renewal',
  Company: 'Acme',
  Owner: 'Ann',
  Stage: 'Qualification',
  Value: 5000,
  'Stage Entered': '2026-11-01',
  'Last Activity': '2026-11-02',
  'Next Step': 'Send pricing',
};
const beta = {
  Deal: 'Beta',
  Company: 'Beta Co',
  Owner: 'Bob',
  Stage: 'Proposal',
  Value: 2000,
  Probability: '80%',
  'Stage Entered': '2026-11-20',
};
const won = {
  Deal: 'Core',
  Company: 'Core',
  Owner: 'Ann',
  Stage: 'Closed Won',
  Value: 3000,
  'Stage Entered': '2026-10-01',
};
const broken = { Deal: 'Dyna', Owner: 'Bob', Stage: 'Proposal', Value: 'tbd' };

const board = (emu: Emulator): Extract<BoardData, { ok: true }> => {
  const data = emu.call('getBoard') as BoardData;
  if (!data.ok) throw new Error(data.message);
  return data;
};
const cardOf = (emu: Emulator, name: string): BoardCard => {
  const c = board(emu).cards.find((x) => x.name === name);
  if (!c) throw new Error(`no card ${name}`);
  return c;
};
const moveCard = (
  emu: Emulator,
  card: BoardCard,
  toStage: string,
  extra: Record<string, unknown> = {},
): BoardMoveResult =>
  emu.call('moveBoardDeal', {
    dealId: card.dealId,
    row: card.row,
    expectedStage: card.stage,
    toStage,
    note: '',
    override: false,
    lostReason: '',
    ...extra,
  }) as BoardMoveResult;

describe('getBoard', () => {
  test('a card per readable deal, figures worked by hand, the unreadable row listed, stages in order', () => {
    const { emu } = pipelineWith([acme, beta, won, broken]);
    const data = board(emu);
    expect(data.stages.map((s) => [s.name, s.outcome])).toEqual([
      ['Lead Generation', 'Open'],
      ['Initial Contact', 'Open'],
      ['Qualification', 'Open'],
      ['Proposal', 'Open'],
      ['Negotiation', 'Open'],
      ['Closed Won', 'Won'],
      ['Closed Lost', 'Lost'],
    ]);
    expect(data.stages.every((s) => /^#[0-9a-f]{6}$/i.test(s.color))).toBe(true);
    expect(data.cards.map((c) => c.name)).toEqual(['Acme renewal', 'Beta', 'Core']);
    const [a, b, c] = data.cards as [BoardCard, BoardCard, BoardCard];
    expect(a).toEqual({
      dealId: 'D-0001',
      row: 2,
      name: 'Acme renewal',
      company: 'Acme',
      owner: 'Ann',
      value: 5000,
      weighted: 5000 * 0.3,
      stage: 'Qualification',
      daysInStage: 22,
      nextStep: 'Send pricing',
      // Last touch 2026-11-02: 21 days, Qualification's limit is 14.
      badges: [{ kind: 'stale', text: 'Stale 21d (limit 14)' }],
      // Default weights 30/25/20/10/15 (sum 100): value 30 x 1500/1600 (Beta's 1,600 is the largest open
      // weighted value) = 28.125; no close date 0; Qualification 3rd of 5 open stages 20 x 0.6 = 12;
      // stale 10 x (21 - 14)/14 = 5; no follow-up date 0: 45.125, shown to one decimal.
      priority: 45.1,
    });
    expect(b.weighted).toBeCloseTo(2000 * 0.8, 9); // its own probability wins over Proposal's 50%
    // Beta: value 30 x 1 + Proposal 20 x 0.8 = 46. Proposal requires a next step and Beta has none.
    expect(b.priority).toBe(46);
    expect(b.badges).toEqual([{ kind: 'overdue', text: 'No next step' }]);
    expect(c.priority).toBeUndefined(); // closed deals have no priority
    expect(c.weighted).toBe(3000); // won: 100%
    expect(data.problemCount).toBe(1);
    expect(data.problems[0]).toMatch(/row 5: Value "tbd" is not a number/);
    expect(JSON.parse(JSON.stringify(data))).toEqual(data); // JSON-safe: nothing lost through google.script.run
  });

  test('a close date pushed twice (Stage History) shows the slipped badge on the card', () => {
    const { emu } = pipelineWith([{ ...acme, 'Expected Close': '2026-12-01' }]);
    expect(cardOf(emu, 'Acme renewal').badges.map((x) => x.kind)).toEqual(['stale']);
    const push = (was: string, to: string): void => {
      const r = emu.call('setExpectedClose', { dealId: 'D-0001', row: 2, was, expectedClose: to }) as { ok: boolean };
      expect(r.ok).toBe(true);
    };
    push('2026-12-01', '2026-12-08');
    push('2026-12-08', '2026-12-20');
    // Two pushes, 7 + 12 = 19 days.
    expect(cardOf(emu, 'Acme renewal').badges).toContainEqual({ kind: 'slipped', text: 'Close pushed 2x (+19d)' });
  });

  test('reads the Settings, Deals and Stage History tabs with one getValues each and writes nothing', () => {
    const deals = Array.from({ length: 2000 }, (_, i) => ({
      Deal: `Deal ${i}`,
      Owner: `Rep ${i % 7}`,
      Stage: ['Lead Generation', 'Qualification', 'Proposal'][i % 3],
      Value: 100 + i,
    }));
    const { emu } = pipelineWith(deals);
    emu.counter.reset();
    const data = board(emu);
    expect(data.cards).toHaveLength(2000);
    const calls = emu.counter.snapshot();
    expect(Object.keys(calls).filter((k) => /set|insert|append|clear|delete/i.test(k))).toEqual([]);
    // One getValues for the settings tab, one for the whole Deals tab, one for Stage History (slipped dates).
    expect(calls['Range.getValues']).toBe(3);
    // Values checked against a plain loop over the rows written.
    let total = 0;
    for (const d of deals) total += d.Value;
    expect(data.cards.reduce((s, c) => s + c.value, 0)).toBe(total);
  });

  test('a Deal ID on two rows is marked on both cards; a row without an ID is marked too', () => {
    const { emu } = pipelineWith([acme, beta]);
    emu.counter.quiet(() => {
      const sheet = emu.book.getSheetByName('Deals')!;
      sheet.getRange(3, col('Deal ID') + 1).setValue('D-0001');
    });
    writeTab(emu, 'Deals', [
      ...readTab(emu, 'Deals'),
      DEAL_HEADERS.map((h) => (h === 'Deal' ? 'New' : h === 'Stage' ? 'Proposal' : '')),
    ]);
    const kinds = board(emu).cards.map((c) => [c.name, c.badges.map((x) => x.kind)]);
    expect(kinds).toEqual([
      ['Acme renewal', ['stale', 'shared-id']],
      // Beta and New sit in stages that require a next step and have none.
      ['Beta', ['overdue', 'shared-id']],
      ['New', ['overdue', 'no-id']],
    ]);
  });

  test('without a Deals tab: a message, not a throw', () => {
    const { emu } = pipelineWith([acme]);
    emu.counter.quiet(() =>
      emu.book.deleteSheet(emu.book.getSheetByName('Deals')! as unknown as GoogleAppsScript.Spreadsheet.Sheet),
    );
    expect(emu.call('getBoard')).toEqual({ ok: false, message: expect.stringMatching(/Set up pipeline/) });
  });
});

describe('moveBoardDeal: the sidebar move path', () => {
  const valid = {
    dealId: 'D-0001',
    row: 2,
    expectedStage: 'Qualification',
    toStage: 'Proposal',
    note: '',
    override: false,
    lostReason: '',
  };
  test.each([
    ['null', null, /must be an object/],
    ['a list', [1], /must be an object/],
    ['override "yes"', { ...valid, override: 'yes' }, /override must be true or false/],
    ['the header row', { ...valid, row: 1 }, /row must be/],
    ['row 2.5', { ...valid, row: 2.5 }, /row must be/],
    ['a number as dealId', { ...valid, dealId: 7 }, /dealId must be text/],
    ['a 2,001-character note', { ...valid, note: 'x'.repeat(2001) }, /note is longer than 2000/],
    ['no target stage', { ...valid, toStage: '' }, /toStage is missing/],
    ['an unknown stage', { ...valid, toStage: 'Pitching' }, /"Pitching" is not a stage/],
  ])('refuses %s and changes nothing', (_label, request, message) => {
    const { emu } = pipelineWith([acme, beta]);
    const before = tabSnapshot(emu, 'Deals') + tabSnapshot(emu, 'Stage History');
    const r = emu.call('moveBoardDeal', request) as BoardMoveResult;
    expect(r).toEqual({ ok: false, message: expect.stringMatching(message), missing: [] });
    expect(tabSnapshot(emu, 'Deals') + tabSnapshot(emu, 'Stage History')).toBe(before);
  });

  test('a blocked gate is refused with what is missing; an override needs a note; with one it lands, logged', () => {
    const { emu } = pipelineWith([acme, beta]);
    const card = cardOf(emu, 'Acme renewal');
    const before = tabSnapshot(emu, 'Deals');
    const logged = historyRows(emu).length;
    const refused = moveCard(emu, card, 'Proposal');
    expect(refused).toEqual({
      ok: false,
      message:
        'Moving to Proposal needs: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal).',
      missing: ['Budget (Proposal)', 'Authority (Proposal)', 'Need (Proposal)', 'Timeline (Proposal)'],
    });
    const noNote = moveCard(emu, card, 'Proposal', { override: true, note: '  ' });
    expect(noNote.ok).toBe(false);
    expect(noNote.message).toMatch(/override needs a written note/);
    expect(tabSnapshot(emu, 'Deals')).toBe(before);
    expect(historyRows(emu)).toHaveLength(logged);

    const done = moveCard(emu, card, 'Proposal', { override: true, note: 'Verbal yes from the CFO' });
    expect(done).toMatchObject({ ok: true, message: 'Moved (override, logged) Acme renewal to Proposal.' });
    if (!done.ok) return;
    expect(done.card).toMatchObject({ dealId: 'D-0001', row: 2, stage: 'Proposal', daysInStage: 0, weighted: 2500 });
    const row = readTab(emu, 'Deals')[1] as unknown[];
    expect(row[col('Stage')]).toBe('Proposal');
    const last = historyRows(emu).at(-1) as unknown[];
    expect(last.slice(1, 8)).toEqual([
      'D-0001',
      'Acme renewal',
      'Qualification',
      'Proposal',
      'rep@example.com',
      'board',
      'OVERRIDE (missing: Budget (Proposal), Authority (Proposal), Need (Proposal), Timeline (Proposal)). Verbal yes from the CFO',
    ]);
  });

  test('Lost needs a reason, which is written with the move', () => {
    const { emu } = pipelineWith([acme, beta]);
    const card = cardOf(emu, 'Beta');
    expect(moveCard(emu, card, 'Closed Lost').message).toBe('Moving to Closed Lost needs a lost reason.');
    const r = moveCard(emu, card, 'Closed Lost', { lostReason: 'Went with a competitor' });
    expect(r.ok).toBe(true);
    expect((readTab(emu, 'Deals')[2] as unknown[])[col('Lost Reason')]).toBe('Went with a competitor');
    expect((historyRows(emu).at(-1) as unknown[])[7]).toBe('Lost reason: Went with a competitor');
  });

  test('refused when the deal changed stage since the board loaded; followed by ID when rows moved', () => {
    const { emu } = pipelineWith([acme, beta]);
    const card = cardOf(emu, 'Beta');
    // Another user moves Beta in the sheet after the board loaded.
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(3, col('Stage') + 1)
        .setValue('Negotiation'),
    );
    const before = tabSnapshot(emu, 'Deals');
    const r = moveCard(emu, card, 'Initial Contact');
    expect(r.ok).toBe(false);
    expect(r.message).toBe(
      'This deal\'s stage changed to "Negotiation" since the board read it (it showed "Proposal"). Refresh and try again.',
    );
    expect(tabSnapshot(emu, 'Deals')).toBe(before);

    // A sort put Beta on row 2: the move follows its Deal ID.
    const rows = readTab(emu, 'Deals');
    writeTab(emu, 'Deals', [rows[0] as unknown[], rows[2] as unknown[], rows[1] as unknown[]]);
    const moved = moveCard(emu, { ...card, stage: 'Negotiation' }, 'Proposal');
    expect(moved).toMatchObject({ ok: true, card: { row: 2, stage: 'Proposal' } });
  });

  test('a Deal ID on two rows is never moved', () => {
    const { emu } = pipelineWith([acme, beta]);
    const card = cardOf(emu, 'Beta');
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(2, col('Deal ID') + 1)
        .setValue(card.dealId),
    );
    const r = moveCard(emu, card, 'Negotiation');
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/is on rows 2 and 3/), missing: [] });
  });
});

describe('selectDeal', () => {
  const active = (emu: Emulator): string =>
    emu.counter.quiet(() => `${emu.book.getActiveSheet().getName()}!${emu.book.getActiveRange()?.getA1Notation()}`);

  test('selects the row that holds the Deal ID now, on the Deals tab', () => {
    const { emu } = pipelineWith([acme, beta]);
    emu.counter.quiet(() => emu.book.getSheetByName('Stage History')!.activate());
    const r = emu.call('selectDeal', { dealId: 'D-0002', row: 3 }) as SelectDealResult;
    expect(r).toEqual({ ok: true, row: 3, message: 'Selected row 3.' });
    expect(active(emu)).toBe(`Deals!A3:${String.fromCharCode(64 + DEAL_HEADERS.length)}3`);
  });

  test.each([
    [undefined, /must be an object/],
    [{ dealId: '', row: 3 }, /dealId is missing/],
    [{ dealId: 'D-0002', row: 0 }, /row must be/],
    [{ dealId: 'D-0002', row: '3' }, /row must be/],
    [{ dealId: 'D-9999', row: 3 }, /no longer on the Deals tab/],
  ])('refuses %j and leaves the selection', (request, message) => {
    const { emu } = pipelineWith([acme, beta]);
    const before = active(emu);
    const r = emu.call('selectDeal', request) as SelectDealResult;
    expect(r).toEqual({ ok: false, message: expect.stringMatching(message) });
    expect(active(emu)).toBe(before);
  });
});
