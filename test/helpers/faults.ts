/**
 * Fault injection for bundle tests: run something "between read and write" (right after a job has
 * read the whole Deals table), and log each service read/write with whether the document lock was held.
 */
import { Emulator } from '../../emulator';
import { EmuRange } from '../../emulator/range';

/** Runs `act` once, right after the next read of the Deals table (several rows and columns). Returns a restore function. */
export function afterDealsRead(
  emu: Emulator,
  act: () => void,
  tab = 'Deals',
): { restore: () => void; fired: () => boolean } {
  const original = EmuRange.prototype.getValues;
  let fired = false;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    const values = original.call(this);
    if (!fired && this.getSheet().getName() === tab && this.getNumRows() > 1 && this.getNumColumns() > 1) {
      fired = true;
      act();
    }
    return values;
  };
  void emu;
  return {
    restore: () => {
      EmuRange.prototype.getValues = original;
    },
    fired: () => fired,
  };
}

export interface AccessRecord {
  op: 'read' | 'write';
  tab: string;
  a1: string;
  locked: boolean;
}

/** Records every getValues/setValues with its tab, range and whether the lock was held. */
export function recordAccess(emu: Emulator): { log: AccessRecord[]; restore: () => void } {
  const log: AccessRecord[] = [];
  const get = EmuRange.prototype.getValues;
  const set = EmuRange.prototype.setValues;
  EmuRange.prototype.getValues = function (this: EmuRange) {
    if (!emu.counter.isPaused)
      log.push({ op: 'read', tab: this.getSheet().getName(), a1: this.getA1Notation(), locked: emu.locks.state.held });
    return get.call(this);
  };
  EmuRange.prototype.setValues = function (this: EmuRange, values: unknown[][]) {
    if (!emu.counter.isPaused)
      log.push({ op: 'write', tab: this.getSheet().getName(), a1: this.getA1Notation(), locked: emu.locks.state.held });
    return set.call(this, values);
  };
  return {
    log,
    restore: () => {
      EmuRange.prototype.getValues = get;
      EmuRange.prototype.setValues = set;
    },
  };
}
