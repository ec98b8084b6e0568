/** SpreadsheetApp Sheet. */
import { parseA1 } from './a1';
import {
  CHART_TYPES,
  ChartState,
  EmuChart,
  EmuChartBuilder,
  EmuConditionalFormatRule,
  EmuDataValidation,
} from './builders';
import { CallCounter, Shape, counted } from './counter';
import { ERR } from './errors';
import { EmuRange } from './range';
import { SheetData, ValidationRule } from './sheet-data';
import type { EmuSpreadsheet } from './spreadsheet';

type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type SheetMethods =
  | 'getName'
  | 'setName'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'deleteRows'
  | 'deleteRow'
  | 'appendRow'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'newChart'
  | 'insertChart'
  | 'updateChart'
  | 'removeChart'
  | 'getCharts'
  | 'getSheetId'
  | 'activate'
  | 'clear'
  | 'clearContents'
  | 'setColumnWidth'
  | 'autoResizeColumns'
  | 'getParent'
  | 'insertColumnsAfter'
  | 'setTabColor';

/**
 * Test hooks for fault injection (emulator/faults.ts): they run on the add-on's counted calls only,
 * never while the emulator or a test arranges cells (CallCounter.quiet).
 */
export interface SheetHooks {
  /** Before a value write: return how many cells get written before `error` is thrown, or undefined to write normally. */
  write?: (range: EmuRange) => { cells: number; error: Error } | undefined;
  /** After a getValues returned (another user may now sort or insert rows before the add-on writes). */
  afterRead?: (range: EmuRange) => void;
  /** Before rows are inserted into the sheet (a protected tab refuses). */
  insertRows?: () => void;
  /** Before rows are deleted (a quota or server error between two deletions). */
  deleteRows?: () => void;
}

let nextSheetId = 1000;
let nextChartId = 1;

export class EmuSheet implements Shape<GasSheet, SheetMethods> {
  private readonly data = new SheetData();
  private frozenRows = 0;
  private hidden = false;
  private rules: EmuConditionalFormatRule[] = [];
  private charts: ChartState[] = [];
  private id = nextSheetId++;
  tabColor: string | null = null;
  /** Fault-injection hooks (tests only). */
  readonly _hooks: SheetHooks = {};
  readonly columnWidths = new Map<number, number>();

  constructor(
    private name: string,
    private readonly book: EmuSpreadsheet,
    private readonly counter: CallCounter,
  ) {}

  static _make(name: string, book: EmuSpreadsheet, counter: CallCounter): EmuSheet {
    return counted(new EmuSheet(name, book, counter), 'Sheet', counter);
  }

  _data(): SheetData {
    return this.data;
  }
  _timeZone(): string {
    return this.book._timeZone();
  }
  _changed(row: number, column: number, numRows: number, numColumns: number): void {
    this.book._changed(this, row, column, numRows, numColumns);
  }
  _range(row: number, column: number, numRows: number, numColumns: number): EmuRange {
    return EmuRange._make(this, row, column, numRows, numColumns, this.counter);
  }
  /** The active write fault for a counted write, if any. */
  _writeFault(range: EmuRange): { cells: number; error: Error } | undefined {
    return this.counter.isPaused ? undefined : this._hooks.write?.(range);
  }
  _afterRead(range: EmuRange): void {
    if (!this.counter.isPaused) this._hooks.afterRead?.(range);
  }
  _wrapValidation(v: ValidationRule): EmuDataValidation {
    return new EmuDataValidation(v);
  }
  _activateRange(row: number, column: number, numRows: number, numColumns: number): void {
    this.book._setActive(this, row, column, numRows, numColumns);
  }
  _rules(): EmuConditionalFormatRule[] {
    return [...this.rules];
  }
  /** Restores saved state (the playground reloading a workbook). */
  _restore(s: {
    id?: number;
    frozenRows: number;
    hidden: boolean;
    rules: EmuConditionalFormatRule[];
    charts: ChartState[];
  }): void {
    // A sheet keeps its ID for life in Sheets (renames and reloads included); the add-on remembers tabs by it.
    if (s.id !== undefined) {
      this.id = s.id;
      nextSheetId = Math.max(nextSheetId, s.id + 1);
    }
    this.frozenRows = s.frozenRows;
    this.hidden = s.hidden;
    this.rules = s.rules;
    this.charts = s.charts;
  }
  _charts(): ChartState[] {
    return this.charts;
  }
  _frozenRows(): number {
    return this.frozenRows;
  }

  getName(): string {
    return this.name;
  }
  setName(name: string): EmuSheet {
    if (this.book._sheetNamed(name) && name !== this.name) throw new Error(ERR.sheetExists(name));
    this.name = name;
    return this;
  }
  getSheetId(): number {
    return this.id;
  }
  getParent(): EmuSpreadsheet {
    return this.book;
  }

  getRange(a: number | string, column?: number, numRows?: number, numColumns?: number): EmuRange {
    if (typeof a === 'string') {
      const ref = parseA1(a, this.data.maxRows, this.data.maxColumns);
      if (!ref) throw new Error(ERR.rangeNotFound);
      return this._range(ref.row, ref.column, ref.numRows, ref.numColumns);
    }
    return this._range(a, column ?? 1, numRows ?? 1, numColumns ?? 1);
  }

  getDataRange(): EmuRange {
    return this._range(1, 1, Math.max(1, this.data.lastRow()), Math.max(1, this.data.lastColumn()));
  }

  getLastRow(): number {
    return this.data.lastRow();
  }
  getLastColumn(): number {
    return this.data.lastColumn();
  }
  getMaxRows(): number {
    return this.data.maxRows;
  }
  getMaxColumns(): number {
    return this.data.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): EmuSheet {
    if (!this.counter.isPaused) this._hooks.insertRows?.();
    this.data.insertRows(afterPosition, howMany);
    this._changed(afterPosition + 1, 1, howMany, this.data.maxColumns);
    return this;
  }
  insertRowsBefore(beforePosition: number, howMany: number): EmuSheet {
    return this.insertRowsAfter(beforePosition - 1, howMany);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): EmuSheet {
    if (afterPosition !== this.data.maxColumns)
      throw new Error('emulator: only appending columns at the end is supported');
    this.data.maxColumns += howMany;
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    if (rowPosition < 1 || rowPosition + howMany - 1 > this.data.maxRows) throw new Error(ERR.outOfBounds);
    if (!this.counter.isPaused) this._hooks.deleteRows?.();
    this.data.deleteRows(rowPosition - 1, howMany);
    this._changed(rowPosition, 1, this.data.maxRows - rowPosition + 1, this.data.maxColumns);
  }
  deleteRow(rowPosition: number): EmuSheet {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  appendRow(rowContents: unknown[]): EmuSheet {
    const r = this.data.lastRow() + 1;
    if (r > this.data.maxRows) this.data.maxRows = r;
    if (rowContents.length > this.data.maxColumns) this.data.maxColumns = rowContents.length;
    EmuRange._make(this, r, 1, 1, rowContents.length, new CallCounter()).setValues([rowContents]);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  hideSheet(): EmuSheet {
    this.hidden = true;
    return this;
  }
  showSheet(): EmuSheet {
    this.hidden = false;
    return this;
  }
  isSheetHidden(): boolean {
    return this.hidden;
  }
  setTabColor(color: string | null): EmuSheet {
    this.tabColor = color;
    return this;
  }

  getConditionalFormatRules(): EmuConditionalFormatRule[] {
    return [...this.rules];
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    this.rules = [...(rules as unknown as EmuConditionalFormatRule[])];
    this._changed(1, 1, this.data.maxRows, this.data.maxColumns);
  }

  newChart(): EmuChartBuilder {
    return new EmuChartBuilder({
      id: '',
      type: CHART_TYPES.COLUMN,
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    });
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const state = (chart as unknown as EmuChart)._state();
    state.id = String(nextChartId++);
    this.charts.push(state);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const state = (chart as unknown as EmuChart)._state();
    const i = this.charts.findIndex((c) => c.id === state.id);
    if (i < 0) throw new Error('Exception: The chart does not exist on this sheet.');
    this.charts[i] = state;
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const id = (chart as unknown as EmuChart)._state().id;
    this.charts = this.charts.filter((c) => c.id !== id);
  }
  getCharts(): EmuChart[] {
    return this.charts.map((c) => new EmuChart(c));
  }

  activate(): EmuSheet {
    this.book._setActive(this, 1, 1, 1, 1);
    return this;
  }

  clear(): EmuSheet {
    const d = this.data;
    d.rows = [];
    for (const m of d.metaMaps()) m.clear();
    this._changed(1, 1, d.maxRows, d.maxColumns);
    return this;
  }
  clearContents(): EmuSheet {
    this.data.rows = [];
    this.data.formulas.clear();
    this._changed(1, 1, this.data.maxRows, this.data.maxColumns);
    return this;
  }
  setColumnWidth(columnPosition: number, width: number): EmuSheet {
    this.columnWidths.set(columnPosition, width);
    return this;
  }
  autoResizeColumns(): EmuSheet {
    return this;
  }
}
