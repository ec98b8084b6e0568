/**
 * The in-memory Apps Script: one spreadsheet, its services, and a fresh `vm` context that loads the
 * shipped dist/Code.js with only Apps Script globals defined.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { CHART_TYPES } from './builders';
import { Clock } from './clock';
import { CallCounter } from './counter';
import { ERR } from './errors';
import { EmuHtmlService } from './html';
import type { EmuRange } from './range';
import { AUTH_MODE, EVENT_TYPE, EmuScriptApp, TriggerRecord, TriggerStore } from './script-app';
import { EmuCacheService, EmuLockService, EmuLogger, EmuPropertiesService, EmuSession, EmuUtilities } from './services';
import { EmuSpreadsheet, EmuSpreadsheetApp } from './spreadsheet';
import { EmuUi } from './ui';

export { CallCounter } from './counter';
export { ERR } from './errors';
export type { EmuRange } from './range';
export type { EmuSheet } from './sheet';
export type { EmuSpreadsheet } from './spreadsheet';

export interface EmulatorOptions {
  /** The spreadsheet's time zone. */
  timeZone?: string;
  /** The script's time zone (Session.getScriptTimeZone()). */
  scriptTimeZone?: string;
  now?: Date | number;
  user?: string;
  /** Folder holding Code.js and the HTML files. */
  distDir?: string;
  addonName?: string;
  /** Editor add-on trigger limits apply (true for this project). */
  addon?: boolean;
}

type Mode = 'FULL' | 'NONE' | 'CUSTOM_FUNCTION';
const WRITE_METHOD = /^(set|insert|delete|clear|append|hide|show|remove|update|activate|toast|create|new|put)/;
const READ_ONLY_KINDS = new Set(['Range', 'Sheet', 'Spreadsheet', 'SpreadsheetApp']);

export class Emulator {
  readonly counter = new CallCounter();
  readonly clock: Clock;
  readonly book: EmuSpreadsheet;
  readonly ui: EmuUi;
  readonly properties: EmuPropertiesService;
  readonly cache: EmuCacheService;
  readonly locks: EmuLockService;
  readonly triggers: TriggerStore;
  readonly session: EmuSession;
  readonly logger = new EmuLogger();
  readonly spreadsheetApp: EmuSpreadsheetApp;
  readonly distDir: string;
  private context: vm.Context | undefined;
  private mode: Mode = 'FULL';

  constructor(opts: EmulatorOptions = {}) {
    this.clock = new Clock(opts.now === undefined ? Date.UTC(2026, 10, 23, 15, 0) : typeof opts.now === 'number' ? opts.now : opts.now.getTime());
    this.distDir = resolve(opts.distDir ?? join(__dirname, '..', 'dist'));
    this.book = EmuSpreadsheet._make(opts.timeZone ?? 'America/New_York', this.counter);
    this.ui = EmuUi._make(opts.addonName ?? 'Deal Pipeline', this.counter);
    this.properties = new EmuPropertiesService(this.counter);
    this.cache = new EmuCacheService(this.clock, this.counter);
    this.spreadsheetApp = EmuSpreadsheetApp._make(() => this.book, () => this.ui, () => undefined, this.counter);
    this.locks = new EmuLockService(this.clock, this.counter, () => this.spreadsheetApp.flushes);
    this.triggers = new TriggerStore(opts.addon ?? true, this.clock);
    this.session = new EmuSession(opts.user ?? 'rep@example.com', opts.scriptTimeZone ?? 'America/Los_Angeles');
    this.counter.guard = (kind, method) => this.guard(kind, method);
  }

  private guard(kind: string, method: string): void {
    if (this.mode === 'FULL') return;
    if (this.mode === 'NONE') {
      if ((kind === 'SpreadsheetApp' && method === 'getUi') || kind === 'Ui') return;
      throw new Error(ERR.authNone(`${kind}.${method}`));
    }
    if (!READ_ONLY_KINDS.has(kind) || WRITE_METHOD.test(method) || method === 'getUi' || method === 'flush') {
      throw new Error(ERR.customFunctionPermission(`${kind}.${method}`));
    }
  }

  /** Loads dist/Code.js (or the given source) into a fresh context holding only Apps Script globals. */
  load(source?: string): this {
    const code = source ?? readFileSync(join(this.distDir, 'Code.js'), 'utf8');
    const clock = this.clock;
    const sandbox: Record<string, unknown> = {
      SpreadsheetApp: this.spreadsheetApp,
      PropertiesService: this.properties,
      CacheService: this.cache,
      LockService: this.locks,
      ScriptApp: EmuScriptApp._make(this.triggers, () => this.session.userEmail, this.clock, this.counter),
      HtmlService: EmuHtmlService._make(this.distDir, this.counter),
      Session: this.session,
      Utilities: new EmuUtilities(this.clock),
      Logger: this.logger,
      Charts: { ChartType: CHART_TYPES },
      console: { log: (...a: unknown[]) => this.logger.log(a.join(' ')), info: (...a: unknown[]) => this.logger.log(a.join(' ')), warn: (...a: unknown[]) => this.logger.log(a.join(' ')), error: (...a: unknown[]) => this.logger.log(a.join(' ')) },
      __clockNow: () => clock.now(),
    };
    this.context = vm.createContext(sandbox, { name: 'apps-script' });
    this.lookups.clear();
    vm.runInContext(`(() => {
      const RealDate = Date;
      const now = __clockNow;
      class ClockDate extends RealDate {
        constructor(...a) { if (a.length === 0) super(now()); else super(...a); }
        static now() { return now(); }
      }
      globalThis.Date = ClockDate;
      globalThis.__adopt = function adopt(v) {
        // Already built in this realm (as Sheets builds arguments): pass it through untouched.
        if (Array.isArray(v)) {
          if (Object.getPrototypeOf(v) === Array.prototype) return v;
          // Built element by element: v.map would make the copy in the caller's realm.
          const out = new Array(v.length);
          for (let i = 0; i < v.length; i++) out[i] = adopt(v[i]);
          return out;
        }
        if (Object.prototype.toString.call(v) === '[object Date]') return new globalThis.Date(v.getTime());
        return v;
      };
    })(); delete globalThis.__clockNow;`, this.context);
    vm.runInContext(code, this.context, { filename: 'Code.js' });
    return this;
  }

  private ctx(): vm.Context {
    if (!this.context) throw new Error('emulator: call load() first');
    return this.context;
  }

  /** A top-level identifier of the loaded bundle. */
  global(name: string): unknown {
    let lookup = this.lookups.get(name);
    if (!lookup) {
      lookup = new vm.Script(`typeof ${name} === 'undefined' ? undefined : ${name}`);
      this.lookups.set(name, lookup);
    }
    return lookup.runInContext(this.ctx());
  }

  /** Compiled name lookups: a call is not charged a compile. */
  private readonly lookups = new Map<string, vm.Script>();

  /** Evaluates source in the bundle's context (benchmarks run their baselines there, on equal terms). */
  evaluate(source: string): unknown {
    return vm.runInContext(source, this.ctx());
  }

  /** Brings arrays and Dates into the bundle's realm, as Sheets builds its arguments. */
  adopt<T>(value: T): T {
    return (this.global('__adopt') as (v: T) => T)(value);
  }

  /** Calls a top-level function of the bundle as Apps Script would (menu item, sidebar call, trigger). */
  call(name: string, ...args: unknown[]): unknown {
    const fn = this.global(name);
    if (typeof fn !== 'function') throw new Error(`emulator: Code.js has no top-level function ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args.map((a) => this.adopt(a)));
  }

  /** Calls a custom function the way a cell does: read-only services, no authorization. */
  callCustomFunction(name: string, ...args: unknown[]): unknown {
    return this.inMode('CUSTOM_FUNCTION', () => this.call(name, ...args));
  }

  /** Runs onOpen in the given auth mode. */
  open(authMode: 'NONE' | 'LIMITED' | 'FULL' = 'LIMITED'): void {
    this.inMode(authMode === 'NONE' ? 'NONE' : 'FULL', () => this.call('onOpen', { authMode: AUTH_MODE[authMode] }));
  }

  inMode<T>(mode: Mode, run: () => T): T {
    const before = this.mode;
    this.mode = mode;
    try { return run(); } finally { this.mode = before; }
  }

  /**
   * Fires onEdit as Sheets does after a user typed or pasted into `range`: value and oldValue only
   * for a single cell (and oldValue only when the cell had one).
   */
  edit(range: EmuRange, values: unknown[][], oldValue?: unknown): unknown {
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    this.counter.quiet(() => range.setValues(values));
    const e: Record<string, unknown> = { range, source: this.book, authMode: AUTH_MODE.LIMITED, user: this.session.getActiveUser(), triggerUid: 'simple' };
    if (single) {
      e.value = (values[0] as unknown[])[0];
      if (oldValue !== undefined && oldValue !== '') e.oldValue = oldValue;
    }
    const result = typeof this.global('onEdit') === 'function' ? this.call('onEdit', e) : undefined;
    // Installable on-edit triggers fire for the same edit, in FULL mode, with their own triggerUid,
    // and their event names the editor (https://developers.google.com/apps-script/guides/triggers/events).
    const editor = this.session.userEmail;
    for (const t of this.triggers.triggers.filter((x) => x.eventType === EVENT_TYPE.ON_EDIT)) {
      this.call(t.handler, { ...e, authMode: AUTH_MODE.FULL, triggerUid: t.id, user: { getEmail: () => editor } });
    }
    return result;
  }

  /** Runs each time-driven trigger that is due at the clock's time. */
  runDueTriggers(): TriggerRecord[] {
    const due = this.triggers.due();
    for (const t of due) this.runTrigger(t);
    return due;
  }

  runTrigger(t: TriggerRecord): unknown {
    this.triggers.ran(t);
    const d = new Date(this.clock.now());
    return this.call(t.handler, { authMode: AUTH_MODE.FULL, triggerUid: t.id, year: d.getUTCFullYear(), hour: d.getUTCHours() });
  }
}
