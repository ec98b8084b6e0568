/** One sheet's cells and formatting, stored as Sheets stores them. */
import { Stored } from './cells';

export interface ValidationRule {
  readonly type: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'CHECKBOX';
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
  readonly showDropdown: boolean;
}

export const MAX_COLUMNS = 18_278;
const key = (r: number, c: number): number => r * MAX_COLUMNS + c;

/** 0-based storage; absent cells are "". */
export class SheetData {
  rows: Stored[][] = [];
  readonly formulas = new Map<number, string>();
  readonly formats = new Map<number, string>();
  readonly notes = new Map<number, string>();
  readonly backgrounds = new Map<number, string>();
  readonly fontColors = new Map<number, string>();
  readonly fontWeights = new Map<number, string>();
  readonly validations = new Map<number, ValidationRule>();

  constructor(
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  get(r: number, c: number): Stored {
    const row = this.rows[r];
    if (!row) return '';
    const v = row[c];
    return v === undefined ? '' : v;
  }

  set(r: number, c: number, v: Stored): void {
    let row = this.rows[r];
    if (!row) {
      for (let i = this.rows.length; i <= r; i++) if (!this.rows[i]) this.rows[i] = [];
      row = this.rows[r] as Stored[];
    }
    row[c] = v;
  }

  lastRow(): number {
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r] as Stored[];
      for (let c = 0; c < row.length; c++) if (row[c] !== '' && row[c] !== undefined) return r + 1;
      if (this.rowHasFormula(r)) return r + 1;
    }
    return 0;
  }

  private rowHasFormula(r: number): boolean {
    if (this.formulas.size === 0) return false;
    for (let c = 0; c < this.maxColumns; c++) if (this.formulas.has(key(r, c))) return true;
    return false;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--)
        if (row[c] !== '' && row[c] !== undefined) {
          last = c + 1;
          break;
        }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, (k % MAX_COLUMNS) + 1);
    return last;
  }

  meta<T>(map: Map<number, T>, r: number, c: number): T | undefined {
    return map.get(key(r, c));
  }

  setMeta<T>(map: Map<number, T>, r: number, c: number, v: T | undefined | null): void {
    if (v === undefined || v === null || v === '') map.delete(key(r, c));
    else map.set(key(r, c), v);
  }

  /** Inserts blank rows before 0-based row r, shifting everything below (values and metadata). */
  insertRows(r: number, n: number): void {
    if (r < this.rows.length) this.rows.splice(r, 0, ...Array.from({ length: n }, () => []));
    for (const map of this.metaMaps()) shiftMap(map, r, n);
    this.maxRows += n;
  }

  deleteRows(r: number, n: number): void {
    this.rows.splice(r, n);
    for (const map of this.metaMaps()) {
      for (const k of [...map.keys()])
        if (Math.floor(k / MAX_COLUMNS) >= r && Math.floor(k / MAX_COLUMNS) < r + n) map.delete(k);
      shiftMap(map, r + n, -n);
    }
    this.maxRows -= n;
  }

  private metaMaps(): Map<number, unknown>[] {
    return [
      this.formulas,
      this.formats,
      this.notes,
      this.backgrounds,
      this.fontColors,
      this.fontWeights,
      this.validations,
    ];
  }
}

function shiftMap(map: Map<number, unknown>, fromRow: number, by: number): void {
  const moved: [number, unknown][] = [];
  for (const [k, v] of map) {
    if (Math.floor(k / MAX_COLUMNS) >= fromRow) {
      moved.push([k + by * MAX_COLUMNS, v]);
      map.delete(k);
    }
  }
  for (const [k, v] of moved) map.set(k, v);
}
