/**
 * Per-cell metadata of one sheet (formulas, formats, notes, colours, validation), stored row by row.
 *
 * Keys are the flat cell keys `row * MAX_COLUMNS + column` (0-based) the rest of the emulator and the
 * saved workbooks use, but the entries live in one small map per row, so inserting or deleting rows
 * is one splice of the row array (as for the values) instead of re-keying every entry below: deleting
 * 50 single rows of a 50,000-row tab with formats and validation on every row used to re-key about a
 * million entries per deletion. Iteration is row by row (top to bottom), so two sheets with the same
 * metadata list it in the same order whatever order it was written in.
 */
export const MAX_COLUMNS = 18_278;

export class CellMap<T> {
  private byRow: (Map<number, T> | undefined)[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  at(r: number, c: number): T | undefined {
    return this.byRow[r]?.get(c);
  }

  put(r: number, c: number, v: T): void {
    let row = this.byRow[r];
    if (!row) row = this.byRow[r] = new Map();
    const before = row.size;
    row.set(c, v);
    this.count += row.size - before;
  }

  remove(r: number, c: number): boolean {
    const row = this.byRow[r];
    if (!row || !row.delete(c)) return false;
    this.count--;
    if (row.size === 0) this.byRow[r] = undefined;
    return true;
  }

  get(k: number): T | undefined {
    return this.at(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
  }
  has(k: number): boolean {
    return this.byRow[Math.floor(k / MAX_COLUMNS)]?.has(k % MAX_COLUMNS) ?? false;
  }
  set(k: number, v: T): this {
    this.put(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS, v);
    return this;
  }
  delete(k: number): boolean {
    return this.remove(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
  }
  clear(): void {
    this.byRow = [];
    this.count = 0;
  }

  /** Whether 0-based row r has any entry. */
  rowHasAny(r: number): boolean {
    return (this.byRow[r]?.size ?? 0) > 0;
  }

  *entries(): IterableIterator<[number, T]> {
    for (let r = 0; r < this.byRow.length; r++) {
      const row = this.byRow[r];
      if (row) for (const [c, v] of row) yield [r * MAX_COLUMNS + c, v];
    }
  }
  *keys(): IterableIterator<number> {
    for (const [k] of this.entries()) yield k;
  }
  [Symbol.iterator](): IterableIterator<[number, T]> {
    return this.entries();
  }

  /** Inserts n empty rows before 0-based row r; the rows below move down. */
  insertRows(r: number, n: number): void {
    if (r >= this.byRow.length) return;
    this.byRow = this.byRow.slice(0, r).concat(new Array<undefined>(n).fill(undefined), this.byRow.slice(r));
  }

  /** Deletes 0-based rows r..r+n-1 and their entries; the rows below move up. */
  deleteRows(r: number, n: number): void {
    for (const row of this.byRow.splice(r, n)) this.count -= row?.size ?? 0;
  }

  /** 0-based row `from + k` receives the entries of the old row `order[k]` (a sort of those rows). */
  permuteRows(from: number, order: readonly number[]): void {
    const moved = order.map((r) => this.byRow[r]);
    moved.forEach((row, k) => {
      this.byRow[from + k] = row;
    });
  }
}
