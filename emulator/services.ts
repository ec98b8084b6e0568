/** PropertiesService, CacheService, LockService, Session, Utilities, Logger. */
import { randomUUID } from 'node:crypto';
import { CallCounter, Shape, counted } from './counter';
import { ERR } from './errors';
import { formatDateJava } from './time';
import type { Clock } from './clock';
import type { RunContext } from './run-context';

const PROPERTY_VALUE_LIMIT = 9 * 1024;
const PROPERTY_STORE_LIMIT = 500 * 1024;

export class EmuProperties implements Shape<
  GoogleAppsScript.Properties.Properties,
  | 'getProperty'
  | 'setProperty'
  | 'deleteProperty'
  | 'getProperties'
  | 'setProperties'
  | 'deleteAllProperties'
  | 'getKeys'
> {
  readonly store = new Map<string, string>();
  getProperty(key: string): string | null {
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): this {
    const v = String(value);
    if (v.length > PROPERTY_VALUE_LIMIT) throw new Error(ERR.propertyTooLarge);
    let size = key.length + v.length;
    for (const [k, old] of this.store) if (k !== key) size += k.length + old.length;
    if (size > PROPERTY_STORE_LIMIT)
      throw new Error(
        'Exception: You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    this.store.set(key, v);
    return this;
  }
  deleteProperty(key: string): this {
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  setProperties(props: Record<string, string>): this {
    for (const [k, v] of Object.entries(props)) this.setProperty(k, v);
    return this;
  }
  deleteAllProperties(): this {
    this.store.clear();
    return this;
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
}

export class EmuPropertiesService {
  readonly document = new EmuProperties();
  readonly user = new EmuProperties();
  readonly script = new EmuProperties();
  constructor(
    private readonly counter: CallCounter,
    private readonly run: RunContext,
  ) {}
  /** Null outside a document (see run-context.ts); refused where the run's mode allows no properties. */
  getDocumentProperties(): EmuProperties | null {
    this.run.check(this.counter, 'PropertiesService', 'getDocumentProperties');
    return this.run.inDocument ? counted(this.document, 'Properties', this.counter) : null;
  }
  getUserProperties(): EmuProperties {
    return counted(this.user, 'Properties', this.counter);
  }
  getScriptProperties(): EmuProperties {
    return counted(this.script, 'Properties', this.counter);
  }
}

const CACHE_VALUE_LIMIT = 100 * 1024;
const CACHE_MAX_SECONDS = 21_600;

export class EmuCache {
  private readonly entries = new Map<string, { value: string; expires: number }>();
  constructor(private readonly clock: Clock) {}
  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e || e.expires <= this.clock.now()) return null;
    return e.value;
  }
  put(key: string, value: string, expirationInSeconds = 600): void {
    if (value.length > CACHE_VALUE_LIMIT) throw new Error(ERR.cacheTooLarge);
    const seconds = Math.min(expirationInSeconds, CACHE_MAX_SECONDS);
    this.entries.set(key, { value, expires: this.clock.now() + seconds * 1000 });
  }
  remove(key: string): void {
    this.entries.delete(key);
  }
}

export class EmuCacheService {
  readonly document: EmuCache;
  constructor(
    clock: Clock,
    private readonly counter: CallCounter,
    private readonly run: RunContext,
  ) {
    this.document = new EmuCache(clock);
  }
  /** Null outside a document (https://developers.google.com/apps-script/reference/cache/cache-service#getDocumentCache()). */
  getDocumentCache(): EmuCache | null {
    this.run.check(this.counter, 'CacheService', 'getDocumentCache');
    return this.run.inDocument ? counted(this.document, 'Cache', this.counter) : null;
  }
  getUserCache(): EmuCache {
    return counted(this.document, 'Cache', this.counter);
  }
  getScriptCache(): EmuCache {
    return counted(this.document, 'Cache', this.counter);
  }
}

/**
 * The document lock. Runs in the emulator are sequential, so "another process" is simulated:
 * `heldElsewhereUntil` makes the lock busy until that clock time; waiting advances the clock.
 */
export class EmuLockState {
  heldElsewhereUntil = 0;
  held = false;
  releasesWithoutFlush = 0;
  lastFlushCount = 0;
}

export class EmuLock implements Shape<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'> {
  private mine = false;
  constructor(
    private readonly state: EmuLockState,
    private readonly clock: Clock,
    private readonly flushes: () => number,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    if (this.mine) return true;
    const busyFor = this.state.heldElsewhereUntil - this.clock.now();
    if (busyFor > 0 || this.state.held) {
      if (!this.state.held && busyFor <= timeoutInMillis) {
        this.clock.advance(busyFor);
        return this.take();
      }
      this.clock.advance(timeoutInMillis);
      return false;
    }
    return this.take();
  }
  private take(): boolean {
    this.state.held = true;
    this.mine = true;
    this.state.lastFlushCount = this.flushes();
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error(ERR.lockTimeout);
  }
  releaseLock(): void {
    if (!this.mine) return;
    if (this.flushes() === this.state.lastFlushCount) this.state.releasesWithoutFlush++;
    this.mine = false;
    this.state.held = false;
  }
  hasLock(): boolean {
    return this.mine;
  }
}

export class EmuLockService {
  readonly state = new EmuLockState();
  constructor(
    private readonly clock: Clock,
    private readonly counter: CallCounter,
    private readonly flushes: () => number,
    private readonly run: RunContext,
  ) {}
  /** Null outside a document (see run-context.ts). */
  getDocumentLock(): EmuLock | null {
    this.run.check(this.counter, 'LockService', 'getDocumentLock');
    return this.run.inDocument ? this.lock() : null;
  }
  getScriptLock(): EmuLock {
    return this.lock();
  }
  getUserLock(): EmuLock {
    return this.lock();
  }
  private lock(): EmuLock {
    return counted(new EmuLock(this.state, this.clock, this.flushes), 'Lock', this.counter);
  }
}

interface EmuUser {
  getEmail(): string;
}
const userOf = (email: string): EmuUser => ({ getEmail: () => email });

/** Session: the user it reveals depends on the run (run-context.ts); the script's zone is the manifest's. */
export class EmuSession {
  constructor(
    private readonly run: RunContext,
    public scriptTimeZone: string,
  ) {}
  /** The person at the keyboard. */
  get userEmail(): string {
    return this.run.user;
  }
  set userEmail(email: string) {
    this.run.user = email;
  }
  getActiveUser(): EmuUser {
    return userOf(this.run.activeUserEmail());
  }
  getEffectiveUser(): EmuUser {
    return userOf(this.run.effectiveUserEmail());
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return 'en';
  }
  getTemporaryActiveUserKey(): string {
    return `key-${this.run.user}`;
  }
}

export class EmuUtilities {
  constructor(private readonly clock: Clock) {}
  formatDate(date: Date, timeZone: string, format: string): string {
    return formatDateJava(date, timeZone, format);
  }
  sleep(milliseconds: number): void {
    this.clock.advance(milliseconds);
  }
  getUuid(): string {
    return randomUUID();
  }
}

export class EmuLogger {
  readonly lines: string[] = [];
  log(format: unknown, ...values: unknown[]): this {
    this.lines.push([format, ...values].map(String).join(' '));
    return this;
  }
  getLog(): string {
    return this.lines.join('\n');
  }
  clear(): void {
    this.lines.length = 0;
  }
}
