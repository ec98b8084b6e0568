/**
 * Color-coded stages through dist/Code.js (#14 item 2): setup puts one rule per stage on the Deals
 * tab's Stage column after the team's own rules, a color changed in the settings tab updates only
 * the add-on's rules, a bad color names its cell and changes nothing, blank Color cells of the
 * default stages are filled at setup (a typed color never overwritten).
 */
import { Emulator } from '../../emulator';
import { DEAL_HEADERS, dealColumn as col, namedDeal as deal } from '../../fixtures/deals';
import { pipelineWith } from '../helpers/pipeline';
import { loadedEmulator, writeTab } from '../helpers/workbook';
import { dealRow } from '../../fixtures/deals';

const SETTINGS = 'Pipeline Settings';
const STAGE_COL = col('Stage') + 1;
const letter = (n: number): string => String.fromCharCode(64 + n);
const STAGE_RANGE = `${letter(STAGE_COL)}2:${letter(STAGE_COL)}1000`;

/** The default stages and colors, written out here rather than taken from the code under test. */
const DEFAULTS: [string, string][] = [
  ['Lead Generation', '#56b4e9'],
  ['Initial Contact', '#0072b2'],
  ['Qualification', '#cc79a7'],
  ['Proposal', '#e69f00'],
  ['Negotiation', '#f0e442'],
  ['Closed Won', '#009e73'],
  ['Closed Lost', '#d55e00'],
];
/** Black or white, by WCAG 2 contrast worked here. */
function textOn(bg: string): string {
  const ch = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16) / 255);
  const lin = ch.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const l = 0.2126 * (lin[0] as number) + 0.7152 * (lin[1] as number) + 0.0722 * (lin[2] as number);
  return 1.05 / (l + 0.05) > (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

const deals = (emu: Emulator) => emu.book.getSheetByName('Deals')!;
const settings = (emu: Emulator) => emu.book.getSheetByName(SETTINGS)!;
/** Every rule of the Deals tab as plain data: kind, text, colors, ranges. */
function rules(
  emu: Emulator,
): { type: string; text: unknown; bg: string | null; fc: string | null; ranges: string[] }[] {
  return emu.counter.quiet(() =>
    deals(emu)
      .getConditionalFormatRules()
      .map((r) => {
        const c = r.getBooleanCondition()!;
        return {
          type: c.getCriteriaType(),
          text: c.getCriteriaValues()[0],
          bg: c.getBackground(),
          fc: c.getFontColor(),
          ranges: r.getRanges().map((x) => x.getA1Notation()),
        };
      }),
  );
}
const stageRulesOf = (emu: Emulator) =>
  rules(emu).filter((r) => r.type === 'TEXT_EQUAL_TO' && r.ranges[0] === STAGE_RANGE);
const expectedRules = (colors: [string, string][]) =>
  colors.map(([stage, bg]) => ({ type: 'TEXT_EQUAL_TO', text: stage, bg, fc: textOn(bg), ranges: [STAGE_RANGE] }));

/** Types into a settings cell as a user would (onEdit fires). */
function typeSetting(emu: Emulator, a1: string, value: unknown): void {
  const range = settings(emu).getRange(a1);
  const old = emu.counter.quiet(() => range.getValue());
  emu.edit(range, [[value]], old);
}
const settingsRow = (stage: string): number => DEFAULTS.findIndex(([s]) => s === stage) + 2;

/** A Deals tab with the team's own conditional formatting, before the add-on is set up. */
function withUserRules(): Emulator {
  const emu = loadedEmulator();
  const sheet = writeTab(emu, 'Deals', [DEAL_HEADERS, dealRow(deal('Acme', { Stage: 'Closed Won' }))]);
  emu.counter.quiet(() => {
    const app = emu.spreadsheetApp;
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('Closed Won')
        .setBackground('#ff00ff')
        .setRanges([sheet.getRange(STAGE_RANGE) as never])
        .build() as never,
      app
        .newConditionalFormatRule()
        .whenTextContains('urgent')
        .setBackground('#ffff00')
        .setRanges([sheet.getRange('A2:B50') as never])
        .build() as never,
    ]);
  });
  emu.call('menuSetUpPipeline');
  return emu;
}

describe('setup colors the Stage column', () => {
  test('one rule per stage: text exactly the stage -> its color and a readable text color; running setup again changes nothing', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    expect(rules(emu).filter((r) => r.type === 'TEXT_EQUAL_TO')).toEqual(expectedRules(DEFAULTS));
    const before = JSON.stringify(rules(emu));
    emu.call('menuSetUpPipeline');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/nothing changed/);
    expect(JSON.stringify(rules(emu))).toBe(before);
  });

  test("the settings tab's Color cells show their color as background with readable text", () => {
    const { emu } = pipelineWith([deal('Acme')]);
    const range = settings(emu).getRange(`H2:H${DEFAULTS.length + 1}`);
    expect(range.getBackgrounds().map((r) => r[0])).toEqual(DEFAULTS.map(([, c]) => c));
    expect(range.getFontColors().map((r) => r[0])).toEqual(DEFAULTS.map(([, c]) => textOn(c)));
  });

  test("a team's own rules are kept untouched and first (they win over the stage colors)", () => {
    const emu = withUserRules();
    const all = rules(emu);
    expect(all[0]).toEqual({
      type: 'TEXT_EQUAL_TO',
      text: 'Closed Won',
      bg: '#ff00ff',
      fc: null,
      ranges: [STAGE_RANGE],
    });
    expect(all[1]).toEqual({ type: 'TEXT_CONTAINS', text: 'urgent', bg: '#ffff00', fc: null, ranges: ['A2:B50'] });
    expect(all.slice(2)).toEqual(expectedRules(DEFAULTS));
  });
});

describe('changing the settings updates only the add-on rules', () => {
  test('a typed color replaces our rule for that stage; the user rules stay as they were, in order', () => {
    const emu = withUserRules();
    const mine = JSON.stringify(rules(emu).slice(0, 2));
    typeSetting(emu, `H${settingsRow('Proposal')}`, '#123456');
    const all = rules(emu);
    expect(JSON.stringify(all.slice(0, 2))).toBe(mine);
    expect(all.slice(2)).toEqual(
      expectedRules(DEFAULTS.map(([s, c]) => [s, s === 'Proposal' ? '#123456' : c] as [string, string])),
    );
    expect(
      settings(emu)
        .getRange(`H${settingsRow('Proposal')}`)
        .getBackground(),
    ).toBe('#123456');
  });

  test('a renamed stage gets its rule under the new name, the old one goes', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    typeSetting(emu, `A${settingsRow('Proposal')}`, 'Quote');
    expect(stageRulesOf(emu).map((r) => r.text)).toEqual(DEFAULTS.map(([s]) => (s === 'Proposal' ? 'Quote' : s)));
  });

  test('a rule of ours the user recolored in Sheets becomes theirs and is kept', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    emu.counter.quiet(() => {
      const list = deals(emu).getConditionalFormatRules();
      list[0] = list[0]!.copy().setBackground('#abcdef').build();
      deals(emu).setConditionalFormatRules(list as never);
    });
    typeSetting(emu, `H${settingsRow('Proposal')}`, '#123456');
    const all = rules(emu);
    expect(all[0]).toMatchObject({ text: 'Lead Generation', bg: '#abcdef' });
    expect(all.filter((r) => r.text === 'Lead Generation')).toHaveLength(2);
  });

  test('a bad color names its cell and changes nothing', () => {
    const emu = withUserRules();
    const before = JSON.stringify(rules(emu));
    const cell = `H${settingsRow('Negotiation')}`;
    const bgBefore = emu.counter.quiet(() => settings(emu).getRange(cell).getBackground());
    typeSetting(emu, cell, 'teal-ish');
    expect(JSON.stringify(rules(emu))).toBe(before);
    expect(emu.book.toasts.at(-1)?.message).toContain(`'${SETTINGS}'!${cell}`);
    expect(emu.book.toasts.at(-1)?.message).toContain('teal-ish');
    expect(emu.counter.quiet(() => settings(emu).getRange(cell).getBackground())).toBe(bgBefore);
    emu.call('menuSetUpPipeline');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(new RegExp(`Stage colors not changed[\\s\\S]*'${SETTINGS}'!${cell}`));
    expect(JSON.stringify(rules(emu))).toBe(before);
  });

  test('the daily job (with the stale flags) brings the rules in line with settings changed without an edit event', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    emu.counter.quiet(() =>
      settings(emu)
        .getRange(`H${settingsRow('Closed Won')}`)
        .setValue('#00ff00'),
    );
    emu.call('menuFlagStaleDeals');
    expect(stageRulesOf(emu).find((r) => r.text === 'Closed Won')).toMatchObject({ bg: '#00ff00', fc: '#000000' });
    expect(rules(emu).filter((r) => r.type === 'TEXT_STARTS_WITH')).toHaveLength(1);
  });
});

describe('blank Color cells at setup', () => {
  test('an older settings tab (A:E): default stages get their default color, other stages stay blank (palette), typed colors are kept', () => {
    const emu = loadedEmulator();
    writeTab(emu, SETTINGS, [
      ['Stage', 'Win probability', 'Outcome', 'Stale after (days)', 'Entry requirements'],
      ['Lead Generation', 0.1, 'Open', 14, ''],
      ['Demo', 0.3, 'Open', 14, ''],
      ['Proposal', 0.5, 'Open', 10, ''],
      ['Closed Won', 1, 'Won', '', ''],
      ['Closed Lost', 0, 'Lost', '', ''],
    ]);
    writeTab(emu, 'Deals', [DEAL_HEADERS, dealRow(deal('Acme', { Stage: 'Demo' }))]);
    emu.call('menuSetUpPipeline');
    typeSetting(emu, 'H6', '#222222'); // a typed color (Closed Lost)
    emu.call('menuSetUpPipeline');
    const colors = emu.counter.quiet(() =>
      settings(emu)
        .getRange('H2:H6')
        .getValues()
        .map((r) => r[0]),
    );
    expect(colors).toEqual(['#56b4e9', '', '#e69f00', '#009e73', '#222222']);
    // Demo is the second open stage: the second palette color.
    expect(stageRulesOf(emu).map((r) => [r.text, r.bg])).toEqual([
      ['Lead Generation', '#56b4e9'],
      ['Demo', '#0072b2'],
      ['Proposal', '#e69f00'],
      ['Closed Won', '#009e73'],
      ['Closed Lost', '#222222'],
    ]);
  });
});

describe('the summary funnel uses the stage colors', () => {
  test('one bar (series) per open and won stage, in pipeline order, each in its stage color; a changed color follows', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    typeSetting(emu, `H${settingsRow('Qualification')}`, '#654321');
    emu.call('menuRefreshSummary');
    const funnel = emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Pipeline Summary')!
        .getCharts()
        .find((c) => c.getOptions().get('title') === 'Pipeline funnel (deals reached)')!,
    );
    expect(funnel.getTransposeRowsAndColumns()).toBe(true);
    expect(funnel.getOptions().get('colors')).toEqual(
      DEFAULTS.filter(([s]) => s !== 'Closed Lost').map(([s, c]) => (s === 'Qualification' ? '#654321' : c)),
    );
  });
});
