/**
 * Set up pipeline and Check settings on the built bundle (issue 9 items 3, 7, 9, 11): tabs
 * remembered by sheet ID, Deal IDs that never land on the wrong deal, a team's own validation kept,
 * shared Deal IDs reported under Data problems.
 */
import { Emulator } from '../../emulator';
import { Faults, tabSnapshot } from '../../emulator/faults';
import { DEAL_HEADERS, dealColumn as col, dealRow, namedDeal as deal } from '../../fixtures/deals';
import { historyRows, move, pipelineWith } from '../helpers/pipeline';
import { loadedEmulator, readTab, select, writeTab } from '../helpers/workbook';

const lastAlert = (emu: Emulator): string => emu.ui.alerts.at(-1)?.prompt ?? '';

describe('the Deals tab is remembered by sheet ID (item 7)', () => {
  test('after a rename, setup, typed edits and the sidebar keep using it; a tab with Stage/Value headers is never adopted', () => {
    const { emu, faults } = pipelineWith([deal('Acme')]);
    faults.rename('Deals', 'Pipeline 2026');
    const decoy = emu.counter.quiet(() => {
      const s = emu.book.insertSheet('Old deals', 0);
      s.getRange('A1:C2').setValues([
        ['Stage', 'Value', 'Notes'],
        ['Won', 5, 'keep me'],
      ]);
      return s;
    });
    const decoyBefore = tabSnapshot(emu, 'Old deals');
    emu.call('menuSetUpPipeline');
    expect(lastAlert(emu)).toMatch(/nothing changed/);
    expect(lastAlert(emu)).not.toMatch(/Old deals/);
    expect(tabSnapshot(emu, 'Old deals')).toBe(decoyBefore);
    expect(decoy.getLastColumn()).toBe(3);
    emu.edit(
      emu.book.getSheetByName('Pipeline 2026')!.getRange(2, col('Stage') + 1),
      [['Initial Contact']],
      'Lead Generation',
    );
    expect(historyRows(emu).at(-1)?.slice(1, 5)).toEqual(['D-0001', 'Acme', 'Lead Generation', 'Initial Contact']);
    select(emu, 'Pipeline 2026', 2);
    expect(emu.call('getSelectedDeal')).toMatchObject({
      ok: true,
      deal: { dealId: 'D-0001', stage: 'Initial Contact' },
    });
    expect(move(emu, { expectedStage: 'Initial Contact', toStage: 'Qualification' }).ok).toBe(true);
    expect(tabSnapshot(emu, 'Old deals')).toBe(decoyBefore);
  });
  test('when the remembered tab was deleted, only a new tab named exactly "Deals" takes its place, never one sniffed by headers', () => {
    const { emu } = pipelineWith([deal('Acme')]);
    emu.counter.quiet(() => {
      emu.book.deleteSheet(emu.book.getSheetByName('Deals')! as unknown as GoogleAppsScript.Spreadsheet.Sheet);
      emu.book
        .insertSheet('Old deals', 0)
        .getRange('A1:B2')
        .setValues([
          ['Stage', 'Value'],
          ['Won', 5],
        ]);
    });
    const decoy = tabSnapshot(emu, 'Old deals');
    writeTab(emu, 'Deals', [
      ['Deal', 'Stage'],
      ['Reimported', 'Proposal'],
    ]);
    emu.call('menuSetUpPipeline');
    expect(tabSnapshot(emu, 'Old deals')).toBe(decoy);
    expect(readTab(emu, 'Deals')[0]).toContain('Deal ID');
    expect(readTab(emu, 'Deals')[1]?.slice(0, 2)).toEqual(['Reimported', 'Proposal']);
  });
});

describe('Deal IDs while another user changes rows (item 9)', () => {
  /** Reads of whole data rows from row 1 (the table read setup plans from). */
  const wholeTable = (r: { _bounds(): [number, number, number, number] }): boolean =>
    r._bounds()[0] === 1 && r._bounds()[2] > 1;

  test.each([
    ['a row inserted above', (f: Faults) => f.insertRow('Deals', 2, dealRow(deal('Newcomer')))],
    ['a sort', (f: Faults) => f.sortRows('Deals', col('Deal') + 1, true)],
  ])("%s between setup's read and write: every ID sits on the deal its history row names", (_name, change) => {
    const emu = loadedEmulator();
    writeTab(emu, 'Deals', [DEAL_HEADERS, ...['Delta', 'Alpha', 'Charlie', 'Bravo'].map((n) => dealRow(deal(n)))]);
    const faults = new Faults(emu);
    faults.afterRead('Deals', 2, () => change(faults), wholeTable);
    emu.call('menuSetUpPipeline');
    const rows = readTab(emu, 'Deals').slice(1);
    const idOf = new Map(rows.filter((r) => r[col('Deal ID')] !== '').map((r) => [r[col('Deal')], r[col('Deal ID')]]));
    for (const n of ['Delta', 'Alpha', 'Charlie', 'Bravo']) expect(idOf.get(n)).toMatch(/^D-\d{4}$/);
    expect(new Set(idOf.values()).size).toBe(idOf.size);
    const imports = historyRows(emu).filter((h) => h[6] === 'import');
    expect(imports).toHaveLength(4);
    for (const h of imports) expect(idOf.get(h[2])).toBe(h[1]);
  });
});

describe('setup adopts, never overwrites (item 11)', () => {
  test("a team's own Stage dropdown (reject input, help text) stays; a Budget column of amounts gets no checkboxes; both reported", () => {
    const emu = loadedEmulator();
    const sheet = writeTab(emu, 'Deals', [
      DEAL_HEADERS,
      dealRow(deal('Acme', { Budget: 25000 })),
      dealRow(deal('Beta', { Budget: '' })),
    ]);
    emu.counter.quiet(() => {
      const rule = emu.spreadsheetApp
        .newDataValidation()
        .requireValueInList(['Lead Generation', 'Initial Contact', 'Qualification'], true)
        .setAllowInvalid(false)
        .setHelpText('Our stages only')
        .build();
      sheet
        .getRange(2, col('Stage') + 1, 200, 1)
        .setDataValidation(rule as unknown as GoogleAppsScript.Spreadsheet.DataValidation);
    });
    const stageRules = () =>
      emu.counter.quiet(() =>
        sheet
          .getRange(2, col('Stage') + 1, 300, 1)
          .getDataValidations()
          .map((r) => (r[0] ? [r[0].getCriteriaType(), r[0].getAllowInvalid(), r[0].getHelpText()] : null)),
      );
    const before = JSON.stringify(stageRules());
    emu.call('menuSetUpPipeline');
    expect(JSON.stringify(stageRules())).toBe(before);
    expect(sheet.getRange(2, col('Budget') + 1).getDataValidation()).toBeNull();
    expect(sheet.getRange(3, col('Budget') + 1).getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange(2, col('Authority') + 1)
        .getDataValidation()
        ?.getCriteriaType(),
    ).toBe('CHECKBOX');
    expect(readTab(emu, 'Deals')[1]?.[col('Budget')]).toBe(25000);
    expect(lastAlert(emu)).toMatch(
      /Stage: kept your own data validation \(row 2: rejects other input, help "Our stages only"\)/,
    );
    expect(lastAlert(emu)).toMatch(/Budget: holds values that are not ticks \(25000 on row 2\)/);
  });
});

describe('shared Deal IDs are reported under Data problems (item 3)', () => {
  const copied = (): Emulator => {
    const { emu } = pipelineWith([deal('Acme'), deal('Beta'), deal('Gamma')]);
    emu.counter.quiet(() =>
      emu.book
        .getSheetByName('Deals')!
        .getRange(4, col('Deal ID') + 1)
        .setValue('D-0001'),
    );
    return emu;
  };

  test('by Set up pipeline', () => {
    const emu = copied();
    emu.call('menuSetUpPipeline');
    expect(lastAlert(emu)).toMatch(
      /Data problems:\n- Deals row 2: Deal ID "D-0001" is also on row 4[^\n]*\n- Deals row 4: Deal ID "D-0001" is also on row 2/,
    );
  });

  test('by Check settings, next to the settings verdict', () => {
    const emu = copied();
    emu.call('menuCheckSettings');
    expect(lastAlert(emu)).toMatch(/^All good: 7 stages/);
    expect(lastAlert(emu)).toMatch(/Data problems:\n- Deals row 2: Deal ID "D-0001" is also on row 4/);
  });

  test('Check settings also says when typed changes are waiting to be logged', () => {
    const { emu, faults } = pipelineWith([deal('Acme')]);
    faults.holdLock(60 * 60_000);
    emu.edit(emu.book.getSheetByName('Deals')!.getRange(2, col('Stage') + 1), [['Initial Contact']], 'Lead Generation');
    emu.call('menuCheckSettings');
    expect(lastAlert(emu)).toMatch(/1 typed stage change is waiting to be logged/);
  });
});
