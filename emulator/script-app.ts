/**
 * ScriptApp: trigger builders with the editor add-on limits (one trigger of each event type per user
 * per document; time-driven at most once an hour), getUserTriggers, deleteTrigger, AuthMode.
 */
import { CallCounter, counted } from './counter';
import { ERR } from './errors';
import type { Clock } from './clock';

export const AUTH_MODE = {
  NONE: 'NONE',
  CUSTOM_FUNCTION: 'CUSTOM_FUNCTION',
  LIMITED: 'LIMITED',
  FULL: 'FULL',
} as const;
export const EVENT_TYPE = {
  CLOCK: 'CLOCK',
  ON_OPEN: 'ON_OPEN',
  ON_EDIT: 'ON_EDIT',
  ON_CHANGE: 'ON_CHANGE',
  ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
} as const;
export const TRIGGER_SOURCE = { SPREADSHEETS: 'SPREADSHEETS', CLOCK: 'CLOCK' } as const;

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  user: string;
  /** Time-driven: period in ms, or a one-off time. */
  everyMs?: number;
  atHour?: number;
  nextRun?: number;
  oneOff?: boolean;
}

export class EmuTrigger {
  constructor(readonly record: TriggerRecord) {}
  getUniqueId(): string {
    return this.record.id;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getEventType(): string {
    return this.record.eventType;
  }
  getTriggerSource(): string {
    return this.record.source;
  }
  getTriggerSourceId(): string {
    return 'emulated-spreadsheet';
  }
}

let nextTriggerId = 1;
const HOUR = 3_600_000;
const MAX_TRIGGERS_PER_USER = 20;

export class TriggerStore {
  triggers: TriggerRecord[] = [];
  constructor(
    public addon: boolean,
    private readonly clock: Clock,
  ) {}

  create(r: Omit<TriggerRecord, 'id'>): EmuTrigger {
    const mine = this.triggers.filter((t) => t.user === r.user);
    if (this.addon) {
      if (r.eventType === EVENT_TYPE.CLOCK && r.everyMs !== undefined && r.everyMs < HOUR)
        throw new Error(ERR.addonRecurrence);
      if (mine.some((t) => t.eventType === r.eventType)) {
        throw new Error(
          r.eventType === EVENT_TYPE.CLOCK ? ERR.addonTooManyTimeTriggers : ERR.addonTooManyTriggers(r.eventType),
        );
      }
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw new Error(ERR.tooManyTriggers);
    const record: TriggerRecord = { ...r, id: String(nextTriggerId++) };
    if (record.eventType === EVENT_TYPE.CLOCK && record.nextRun === undefined) record.nextRun = this.firstRun(record);
    this.triggers.push(record);
    return new EmuTrigger(record);
  }

  private firstRun(r: TriggerRecord): number {
    const now = this.clock.now();
    return now + (r.everyMs ?? HOUR);
  }

  /** Time-driven triggers due at the clock's time, oldest first. */
  due(): TriggerRecord[] {
    const now = this.clock.now();
    return this.triggers.filter((t) => t.eventType === EVENT_TYPE.CLOCK && (t.nextRun ?? Infinity) <= now);
  }

  ran(r: TriggerRecord): void {
    if (r.oneOff) this.triggers = this.triggers.filter((t) => t.id !== r.id);
    else r.nextRun = this.clock.now() + (r.everyMs ?? HOUR);
  }
}

class ClockBuilder {
  private everyMs: number | undefined;
  private hourOfDay: number | undefined;
  private oneOffAt: number | undefined;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly user: () => string,
    private readonly clock: Clock,
  ) {}
  everyMinutes(n: number): this {
    this.everyMs = n * 60_000;
    return this;
  }
  everyHours(n: number): this {
    this.everyMs = n * HOUR;
    return this;
  }
  everyDays(n: number): this {
    this.everyMs = n * 24 * HOUR;
    return this;
  }
  everyWeeks(n: number): this {
    this.everyMs = n * 7 * 24 * HOUR;
    return this;
  }
  atHour(h: number): this {
    this.hourOfDay = h;
    return this;
  }
  nearMinute(): this {
    return this;
  }
  inTimezone(): this {
    return this;
  }
  after(ms: number): this {
    this.oneOffAt = this.clock.now() + ms;
    return this;
  }
  at(date: Date): this {
    this.oneOffAt = date.getTime();
    return this;
  }
  create(): EmuTrigger {
    return this.store.create({
      handler: this.handler,
      eventType: EVENT_TYPE.CLOCK,
      source: TRIGGER_SOURCE.CLOCK,
      user: this.user(),
      ...(this.oneOffAt !== undefined
        ? { oneOff: true, nextRun: this.oneOffAt }
        : { everyMs: this.everyMs ?? 24 * HOUR }),
      ...(this.hourOfDay !== undefined ? { atHour: this.hourOfDay } : {}),
    });
  }
}

class SpreadsheetBuilder {
  private type: string = EVENT_TYPE.ON_EDIT;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly user: () => string,
  ) {}
  onEdit(): this {
    this.type = EVENT_TYPE.ON_EDIT;
    return this;
  }
  onOpen(): this {
    this.type = EVENT_TYPE.ON_OPEN;
    return this;
  }
  onChange(): this {
    this.type = EVENT_TYPE.ON_CHANGE;
    return this;
  }
  onFormSubmit(): this {
    this.type = EVENT_TYPE.ON_FORM_SUBMIT;
    return this;
  }
  create(): EmuTrigger {
    return this.store.create({
      handler: this.handler,
      eventType: this.type,
      source: TRIGGER_SOURCE.SPREADSHEETS,
      user: this.user(),
    });
  }
}

export class EmuScriptApp {
  readonly AuthMode = AUTH_MODE;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  constructor(
    readonly store: TriggerStore,
    private readonly user: () => string,
    private readonly clock: Clock,
  ) {}
  static _make(store: TriggerStore, user: () => string, clock: Clock, counter: CallCounter): EmuScriptApp {
    return counted(new EmuScriptApp(store, user, clock), 'ScriptApp', counter);
  }
  newTrigger(functionName: string): { timeBased(): ClockBuilder; forSpreadsheet(ss: unknown): SpreadsheetBuilder } {
    return {
      timeBased: () => new ClockBuilder(this.store, functionName, this.user, this.clock),
      forSpreadsheet: () => new SpreadsheetBuilder(this.store, functionName, this.user),
    };
  }
  getUserTriggers(): EmuTrigger[] {
    const u = this.user();
    return this.store.triggers.filter((t) => t.user === u).map((t) => new EmuTrigger(t));
  }
  getProjectTriggers(): EmuTrigger[] {
    return this.getUserTriggers();
  }
  deleteTrigger(trigger: EmuTrigger): void {
    this.store.triggers = this.store.triggers.filter((t) => t.id !== trigger.record.id);
  }
}
