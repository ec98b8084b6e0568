/**
 * Fault injection for tests: the things that go wrong in real Sheets while an add-on writes.
 * - a setValues that throws part-way (quota, a server error mid-batch);
 * - a document lock held by another run (a job holding it for minutes);
 * - a protected tab that refuses writes (Sheets' own message);
 * - another user sorting or inserting rows between the add-on's read and its write (other users
 *   never wait for LockService: https://developers.google.com/apps-script/reference/lock/lock-service);
 * - a tab renamed by a user;
 * - MailApp refusing to send (a Gmail outage) or the day's mail quota nearly used up (mail.ts).
 * Faults act only on the add-on's counted calls; the test's own arranging (counter.quiet) is never hit.
 */
import type { Emulator } from './index';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import { SheetData } from './sheet-data';

/** What Sheets says when a script writes into a protected range it may not edit. */
export const PROTECTED_MESSAGE =
  'Exception: You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export class Faults {
  constructor(private readonly emu: Emulator) {}

  private sheet(tab: string): EmuSheet {
    const s = this.emu.book._sheets().find((x) => x.getName() === tab);
    if (!s) throw new Error(`faults: no tab ${tab}`);
    return s;
  }

  /** Every value write and row insert on the tab throws Sheets' protection error. */
  protect(tab: string): void {
    const s = this.sheet(tab);
    s._hooks.write = () => ({ cells: 0, error: new Error(PROTECTED_MESSAGE) });
    s._hooks.insertRows = () => {
      throw new Error(PROTECTED_MESSAGE);
    };
  }

  /**
   * The `nth` value write (1-based, counted from now) on the tab writes half its cells, then throws.
   * Writes before and after it succeed.
   */
  failWriteHalfway(
    tab: string,
    nth = 1,
    message = 'Exception: Service Spreadsheets failed while accessing document.',
  ): void {
    const s = this.sheet(tab);
    let seen = 0;
    s._hooks.write = (range: EmuRange) => {
      seen++;
      if (seen !== nth) return undefined;
      const [, , rows, cols] = range._bounds();
      return { cells: Math.floor((rows * cols) / 2), error: new Error(message) };
    };
  }

  /**
   * Runs `change` once, right after the `nth` getValues (1-based, counted from now) on the tab
   * returned; with `only`, counting just the reads it accepts (e.g. reads of whole rows).
   */
  afterRead(tab: string, nth: number, change: () => void, only?: (range: EmuRange) => boolean): void {
    const s = this.sheet(tab);
    let seen = 0;
    s._hooks.afterRead = (range: EmuRange) => {
      if (only && !only(range)) return;
      seen++;
      if (seen === nth) this.emu.counter.quiet(change);
    };
  }

  /** The `nth` row deletion (1-based, counted from now) on the tab throws; deletions before it succeed. */
  failDeleteRows(
    tab: string,
    nth = 1,
    message = 'Exception: Service Spreadsheets failed while accessing document.',
  ): void {
    let seen = 0;
    this.sheet(tab)._hooks.deleteRows = () => {
      if (++seen === nth) throw new Error(message);
    };
  }

  /** The document lock is held by another run for `ms` from now. */
  holdLock(ms: number): void {
    this.emu.locks.state.heldElsewhereUntil = this.emu.clock.now() + ms;
  }

  rename(tab: string, name: string): void {
    this.emu.counter.quiet(() => this.sheet(tab).setName(name));
  }

  /** MailApp.sendEmail throws `message` (for `to` only, when given) until clear(). */
  failMail(message = 'Exception: Service unavailable: Gmail', to?: string): void {
    this.emu.mail.failure = to === undefined ? { message } : { message, to };
  }

  /** Only `left` recipients remain in `user`'s MailApp quota today (getRemainingDailyQuota() says so). */
  mailQuotaLeft(left: number, user = this.emu.run.user): void {
    const who = user;
    this.emu.mail.used.set(who, { since: this.emu.clock.now(), count: this.emu.mail.dailyQuota - left });
  }

  /** Removes every hook from every tab and frees the lock. */
  clear(): void {
    for (const s of this.emu.book._sheets()) {
      delete s._hooks.write;
      delete s._hooks.afterRead;
      delete s._hooks.insertRows;
      delete s._hooks.deleteRows;
    }
    this.emu.locks.state.heldElsewhereUntil = 0;
    this.emu.mail.failure = undefined;
  }

  /**
   * Sorts the data rows (below the header) by one column, as another user's Data > Sort range does:
   * whole rows move, with their formulas, formats, notes and validation.
   */
  sortRows(tab: string, column: number, descending = false): void {
    const d = this.sheet(tab)._data();
    const last = d.lastRow();
    const order = Array.from({ length: Math.max(0, last - 1) }, (_, k) => k + 1);
    const key = (r: number): string => String(d.get(r, column - 1));
    order.sort((a, b) => (descending ? -1 : 1) * key(a).localeCompare(key(b), 'en', { numeric: true }));
    permuteRows(d, 1, order);
  }

  /** Inserts one row before sheet row `row` holding `values` (another user adding a deal). */
  insertRow(tab: string, row: number, values: unknown[] = []): void {
    this.emu.counter.quiet(() => {
      const s = this.sheet(tab);
      s.insertRowsBefore(row, 1);
      if (values.length > 0) s.getRange(row, 1, 1, values.length).setValues([values]);
    });
  }
}

/** Moves rows so that 0-based row `from + k` receives the old row `order[k]`, metadata included. */
function permuteRows(d: SheetData, from: number, order: number[]): void {
  const rows = order.map((r) => d.rows[r] ?? []);
  rows.forEach((r, k) => {
    d.rows[from + k] = r;
  });
  for (const map of d.metaMaps()) map.permuteRows(from, order);
}

/** Everything a user could see on a tab, as one string: values, formulas, formats, notes, colours, validation. */
export function tabSnapshot(emu: Emulator, tab: string): string {
  return emu.counter.quiet(() => {
    const s = emu.book._sheets().find((x) => x.getName() === tab);
    if (!s) return `no tab ${tab}`;
    const d = s._data();
    const range = s.getRange(1, 1, Math.max(1, d.lastRow()), Math.max(1, d.lastColumn()));
    const validations = [...d.validations].map(([k, v]) => [k, v.type, v.allowInvalid, v.helpText]);
    return JSON.stringify({
      values: range.getValues(),
      formulas: range.getFormulas(),
      formats: [...d.formats],
      notes: [...d.notes],
      bg: [...d.backgrounds],
      fc: [...d.fontColors],
      validations,
    });
  });
}
