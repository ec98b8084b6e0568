/** SpreadsheetApp Range over SheetData. Every read and write is one counted service call. */
import { toA1 } from './a1';
import { displayText, isDateValue, parseWritten, Stored } from './cells';
import { CallCounter, Shape, counted } from './counter';
import { ERR } from './errors';
import type { EmuSheet } from './sheet';
import type { CellMap } from './cell-map';
import { SheetData, ValidationRule } from './sheet-data';
import { EmuDataValidation } from './builders';

type GasRange = GoogleAppsScript.Spreadsheet.Range;

/**
 * What getNumberFormat() returns for a cell nobody has formatted: Sheets' "Automatic" format, the
 * pattern '0.###############', never '' or 'General' (observed in Sheets, issue 10 item 2; the
 * reference, https://developers.google.com/apps-script/reference/spreadsheet/range#getNumberFormat(),
 * documents the method, not this value). Display values of such cells still follow Sheets' automatic
 * rules (cells.ts displayText). Sheets also gives typed dates, currency and percentages a matching
 * format as they are typed; the emulator does not: here only setNumberFormat(s) sets one.
 */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
type RangeMethods =
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getDisplayValues'
  | 'getDisplayValue'
  | 'getFormulas'
  | 'getFormula'
  | 'setFormula'
  | 'setFormulas'
  | 'getNumberFormats'
  | 'getNumberFormat'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getNotes'
  | 'getNote'
  | 'setNote'
  | 'setNotes'
  | 'getBackgrounds'
  | 'getBackground'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getFontWeights'
  | 'getFontColors'
  | 'setFontColor'
  | 'setFontColors'
  | 'setFontWeight'
  | 'setDataValidation'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'clearDataValidations'
  | 'clearContent'
  | 'clear'
  | 'clearFormat'
  | 'clearNote'
  | 'getRow'
  | 'getColumn'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'insertCheckboxes'
  | 'activate'
  | 'getCell'
  | 'offset'
  | 'getHeight'
  | 'getWidth';

export class EmuRange implements Shape<GasRange, RangeMethods> {
  constructor(
    private readonly sheet: EmuSheet,
    private readonly row: number,
    private readonly column: number,
    private readonly numRows: number,
    private readonly numColumns: number,
  ) {}

  static _make(
    sheet: EmuSheet,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    counter: CallCounter,
  ): EmuRange {
    const d = sheet._data();
    if (
      row < 1 ||
      column < 1 ||
      numRows < 1 ||
      numColumns < 1 ||
      row + numRows - 1 > d.maxRows ||
      column + numColumns - 1 > d.maxColumns
    ) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return counted(new EmuRange(sheet, row, column, numRows, numColumns), 'Range', counter);
  }

  private get d(): SheetData {
    return this.sheet._data();
  }
  private get tz(): string {
    return this.sheet._timeZone();
  }

  private grid<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = new Array(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row: T[] = new Array(this.numColumns);
      for (let j = 0; j < this.numColumns; j++) row[j] = read(this.row - 1 + i, this.column - 1 + j);
      out[i] = row;
    }
    return out;
  }

  private checkShape(data: unknown[][]): void {
    if (!Array.isArray(data) || data.length !== this.numRows)
      throw new Error(ERR.rowsMismatch(Array.isArray(data) ? data.length : 0, this.numRows));
    for (const row of data) {
      if (!Array.isArray(row) || row.length !== this.numColumns)
        throw new Error(ERR.columnsMismatch(Array.isArray(row) ? row.length : 0, this.numColumns));
    }
  }

  private each(fn: (r: number, c: number, i: number, j: number) => void): void {
    for (let i = 0; i < this.numRows; i++)
      for (let j = 0; j < this.numColumns; j++) fn(this.row - 1 + i, this.column - 1 + j, i, j);
  }

  /** A value write, cell by cell, stopped part-way by an injected fault (emulator/faults.ts). */
  private faultable(write: (r: number, c: number, i: number, j: number) => void): void {
    const fault = this.sheet._writeFault(this);
    let n = 0;
    try {
      this.each((r, c, i, j) => {
        if (fault && n++ >= fault.cells) throw fault.error;
        write(r, c, i, j);
      });
      if (fault) throw fault.error;
    } finally {
      this.changed();
    }
  }

  private changed(): void {
    this.sheet._changed(this.row, this.column, this.numRows, this.numColumns);
  }

  private copy(v: Stored): Stored {
    return isDateValue(v) ? new Date(v.getTime()) : v;
  }

  /** Values without counting a call (the emulator's own reads). */
  _peekValues(): Stored[][] {
    return this.grid((r, c) => this.d.get(r, c));
  }

  getValues(): Stored[][] {
    const values = this.grid((r, c) => this.copy(this.d.get(r, c)));
    this.sheet._afterRead(this);
    return values;
  }
  getValue(): Stored {
    return this.copy(this.d.get(this.row - 1, this.column - 1));
  }
  getDisplayValues(): string[][] {
    return this.grid((r, c) => displayText(this.d.get(r, c), this.d.meta(this.d.formats, r, c), this.tz));
  }
  getDisplayValue(): string {
    return displayText(
      this.d.get(this.row - 1, this.column - 1),
      this.d.meta(this.d.formats, this.row - 1, this.column - 1),
      this.tz,
    );
  }
  getFormulas(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.formulas, r, c) ?? '');
  }
  getFormula(): string {
    return this.d.meta(this.d.formulas, this.row - 1, this.column - 1) ?? '';
  }

  setValues(values: unknown[][]): EmuRange {
    this.checkShape(values);
    this.faultable((r, c, i, j) => this._write(r, c, (values[i] as unknown[])[j]));
    return this;
  }

  setValue(value: unknown): EmuRange {
    this.faultable((r, c) => this._write(r, c, value));
    return this;
  }

  _write(r: number, c: number, input: unknown): void {
    const w = parseWritten(input, this.tz);
    this.d.set(r, c, w.value);
    this.d.setMeta(this.d.formulas, r, c, w.formula);
  }

  setFormula(formula: string): EmuRange {
    return this.setValue(formula.startsWith('=') ? formula : `=${formula}`);
  }
  setFormulas(formulas: string[][]): EmuRange {
    return this.setValues(formulas);
  }

  getNumberFormats(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.formats, r, c) ?? DEFAULT_NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.d.meta(this.d.formats, this.row - 1, this.column - 1) ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(format: string): EmuRange {
    this.each((r, c) => this.d.setMeta(this.d.formats, r, c, format));
    this.changed();
    return this;
  }
  setNumberFormats(formats: string[][]): EmuRange {
    this.checkShape(formats);
    this.each((r, c, i, j) => this.d.setMeta(this.d.formats, r, c, (formats[i] as string[])[j]));
    this.changed();
    return this;
  }

  getNotes(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.notes, r, c) ?? '');
  }
  getNote(): string {
    return this.d.meta(this.d.notes, this.row - 1, this.column - 1) ?? '';
  }
  setNote(note: string | null): EmuRange {
    this.each((r, c) => this.d.setMeta(this.d.notes, r, c, note));
    this.changed();
    return this;
  }
  setNotes(notes: (string | null)[][]): EmuRange {
    this.checkShape(notes);
    this.each((r, c, i, j) => this.d.setMeta(this.d.notes, r, c, (notes[i] as (string | null)[])[j]));
    this.changed();
    return this;
  }
  clearNote(): EmuRange {
    return this.setNote(null);
  }

  getBackgrounds(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.backgrounds, r, c) ?? '#ffffff');
  }
  getBackground(): string {
    return this.d.meta(this.d.backgrounds, this.row - 1, this.column - 1) ?? '#ffffff';
  }
  setBackground(color: string | null): EmuRange {
    this.each((r, c) => this.d.setMeta(this.d.backgrounds, r, c, color));
    this.changed();
    return this;
  }
  setBackgrounds(colors: (string | null)[][]): EmuRange {
    this.checkShape(colors);
    this.each((r, c, i, j) => this.d.setMeta(this.d.backgrounds, r, c, (colors[i] as (string | null)[])[j]));
    this.changed();
    return this;
  }

  // Cell text color: unset cells read as black (Range.getFontColors, deprecated for getFontColorObjects but
  // still served: https://developers.google.com/apps-script/reference/spreadsheet/range#getFontColors()).
  getFontColors(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.fontColors, r, c) ?? '#000000');
  }
  setFontColor(color: string | null): EmuRange {
    this.each((r, c) => this.d.setMeta(this.d.fontColors, r, c, color));
    this.changed();
    return this;
  }
  setFontColors(colors: (string | null)[][]): EmuRange {
    this.checkShape(colors);
    this.each((r, c, i, j) => this.d.setMeta(this.d.fontColors, r, c, (colors[i] as (string | null)[])[j]));
    this.changed();
    return this;
  }

  getFontWeights(): string[][] {
    return this.grid((r, c) => this.d.meta(this.d.fontWeights, r, c) ?? 'normal');
  }
  setFontWeight(weight: string | null): EmuRange {
    this.each((r, c) => this.d.setMeta(this.d.fontWeights, r, c, weight === 'normal' ? null : weight));
    this.changed();
    return this;
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): EmuRange {
    const v = rule ? (rule as unknown as EmuDataValidation)._rule() : null;
    this.each((r, c) => this.d.setMeta(this.d.validations, r, c, v));
    this.changed();
    return this;
  }

  getDataValidation(): EmuDataValidation | null {
    const v = this.d.meta(this.d.validations, this.row - 1, this.column - 1);
    return v ? this.sheet._wrapValidation(v) : null;
  }

  getDataValidations(): (EmuDataValidation | null)[][] {
    return this.grid((r, c) => {
      const v = this.d.meta<ValidationRule>(this.d.validations, r, c);
      return v ? this.sheet._wrapValidation(v) : null;
    });
  }

  clearDataValidations(): EmuRange {
    return this.setDataValidation(null);
  }

  insertCheckboxes(): EmuRange {
    this.each((r, c) => {
      this.d.setMeta(this.d.validations, r, c, {
        type: 'CHECKBOX',
        values: [],
        allowInvalid: false,
        helpText: '',
        showDropdown: false,
      });
      if (this.d.get(r, c) === '') this.d.set(r, c, false);
    });
    this.changed();
    return this;
  }

  clearContent(): EmuRange {
    this.each((r, c) => {
      this.d.set(r, c, '');
      this.d.setMeta(this.d.formulas, r, c, null);
    });
    this.changed();
    return this;
  }

  clearFormat(): EmuRange {
    this.each((r, c) => {
      this.d.setMeta(this.d.formats, r, c, null);
      this.d.setMeta(this.d.backgrounds, r, c, null);
      this.d.setMeta(this.d.fontColors, r, c, null);
      this.d.setMeta(this.d.fontWeights, r, c, null);
    });
    this.changed();
    return this;
  }

  clear(): EmuRange {
    this.each((r, c) => {
      this.d.set(r, c, '');
      for (const m of [
        this.d.formulas,
        this.d.formats,
        this.d.notes,
        this.d.backgrounds,
        this.d.fontColors,
        this.d.fontWeights,
      ])
        this.d.setMeta(m as CellMap<unknown>, r, c, null);
      this.d.setMeta(this.d.validations, r, c, null);
    });
    this.changed();
    return this;
  }

  getRow(): number {
    return this.row;
  }
  getColumn(): number {
    return this.column;
  }
  getLastRow(): number {
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    return this.column + this.numColumns - 1;
  }
  getNumRows(): number {
    return this.numRows;
  }
  getNumColumns(): number {
    return this.numColumns;
  }
  getHeight(): number {
    return this.numRows;
  }
  getWidth(): number {
    return this.numColumns;
  }
  getA1Notation(): string {
    return toA1(this.row, this.column, this.numRows, this.numColumns);
  }
  getSheet(): EmuSheet {
    return this.sheet;
  }
  getCell(row: number, column: number): EmuRange {
    return this.sheet._range(this.row + row - 1, this.column + column - 1, 1, 1);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): EmuRange {
    return this.sheet._range(
      this.row + rowOffset,
      this.column + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numColumns,
    );
  }

  activate(): EmuRange {
    this.sheet._activateRange(this.row, this.column, this.numRows, this.numColumns);
    return this;
  }

  /** The emulator's own view, for tests: [row, column, numRows, numColumns]. */
  _bounds(): [number, number, number, number] {
    return [this.row, this.column, this.numRows, this.numColumns];
  }
}
