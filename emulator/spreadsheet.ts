/** SpreadsheetApp and Spreadsheet. */
import { splitSheet } from './a1';
import { EmuConditionalFormatRuleBuilder, EmuDataValidationBuilder, CHART_TYPES } from './builders';
import { CallCounter, Shape, counted } from './counter';
import { ERR } from './errors';
import { EmuRange } from './range';
import type { RunContext } from './run-context';
import { EmuSheet } from './sheet';
import type { EmuUi } from './ui';

type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type BookMethods =
  | 'getSheets'
  | 'getSheetByName'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'getActiveRange'
  | 'getActiveCell'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getId'
  | 'getName'
  | 'getRange'
  | 'toast'
  | 'getUrl';

export interface ChangeEvent {
  sheet: EmuSheet;
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export class EmuSpreadsheet implements Shape<GasSpreadsheet, BookMethods> {
  private sheets: EmuSheet[] = [];
  private active: { sheet: EmuSheet; row: number; column: number; numRows: number; numColumns: number } | undefined;
  readonly toasts: { message: string; title: string }[] = [];
  private readonly listeners: ((e: ChangeEvent) => void)[] = [];

  constructor(
    private timeZone: string,
    private readonly counter: CallCounter,
    private readonly name = 'Pipeline',
  ) {}

  static _make(timeZone: string, counter: CallCounter): EmuSpreadsheet {
    const book = new EmuSpreadsheet(timeZone, counter);
    const proxy = counted(book, 'Spreadsheet', counter);
    book.self = proxy;
    return proxy;
  }
  private self: EmuSpreadsheet = this;

  _timeZone(): string {
    return this.timeZone;
  }
  _sheetNamed(name: string): EmuSheet | undefined {
    return this.sheets.find((s) => s.getName() === name);
  }
  _onChange(listener: (e: ChangeEvent) => void): void {
    this.listeners.push(listener);
  }
  _changed(sheet: EmuSheet, row: number, column: number, numRows: number, numColumns: number): void {
    for (const l of this.listeners) l({ sheet, row, column, numRows, numColumns });
  }
  _setActive(sheet: EmuSheet, row: number, column: number, numRows: number, numColumns: number): void {
    this.active = { sheet, row, column, numRows, numColumns };
  }
  /** The sheets without counting calls. */
  _sheets(): EmuSheet[] {
    return [...this.sheets];
  }

  getSheets(): EmuSheet[] {
    return [...this.sheets];
  }
  getSheetByName(name: string): EmuSheet | null {
    return this._sheetNamed(name) ?? null;
  }
  getId(): string {
    return 'emulated-spreadsheet';
  }
  getName(): string {
    return this.name;
  }
  getUrl(): string {
    return 'https://docs.google.com/spreadsheets/d/emulated-spreadsheet/edit';
  }

  insertSheet(name?: string, index?: number): EmuSheet {
    const title = name ?? `Sheet${this.sheets.length + 1}`;
    if (this._sheetNamed(title)) throw new Error(ERR.sheetExists(title));
    const sheet = EmuSheet._make(title, this.self, this.counter);
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    this.active = { sheet, row: 1, column: 1, numRows: 1, numColumns: 1 };
    return sheet;
  }

  deleteSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
    this.sheets = this.sheets.filter((s) => s.getSheetId() !== sheet.getSheetId());
    if (this.active && this.active.sheet.getSheetId() === sheet.getSheetId()) this.active = undefined;
  }

  getActiveSheet(): EmuSheet {
    if (!this.active) {
      const first = this.sheets[0] ?? this.insertSheet('Sheet1');
      this.active = { sheet: first, row: 1, column: 1, numRows: 1, numColumns: 1 };
    }
    return this.active.sheet;
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): EmuSheet {
    const s = sheet as unknown as EmuSheet;
    this.active = { sheet: s, row: 1, column: 1, numRows: 1, numColumns: 1 };
    return s;
  }

  getActiveRange(): EmuRange | null {
    const sheet = this.getActiveSheet();
    const a = this.active;
    return a ? sheet._range(a.row, a.column, a.numRows, a.numColumns) : null;
  }

  getActiveCell(): EmuRange {
    const sheet = this.getActiveSheet();
    const a = this.active as NonNullable<typeof this.active>;
    return sheet._range(a.row, a.column, 1, 1);
  }

  getSpreadsheetTimeZone(): string {
    return this.timeZone;
  }
  setSpreadsheetTimeZone(timeZone: string): void {
    this.timeZone = timeZone;
  }

  getRange(a1: string): EmuRange {
    const { sheet, ref } = splitSheet(a1);
    const s = sheet === undefined ? this.getActiveSheet() : this._sheetNamed(sheet);
    if (!s) throw new Error(ERR.rangeNotFound);
    return s.getRange(ref);
  }

  toast(message: string, title?: string): void {
    this.toasts.push({ message, title: title ?? '' });
  }
}

/**
 * The SpreadsheetApp global. Outside a document getActive()/getActiveSpreadsheet() return null
 * ("Returns the currently active spreadsheet, or null if there is none":
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#getActiveSpreadsheet())
 * and getUi() throws, as it does in a standalone script.
 */
export class EmuSpreadsheetApp {
  readonly ChartType = CHART_TYPES;
  readonly WrapStrategy = { WRAP: 'WRAP', CLIP: 'CLIP', OVERFLOW: 'OVERFLOW' };
  flushes = 0;

  constructor(
    private readonly book: () => EmuSpreadsheet,
    private readonly ui: () => EmuUi,
    private readonly run: RunContext,
  ) {}

  static _make(book: () => EmuSpreadsheet, ui: () => EmuUi, run: RunContext, counter: CallCounter): EmuSpreadsheetApp {
    return counted(new EmuSpreadsheetApp(book, ui, run), 'SpreadsheetApp', counter);
  }

  getActive(): EmuSpreadsheet | null {
    return this.run.inDocument ? this.book() : null;
  }
  getActiveSpreadsheet(): EmuSpreadsheet | null {
    return this.getActive();
  }
  getActiveSheet(): EmuSheet | null {
    return this.getActive()?.getActiveSheet() ?? null;
  }
  getActiveRange(): EmuRange | null {
    return this.getActive()?.getActiveRange() ?? null;
  }
  getUi(): EmuUi {
    if (!this.run.inDocument) throw new Error(ERR.uiOutsideDocument);
    return this.ui();
  }
  flush(): void {
    this.flushes++;
  }
  newDataValidation(): EmuDataValidationBuilder {
    return new EmuDataValidationBuilder();
  }
  newConditionalFormatRule(): EmuConditionalFormatRuleBuilder {
    return new EmuConditionalFormatRuleBuilder();
  }
}
