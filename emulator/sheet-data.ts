/** One sheet's cells and formatting, stored as Sheets stores them. */
import { CellMap, MAX_COLUMNS } from './cell-map';
import { Stored } from './cells';

export interface ValidationRule {
  readonly type: 'VALUE_IN_LIST' | 'VALUE_IN_RANGE' | 'CHECKBOX';
  readonly values: readonly unknown[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
  readonly showDropdown: boolean;
}

/** 0-based storage; absent cells are "". */
export class SheetData {
  rows: Stored[][] = [];
  readonly formulas = new CellMap<string>();
  readonly formats = new CellMap<string>();
  readonly notes = new CellMap<string>();
  readonly backgrounds = new CellMap<string>();
  readonly fontColors = new CellMap<string>();
  readonly fontWeights = new CellMap<string>();
  readonly validations = new CellMap<ValidationRule>();

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
    return this.formulas.rowHasAny(r);
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

  meta<T>(map: CellMap<T>, r: number, c: number): T | undefined {
    return map.at(r, c);
  }

  setMeta<T>(map: CellMap<T>, r: number, c: number, v: T | undefined | null): void {
    if (v === undefined || v === null || v === '') map.remove(r, c);
    else map.put(r, c, v);
  }

  /** Inserts blank rows before 0-based row r, shifting everything below (values and metadata). */
  insertRows(r: number, n: number): void {
    if (r < this.rows.length) this.rows.splice(r, 0, ...Array.from({ length: n }, () => []));
    for (const map of this.metaMaps()) map.insertRows(r, n);
    this.maxRows += n;
  }

  deleteRows(r: number, n: number): void {
    this.rows.splice(r, n);
    for (const map of this.metaMaps()) map.deleteRows(r, n);
    this.maxRows -= n;
  }

  metaMaps(): CellMap<unknown>[] {
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
