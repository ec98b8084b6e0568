/**
 * One playground workbook: the real dist/Code.js in the emulator, formulas by HyperFormula, saved to
 * a local file after every change and reloaded on restart.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Emulator } from '../emulator';
import type { EmuSheet } from '../emulator';
import type { ActionResult, PromptAnswer } from './api-types';
import type { Alert } from '../emulator/ui';
import { exportState, importState, SavedState } from '../emulator/state';
import { buildDemo } from './demo';
import { CallableFunctions, declaredEntryPoints } from './entry-points';
import { cellKey, FormulaCache } from './formula-cache';
import { Computed, recalculate } from './formulas';

export const HOUR = 3_600_000;

export class PromptNeeded extends Error {
  constructor(readonly prompt: Alert) {
    super('prompt needed');
  }
}

export class PlaygroundSession {
  readonly emu: Emulator;
  /** The bundle functions a browser may have run, by name. */
  readonly callable: CallableFunctions;
  computed: Computed | undefined;
  /** Our functions' results per cell, kept while their arguments are unchanged (as Sheets does). */
  readonly formulaCache = new FormulaCache();

  constructor(
    private readonly dataFile: string,
    distDir?: string,
  ) {
    this.emu = new Emulator({
      distDir,
      timeZone: 'America/New_York',
      scriptTimeZone: 'America/New_York',
      now: Date.now(),
      user: 'you@example.com',
    }).load();
    this.callable = new CallableFunctions(declaredEntryPoints(readFileSync(join(this.emu.distDir, 'Code.js'), 'utf8')));
    if (existsSync(dataFile)) importState(this.emu, JSON.parse(readFileSync(dataFile, 'utf8')) as SavedState);
    else buildDemo(this.emu);
    this.dropUndeclaredTriggers();
    this.emu.ui.onUnanswered = (p) => {
      throw new PromptNeeded(p);
    };
    this.emu.open('LIMITED');
    this.changed();
  }

  /** A saved workbook may name any handler; only the bundle's declared entry points ever run. */
  private dropUndeclaredTriggers(): void {
    this.emu.triggers.triggers = this.emu.triggers.triggers.filter((t) => this.callable.isDeclared(t.handler));
  }

  /** After every change: formulas recomputed, workbook saved (written whole, then renamed into place). */
  changed(): void {
    this.computed = recalculate(this.emu, this.formulaCache);
    mkdirSync(dirname(this.dataFile), { recursive: true });
    const tmp = `${this.dataFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(exportState(this.emu)));
    renameSync(tmp, this.dataFile);
  }

  /** Runs an action the way Sheets would (a menu item, a trigger), collecting dialogs it opened; `readOnly`: saves nothing. */
  act(run: () => unknown, answers: PromptAnswer[] = [], readOnly = false): ActionResult {
    const ui = this.emu.ui;
    const before = ui.alerts.length;
    const sidebar = ui.sidebar;
    const dialog = ui.dialogs.at(-1);
    ui.answers.splice(0, ui.answers.length, ...answers);
    let error: string | undefined;
    let prompt: Alert | undefined;
    try {
      run();
    } catch (e) {
      if (e instanceof PromptNeeded) prompt = e.prompt;
      else error = (e as Error).message;
    }
    ui.answers.length = 0;
    if (!prompt && !readOnly) this.changed();
    const alerts = prompt ? [] : ui.alerts.slice(before);
    if (prompt) ui.alerts.length = before;
    return {
      alerts,
      sidebarOpened: ui.sidebar !== sidebar && ui.sidebar !== undefined,
      dialogOpened: ui.dialogs.at(-1) !== dialog && ui.dialogs.length > 0,
      ...(error ? { error } : {}),
      ...(prompt ? { prompt } : {}),
    };
  }

  /** Moves the clock forward hour by hour, running time-driven triggers as they come due. */
  advance(hours: number): number {
    let ran = 0;
    for (let h = 0; h < hours; h++) {
      this.emu.clock.advance(HOUR);
      ran += this.emu.runDueTriggers().length;
    }
    this.changed();
    return ran;
  }

  /** The user typed `value` into a cell: onEdit runs, and a formula typed there is computed afresh. */
  edit(sheet: EmuSheet, row: number, col: number, value: string | boolean): ActionResult {
    const range = this.emu.counter.quiet(() => sheet.getRange(row, col));
    const old = this.emu.counter.quiet(() => range.getValue());
    this.formulaCache.forget(cellKey(sheet.getName(), row - 1, col - 1));
    return this.act(() => this.emu.edit(range, [[value]], old === '' ? undefined : old));
  }

  /** Replaces the workbook's tabs (an import): no cached result carries over to the new cells. */
  replace(run: () => void): ActionResult {
    this.formulaCache.clear();
    return this.act(run);
  }

  reset(): void {
    this.formulaCache.clear();
    importState(this.emu, {
      version: 1,
      timeZone: 'America/New_York',
      clock: Date.now(),
      sheets: [],
      properties: { document: {}, user: {}, script: {} },
      triggers: [],
    });
    buildDemo(this.emu);
    this.changed();
  }
}
