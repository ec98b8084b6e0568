/**
 * The in-memory Apps Script: one spreadsheet, its services, and a fresh `vm` context that loads the
 * shipped dist/Code.js with only Apps Script globals defined.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { CHART_TYPES } from './builders';
import { Clock } from './clock';
import { CallCounter, counted } from './counter';
import { EmuHtmlService } from './html';
import { EmuMailApp, EmuMailState } from './mail';
import { EmuRange } from './range';
import { AuthModeName, RunContext } from './run-context';
import { AUTH_MODE, EVENT_TYPE, EmuScriptApp, TriggerRecord, TriggerStore } from './script-app';
import { inTimeZone, manifestTimeZone } from './script-zone';
import { EmuCacheService, EmuLockService, EmuLogger, EmuPropertiesService, EmuSession, EmuUtilities } from './services';
import { EmuSpreadsheet, EmuSpreadsheetApp } from './spreadsheet';
import { wallToInstant } from './time';
import { EmuUi } from './ui';

export { ERR } from './errors';
export type { EmuRange } from './range';
export type { EmuSheet } from './sheet';
export type { EmuSpreadsheet } from './spreadsheet';
export type { AuthModeName } from './run-context';

export interface EmulatorOptions {
  /** The spreadsheet's time zone. */
  timeZone?: string;
  /** The script's time zone: the bundle's local zone and Session.getScriptTimeZone(). Default: the manifest's. */
  scriptTimeZone?: string;
  now?: Date | number;
  /** The person at the keyboard. */
  user?: string;
  /** Folder holding Code.js, appsscript.json and the HTML files. */
  distDir?: string;
  addonName?: string;
  /** Editor add-on trigger limits apply (true for this project). */
  addon?: boolean;
  /** The add-on has already been used in this document (it is "enabled" there): onOpen runs in LIMITED, not NONE. */
  enabledInDocument?: boolean;
}

export type OpenMode = 'NONE' | 'LIMITED' | 'FULL';

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
  /** MailApp's sent messages and daily quota (mail.ts). */
  readonly mail = new EmuMailState();
  readonly spreadsheetApp: EmuSpreadsheetApp;
  readonly distDir: string;
  /** The current run's authorization mode, user and document (run-context.ts). */
  readonly run: RunContext;
  /**
   * Whether the add-on is enabled in this document: someone has used it here (a menu item, the
   * sidebar, onInstall). Until then onOpen runs in AuthMode.NONE (editor add-on lifecycle).
   */
  enabledInDocument: boolean;
  private context: vm.Context | undefined;

  constructor(opts: EmulatorOptions = {}) {
    this.clock = new Clock(
      opts.now === undefined
        ? Date.UTC(2026, 10, 23, 15, 0)
        : typeof opts.now === 'number'
          ? opts.now
          : opts.now.getTime(),
    );
    this.distDir = resolve(opts.distDir ?? join(__dirname, '..', 'dist'));
    this.run = new RunContext(opts.user ?? 'rep@example.com');
    this.enabledInDocument = opts.enabledInDocument ?? false;
    this.book = EmuSpreadsheet._make(opts.timeZone ?? 'America/New_York', this.counter);
    this.ui = EmuUi._make(opts.addonName ?? 'Deal Pipeline', this.counter);
    this.properties = new EmuPropertiesService(this.counter, this.run);
    this.cache = new EmuCacheService(this.clock, this.counter, this.run);
    this.spreadsheetApp = EmuSpreadsheetApp._make(
      () => this.book,
      () => this.ui,
      this.run,
      this.counter,
    );
    this.locks = new EmuLockService(this.clock, this.counter, () => this.spreadsheetApp.flushes, this.run);
    this.triggers = new TriggerStore(opts.addon ?? true, this.clock);
    this.session = new EmuSession(
      this.run,
      opts.scriptTimeZone ?? manifestTimeZone(this.distDir, join(__dirname, '..')),
    );
    this.counter.guard = (kind, method) => this.run.guard(kind, method);
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
      ScriptApp: EmuScriptApp._make(this.triggers, () => this.run.effectiveUserEmail(), this.clock, this.counter),
      HtmlService: EmuHtmlService._make(this.distDir, this.counter),
      Session: this.session,
      MailApp: counted(
        new EmuMailApp(this.mail, this.clock, () => this.run.effectiveUserEmail()),
        'MailApp',
        this.counter,
      ),
      Utilities: new EmuUtilities(this.clock),
      Logger: this.logger,
      Charts: { ChartType: CHART_TYPES },
      console: {
        log: (...a: unknown[]) => this.logger.log(a.join(' ')),
        info: (...a: unknown[]) => this.logger.log(a.join(' ')),
        warn: (...a: unknown[]) => this.logger.log(a.join(' ')),
        error: (...a: unknown[]) => this.logger.log(a.join(' ')),
      },
      __clockNow: () => clock.now(),
    };
    this.context = vm.createContext(sandbox, { name: 'apps-script' });
    this.lookups.clear();
    vm.runInContext(
      `(() => {
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
    })(); delete globalThis.__clockNow;`,
      this.context,
    );
    const ctx = this.context;
    this.inScriptZone(() => vm.runInContext(code, ctx, { filename: 'Code.js' }));
    return this;
  }

  private ctx(): vm.Context {
    if (!this.context) throw new Error('emulator: call load() first');
    return this.context;
  }

  /**
   * Runs `run` with the process's local time zone set to the script's, as Apps Script runs the
   * bundle (script-zone.ts). Every call into the bundle goes through it; code that calls bundle
   * functions it got from global() or evaluate() should too.
   */
  inScriptZone<T>(run: () => T): T {
    return inTimeZone(this.session.getScriptTimeZone(), run);
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
    const ctx = this.ctx();
    return this.inScriptZone(() => vm.runInContext(source, ctx));
  }

  /** Brings arrays and Dates into the bundle's realm, as Sheets builds its arguments. */
  adopt<T>(value: T): T {
    return (this.global('__adopt') as (v: T) => T)(value);
  }

  /** Calls a top-level function of the bundle in the current run context, in the script's zone. */
  private invoke(name: string, args: unknown[]): unknown {
    const fn = this.global(name);
    if (typeof fn !== 'function') throw new Error(`emulator: Code.js has no top-level function ${name}`);
    return this.inScriptZone(() => (fn as (...a: unknown[]) => unknown)(...args.map((a) => this.adopt(a))));
  }

  /**
   * Calls a top-level function of the bundle as Apps Script would for a menu item or a sidebar call
   * (google.script.run): AuthMode.FULL, the user's identity revealed. Using the add-on in a document
   * enables it there.
   */
  call(name: string, ...args: unknown[]): unknown {
    if (this.run.mode === 'FULL' && this.run.inDocument) this.enabledInDocument = true;
    return this.invoke(name, args);
  }

  /**
   * Calls a custom function the way a cell does: CUSTOM_FUNCTION mode (read-only services, no user
   * identity). Range arguments are read as Sheets passes them: a single cell as its value, a larger
   * range as a 2-D array, date cells as Dates at midnight in the spreadsheet's zone (that is what a
   * typed date holds, cells.ts); other arguments are passed as given.
   */
  callCustomFunction(name: string, ...args: unknown[]): unknown {
    const values = args.map((a) => (a instanceof EmuRange ? this.counter.quiet(() => argumentOf(a)) : a));
    return this.run.with({ mode: 'CUSTOM_FUNCTION' }, () => this.invoke(name, values));
  }

  /** The instant a date typed into a cell holds: midnight of that day in the spreadsheet's zone. */
  dateCell(isoDay: string): Date {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
    if (!m) throw new Error(`emulator: dateCell wants yyyy-mm-dd, got ${isoDay}`);
    return wallToInstant(Number(m[1]), Number(m[2]), Number(m[3]), this.book._timeZone());
  }

  /**
   * Runs onOpen as the simple trigger does when the document opens. Without a mode: LIMITED where
   * the add-on is enabled in this document, NONE where it is only installed for the user (editor
   * add-on lifecycle, https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
   */
  open(authMode: OpenMode = this.enabledInDocument ? 'LIMITED' : 'NONE'): void {
    const e: Record<string, unknown> = { authMode: AUTH_MODE[authMode], triggerUid: '' };
    this.run.with({ mode: authMode }, () => {
      // In NONE the event carries no document and no user.
      if (authMode !== 'NONE') Object.assign(e, { source: this.book, user: this.session.getActiveUser() });
      this.invoke('onOpen', [e]);
    });
  }

  /** Runs onInstall as installing the add-on from the Marketplace does: AuthMode.FULL; the add-on is then enabled here. */
  install(): void {
    this.enabledInDocument = true;
    this.run.with({ mode: 'FULL' }, () => this.invoke('onInstall', [{ authMode: AUTH_MODE.FULL, source: this.book }]));
  }

  /** Runs `run` in the given mode (tests reach services directly this way). */
  inMode<T>(mode: AuthModeName, run: () => T): T {
    return this.run.with({ mode }, run);
  }

  /** Runs `run` as a run no document contains (a standalone run): document services return null. */
  outsideDocument<T>(run: () => T): T {
    return this.run.with({ inDocument: false }, run);
  }

  /**
   * A user typed or pasted into \`range\`: Sheets fires the simple onEdit (AuthMode.LIMITED, no user
   * identity; value and oldValue only for a single cell, oldValue only when the cell had one), then
   * every installable on-edit trigger (AuthMode.FULL, run as its creator, the editing user revealed).
   * Returns what the simple onEdit returned.
   */
  edit(range: EmuRange, values: unknown[][], oldValue?: unknown, simpleMode: 'LIMITED' | 'NONE' = 'LIMITED'): unknown {
    const single = this.counter.quiet(() => range.getNumRows() === 1 && range.getNumColumns() === 1);
    this.counter.quiet(() => range.setValues(values));
    const base: Record<string, unknown> = { range, source: this.book };
    if (single) {
      base.value = (values[0] as unknown[])[0];
      if (oldValue !== undefined && oldValue !== '') base.oldValue = oldValue;
    }
    let result: unknown;
    if (typeof this.global('onEdit') === 'function') {
      result = this.run.with({ mode: simpleMode }, () =>
        this.invoke('onEdit', [
          { ...base, authMode: AUTH_MODE[simpleMode], triggerUid: '', user: this.session.getActiveUser() },
        ]),
      );
    }
    for (const t of this.triggers.triggers.filter((x) => x.eventType === EVENT_TYPE.ON_EDIT)) {
      this.run.with({ mode: 'FULL', effectiveUser: t.user }, () =>
        this.runHandler(t, { ...base, authMode: AUTH_MODE.FULL, triggerUid: t.id, user: this.session.getActiveUser() }),
      );
    }
    return result;
  }

  /** Runs each time-driven trigger that is due at the clock's time. */
  runDueTriggers(): TriggerRecord[] {
    const due = this.triggers.due();
    for (const t of due) this.runTrigger(t);
    return due;
  }

  /** A time-driven trigger: AuthMode.FULL, run as (and revealing) the user who created it. */
  runTrigger(t: TriggerRecord): unknown {
    this.triggers.ran(t);
    const d = new Date(this.clock.now());
    return this.run.with({ mode: 'FULL', activeUser: t.user, effectiveUser: t.user }, () =>
      this.runHandler(t, {
        authMode: AUTH_MODE.FULL,
        triggerUid: t.id,
        year: d.getUTCFullYear(),
        hour: d.getUTCHours(),
      }),
    );
  }

  /** A trigger whose handler is gone fails on its own (Apps Script logs it); the user's action is unaffected. */
  private runHandler(t: TriggerRecord, e: Record<string, unknown>): unknown {
    if (typeof this.global(t.handler) !== 'function') {
      this.logger.log(`Script function not found: ${t.handler}`);
      return undefined;
    }
    return this.invoke(t.handler, [e]);
  }
}

/** A range as a custom function receives it: one cell as its value, more as a 2-D array. */
function argumentOf(range: EmuRange): unknown {
  const values = range.getValues();
  return values.length === 1 && (values[0] as unknown[]).length === 1 ? (values[0] as unknown[])[0] : values;
}
