/**
 * Custom-function results cached as Google Sheets caches them: a cell calling one of our functions
 * is computed again only when the values of its arguments change (or the cell is typed again), not
 * when the clock moves or an unrelated cell changes. So a result that depends on today (the Overdue
 * row and the month window of FORECAST_BY_MONTH with `months`) goes stale here as it does in Sheets.
 */

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** A stable text for argument values: Dates and text that looks like a date stay distinct. */
export function fingerprint(values: readonly unknown[]): string {
  const enc = (v: unknown): string => {
    if (v === undefined) return 'u';
    if (isDate(v)) return `d${v.getTime()}`;
    if (Array.isArray(v)) return `[${v.map(enc).join(',')}]`;
    if (typeof v === 'string') return JSON.stringify(v);
    return `${typeof v}:${String(v)}`;
  };
  return enc(values);
}

/** A call's outcome: a value or the message it threw. */
export type Outcome = { value: unknown } | { error: string };

interface Entry {
  /** The formula text, so a different formula in the same cell is a different call. */
  formula: string;
  /** Arguments as the evaluation saw them; undefined until the cell is evaluated. */
  args?: string | undefined;
  /** Arguments as the array-sizing pass saw them (it reads stored values, before evaluation). */
  sizeArgs?: string | undefined;
  outcome: Outcome;
}

function attempt(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

export class FormulaCache {
  private readonly entries = new Map<string, Entry>();
  private readonly seen = new Set<string>();

  /** The cell's cached outcome if its arguments' values are unchanged; else `run` again, and cache that. */
  evaluate(cell: string, formula: string, args: readonly unknown[], run: () => unknown): Outcome {
    const key = fingerprint(args);
    const entry = this.entries.get(cell);
    this.seen.add(cell);
    const same = entry?.formula === formula;
    if (same && entry?.args === key) return entry.outcome;
    const outcome = attempt(run);
    this.entries.set(cell, { formula, args: key, sizeArgs: same ? entry?.sizeArgs : undefined, outcome });
    return outcome;
  }

  /**
   * The same for HyperFormula's sizing pass, which runs before evaluation to learn an array result's
   * size: a hit sizes the array from the cached outcome; a miss runs the function and leaves the
   * cell to be evaluated afresh.
   */
  size(cell: string, formula: string, args: readonly unknown[], run: () => unknown): Outcome {
    const key = fingerprint(args);
    const entry = this.entries.get(cell);
    this.seen.add(cell);
    if (entry?.formula === formula && entry.sizeArgs === key) return entry.outcome;
    const outcome = attempt(run);
    this.entries.set(cell, { formula, sizeArgs: key, outcome });
    return outcome;
  }

  /** The cell (a cellKey) was typed into: its next evaluation runs its functions again, as in Sheets. */
  forget(cell: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${cell}|`)) this.entries.delete(key);
  }

  /** After a full recalculation: drops the cells that no longer call one of our functions. */
  sweep(): void {
    for (const cell of this.entries.keys()) if (!this.seen.has(cell)) this.entries.delete(cell);
    this.seen.clear();
  }

  clear(): void {
    this.entries.clear();
    this.seen.clear();
  }
}

/** The key of a formula cell (0-based row and column); a call in it is keyed `${cellKey}|NAME`. */
export const cellKey = (sheet: string, row: number, col: number): string => `${sheet}!${row},${col}`;
