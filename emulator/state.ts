/**
 * The emulator's whole state as JSON and back: sheets (values, formulas, formats, notes, colours,
 * validation, frozen rows, conditional formats, charts), properties, triggers and the clock.
 * The playground saves it after every change and reloads it on restart.
 */
import { toA1 } from './a1';
import { ChartState, EmuConditionalFormatRule } from './builders';
import { isDateValue, Stored } from './cells';
import type { Emulator } from './index';
import type { EmuRange } from './range';
import type { EmuSheet } from './sheet';
import type { CellMap } from './cell-map';
import { ValidationRule } from './sheet-data';
import type { TriggerRecord } from './script-app';

type JsonCell = string | number | boolean | { $date: string };
interface RangeRef {
  sheet: string;
  a1: string;
}
interface SavedRule {
  formula?: string;
  textStartsWith?: string;
  textContains?: string;
  textEqualTo?: string;
  background?: string;
  fontColor?: string;
  ranges: RangeRef[];
}
interface SavedChart {
  id: string;
  type: string;
  options: Record<string, unknown>;
  position: ChartState['position'];
  ranges: RangeRef[];
  transposed?: boolean;
}
interface SavedValidation {
  type: ValidationRule['type'];
  values: unknown[];
  range?: RangeRef;
  allowInvalid: boolean;
  helpText: string;
  showDropdown: boolean;
}

interface SavedSheet {
  name: string;
  /** The sheet's ID (absent in files saved before IDs were kept). */
  id?: number;
  maxRows: number;
  maxColumns: number;
  rows: JsonCell[][];
  formulas: [number, string][];
  formats: [number, string][];
  notes: [number, string][];
  backgrounds: [number, string][];
  /** Cell text colors (absent in files saved before they were kept). */
  fontColors?: [number, string][];
  fontWeights: [number, string][];
  validations: [number, SavedValidation][];
  frozenRows: number;
  hidden: boolean;
  rules: SavedRule[];
  charts: SavedChart[];
}

export interface SavedState {
  version: 1;
  timeZone: string;
  clock: number;
  sheets: SavedSheet[];
  properties: { document: Record<string, string>; user: Record<string, string>; script: Record<string, string> };
  triggers: TriggerRecord[];
}

const toJson = (v: Stored): JsonCell => (isDateValue(v) ? { $date: v.toISOString() } : v);
const fromJson = (v: JsonCell): Stored => (typeof v === 'object' && v !== null ? new Date(v.$date) : v);
const refOf = (r: EmuRange): RangeRef => {
  const [row, column, numRows, numColumns] = r._bounds();
  return { sheet: r.getSheet().getName(), a1: toA1(row, column, numRows, numColumns) };
};

export function exportState(emu: Emulator): SavedState {
  return emu.counter.quiet(() => ({
    version: 1 as const,
    timeZone: emu.book.getSpreadsheetTimeZone(),
    clock: emu.clock.now(),
    sheets: emu.book._sheets().map((s): SavedSheet => {
      const d = s._data();
      return {
        name: s.getName(),
        id: s.getSheetId(),
        maxRows: d.maxRows,
        maxColumns: d.maxColumns,
        rows: d.rows.map((r) => (r ? Array.from(r, (v) => toJson(v === undefined ? '' : v)) : [])),
        formulas: [...d.formulas],
        formats: [...d.formats],
        notes: [...d.notes],
        backgrounds: [...d.backgrounds],
        fontColors: [...d.fontColors],
        fontWeights: [...d.fontWeights],
        validations: [...d.validations].map(([k, v]) => [
          k,
          {
            type: v.type,
            allowInvalid: v.allowInvalid,
            helpText: v.helpText,
            showDropdown: v.showDropdown,
            values: v.type === 'VALUE_IN_LIST' ? [...v.values] : [],
            ...(v.type === 'VALUE_IN_RANGE' ? { range: refOf(v.values[0] as EmuRange) } : {}),
          },
        ]),
        frozenRows: s.getFrozenRows(),
        hidden: s.isSheetHidden(),
        rules: s._rules().map((r) => {
          const x = r._rule();
          return { ...x, ranges: x.ranges.map(refOf) };
        }),
        charts: s._charts().map((c) => ({
          id: c.id,
          type: c.type,
          options: c.options,
          position: c.position,
          ranges: c.ranges.map(refOf),
          ...(c.transposed ? { transposed: true } : {}),
        })),
      };
    }),
    properties: {
      document: emu.properties.document.getProperties(),
      user: emu.properties.user.getProperties(),
      script: emu.properties.script.getProperties(),
    },
    triggers: emu.triggers.triggers.map((t) => ({ ...t })),
  }));
}

/** Replaces the emulator's workbook with a saved one. */
export function importState(emu: Emulator, state: SavedState): void {
  emu.counter.quiet(() => {
    emu.book.setSpreadsheetTimeZone(state.timeZone);
    emu.clock.set(state.clock);
    for (const s of emu.book._sheets()) emu.book.deleteSheet(s as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    const sheets = new Map<string, EmuSheet>();
    for (const saved of state.sheets) sheets.set(saved.name, emu.book.insertSheet(saved.name));
    const range = (ref: RangeRef): EmuRange => (sheets.get(ref.sheet) as EmuSheet).getRange(ref.a1);
    for (const saved of state.sheets) {
      const sheet = sheets.get(saved.name) as EmuSheet;
      const d = sheet._data();
      d.maxRows = saved.maxRows;
      d.maxColumns = saved.maxColumns;
      d.rows = saved.rows.map((r) => r.map(fromJson));
      const fill = <T>(map: CellMap<T>, entries: [number, T][]): void => {
        map.clear();
        for (const [k, v] of entries) map.set(k, v);
      };
      fill(d.formulas, saved.formulas);
      fill(d.formats, saved.formats);
      fill(d.notes, saved.notes);
      fill(d.backgrounds, saved.backgrounds);
      fill(d.fontColors, saved.fontColors ?? []);
      fill(d.fontWeights, saved.fontWeights);
      fill(
        d.validations,
        saved.validations.map(([k, v]): [number, ValidationRule] => [
          k,
          {
            type: v.type,
            allowInvalid: v.allowInvalid,
            helpText: v.helpText,
            showDropdown: v.showDropdown,
            values: v.range ? [range(v.range)] : v.values,
          },
        ]),
      );
      sheet._restore({
        ...(saved.id === undefined ? {} : { id: saved.id }),
        frozenRows: saved.frozenRows,
        hidden: saved.hidden,
        rules: saved.rules.map((r) => new EmuConditionalFormatRule({ ...r, ranges: r.ranges.map(range) })),
        charts: saved.charts.map((c) => ({ ...c, ranges: c.ranges.map(range) })),
      });
    }
    const first = state.sheets[0];
    if (first) emu.book.setActiveSheet(sheets.get(first.name) as unknown as GoogleAppsScript.Spreadsheet.Sheet);
    for (const [store, saved] of [
      [emu.properties.document, state.properties.document],
      [emu.properties.user, state.properties.user],
      [emu.properties.script, state.properties.script],
    ] as const) {
      store.deleteAllProperties();
      for (const [k, v] of Object.entries(saved)) store.store.set(k, v);
    }
    emu.triggers.triggers = state.triggers.map((t) => ({ ...t }));
  });
}
