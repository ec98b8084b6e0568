/**
 * The playground's formula engine: HyperFormula evaluates every formula of the workbook, and hosts
 * our custom functions the way Sheets calls them (ranges as 2-D arrays, 1x1 ranges as scalars,
 * blanks as "", dates as Date, errors as #ERROR! with the message). The engine is rebuilt from the
 * emulator's cells after every change, so array results are sized from the current data. Our
 * functions' results are cached per cell as Sheets caches them (formula-cache.ts): a cell calls the
 * bundle again only when its arguments' values change.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { Emulator } from '../emulator';
import { zoneOffset } from '../src/core/calendar';
import { cellKey, FormulaCache, Outcome } from './formula-cache';
import { CATALOG } from '../src/functions/catalog';

type Stored = string | number | boolean | Date;
type Value = Stored | Stored[][];

/** Our custom functions with their parameter counts (required, total), from the function catalog. */
export const CUSTOM_FUNCTIONS: Record<string, [number, number]> = Object.fromEntries(
  CATALOG.map((f) => [f.name, [f.params.filter((p) => !p.optional).length, f.params.length]]),
);

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

interface Workbook {
  emu: Emulator;
  cache: FormulaCache;
  /** Per sheet name, the cells as the emulator holds them (Dates as Dates, formula cells as their formulas). */
  cells: Map<string, { values: Stored[][]; formulas: Map<number, string> }>;
}

/** The workbook the plugin reads; set before each build (HyperFormula's plugins are global). */
let current: Workbook | undefined;

interface Address {
  sheet: number;
  row: number;
  col: number;
}
interface RangeAst {
  type: string;
  start: { toSimpleCellAddress(base: Address): Address };
  end: { toSimpleCellAddress(base: Address): Address };
}
interface RefAst {
  type: string;
  reference: { toSimpleCellAddress(base: Address): Address };
}

class PipelineFunctions extends FunctionPlugin {
  /** The cache key and formula text of the cell a call is in (one key per function per cell). */
  callSite(at: Address, name: string): { cell: string; formula: string } {
    const sheet = this.dependencyGraph.sheetMapping.getSheetName(at.sheet) ?? '';
    return {
      cell: `${cellKey(sheet, at.row, at.col)}|${name}`,
      formula: current?.cells.get(sheet)?.formulas.get(at.row * 100_000 + at.col) ?? '',
    };
  }

  /** Sheets' view of a range: the stored cells (Dates stay Dates), formula cells as computed. */
  sheetsValue(arg: unknown): Value {
    if (arg instanceof SimpleRangeValue) {
      const data = arg.data.map((row) => row.map(raw));
      const r = arg.range;
      if (r && current) {
        const name = this.dependencyGraph.sheetMapping.getSheetName(r.start.sheet) ?? '';
        const cells = current.cells.get(name);
        data.forEach((row, i) =>
          row.forEach((v, j) => {
            const stored = cells?.values[r.start.row + i]?.[r.start.col + j];
            if (isDate(stored)) row[j] = stored;
            else if (v === '' && stored === undefined) row[j] = '';
          }),
        );
      }
      return data.length === 1 && (data[0] as Stored[]).length === 1 ? ((data[0] as Stored[])[0] as Stored) : data;
    }
    return raw(arg);
  }

  /** Resolves an argument from the syntax tree against the workbook (for sizing array results). */
  valueOfAst(ast: { type: string; value?: unknown }, base: Address): Value | undefined {
    if (!current) return undefined;
    if (ast.type === 'NUMBER' || ast.type === 'STRING') return ast.value as Stored;
    if (ast.type === 'EMPTY') return undefined;
    const at = (a: Address): Stored => {
      const name = this.dependencyGraph.sheetMapping.getSheetName(a.sheet) ?? '';
      const v = current?.cells.get(name)?.values[a.row]?.[a.col];
      return v === undefined ? '' : v;
    };
    if (ast.type === 'CELL_REFERENCE') return at((ast as unknown as RefAst).reference.toSimpleCellAddress(base));
    if (ast.type === 'CELL_RANGE') {
      const a = (ast as unknown as RangeAst).start.toSimpleCellAddress(base);
      const b = (ast as unknown as RangeAst).end.toSimpleCellAddress(base);
      const grid: Stored[][] = [];
      for (let r = a.row; r <= b.row; r++) {
        const row: Stored[] = [];
        for (let c = a.col; c <= b.col; c++) row.push(at({ sheet: a.sheet, row: r, col: c }));
        grid.push(row);
      }
      return grid.length === 1 && (grid[0] as Stored[]).length === 1 ? ((grid[0] as Stored[])[0] as Stored) : grid;
    }
    throw new Error('not resolvable');
  }
}

function raw(v: unknown): Stored {
  if (v === EmptyValue || v === undefined || v === null) return '';
  if (v instanceof CellError) return `#${v.type}`;
  if (typeof v === 'object' && v !== null && 'val' in v) return (v as { val: number }).val;
  return v as Stored;
}

const methods = PipelineFunctions.prototype as unknown as Record<string, unknown>;
const implemented: Record<string, object> = {};
for (const [name, [required, total]] of Object.entries(CUSTOM_FUNCTIONS)) {
  methods[name] = function (
    this: PipelineFunctions & { runFunction: FunctionPlugin['runFunction']; metadata(n: string): never },
    ast: { args: unknown[] },
    state: { formulaAddress: Address },
  ) {
    return this.runFunction(ast.args as never, state as never, this.metadata(name), (...args: unknown[]) => {
      if (!current) return new CellError(ErrorType.ERROR, 'no workbook');
      try {
        const values = args.map((a, i) => {
          if (a === undefined) return undefined;
          // A single-cell reference arrives from HyperFormula as a bare number; Sheets passes a date cell as a Date.
          const node = (ast.args[i] ?? { type: '' }) as { type: string; value?: unknown };
          if (node.type === 'CELL_REFERENCE') {
            const stored = this.valueOfAst(node, state.formulaAddress);
            if (isDate(stored)) return stored;
          }
          return this.sheetsValue(a);
        });
        const { cell, formula } = this.callSite(state.formulaAddress, name);
        const wb = current;
        const outcome = wb.cache.evaluate(cell, formula, values, () => wb.emu.callCustomFunction(name, ...values));
        if ('error' in outcome) return new CellError(ErrorType.ERROR, outcome.error);
        const result = outcome.value;
        if (Array.isArray(result))
          return SimpleRangeValue.onlyValues((result as (string | number)[][]).map((r) => r.slice()));
        return result as number;
      } catch (e) {
        return new CellError(ErrorType.ERROR, (e as Error).message);
      }
    });
  };
  methods[`${name}_SIZE`] = function (
    this: PipelineFunctions,
    ast: { args: { type: string; value?: unknown }[] },
    state: { formulaAddress: Address },
  ) {
    if (!current) return ArraySize.scalar();
    try {
      const args = ast.args.map((a) => this.valueOfAst(a, state.formulaAddress));
      const { cell, formula } = this.callSite(state.formulaAddress, name);
      const wb = current;
      const outcome: Outcome = wb.cache.size(cell, formula, args, () => wb.emu.callCustomFunction(name, ...args));
      if (!('value' in outcome) || !Array.isArray(outcome.value)) return ArraySize.scalar();
      const grid = outcome.value as unknown[][];
      return new ArraySize(Math.max(1, ...grid.map((r) => r.length)), Math.max(1, grid.length));
    } catch {
      return ArraySize.scalar();
    }
  };
  implemented[name] = {
    method: name,
    sizeOfResultArrayMethod: `${name}_SIZE`,
    vectorizationForbidden: true,
    parameters: Array.from({ length: total }, (_, i) => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: i >= required,
    })),
  };
}
(PipelineFunctions as unknown as { implementedFunctions: object }).implementedFunctions = implemented;
HyperFormula.registerFunctionPlugin(PipelineFunctions as never, {
  enGB: Object.fromEntries(Object.keys(CUSTOM_FUNCTIONS).map((n) => [n, n])),
});

export interface Computed {
  /** Cells filled by an array result beyond its formula cell, per sheet: "row,col" (0-based) -> value. */
  spills: Map<string, Map<string, Stored>>;
  /** Error messages of formula cells, per sheet. */
  errors: Map<string, Map<string, string>>;
}

const MS_PER_DAY = 86_400_000;

/**
 * Re-evaluates every formula and writes the results into the emulator's formula cells. Our
 * functions' results come from `cache` while their arguments are unchanged (a fresh cache, the
 * default, computes everything).
 */
export function recalculate(emu: Emulator, cache = new FormulaCache()): Computed {
  const tz = emu.book.getSpreadsheetTimeZone();
  const offset = zoneOffset(tz);
  const serial = (d: Date): number => (d.getTime() + offset(d.getTime())) / MS_PER_DAY + 25_569;
  const sheets = emu.book._sheets();
  const cells = new Map<string, { values: Stored[][]; formulas: Map<number, string> }>();
  const input: Record<string, (string | number | boolean | null)[][]> = {};
  for (const sheet of sheets) {
    const d = sheet._data();
    const width = d.lastColumn();
    const values = d.rows
      .slice(0, d.lastRow())
      .map((r) => Array.from({ length: width }, (_, c) => (r?.[c] ?? '') as Stored));
    const formulas = new Map<number, string>();
    const grid = values.map((row, r) =>
      row.map((v, c) => {
        const f = d.meta(d.formulas, r, c);
        if (f) {
          formulas.set(r * 100_000 + c, f);
          return f;
        }
        if (isDate(v)) return serial(v);
        if (typeof v === 'string') return v === '' ? null : /^[=']/.test(v) ? `'${v}` : v;
        return v;
      }),
    );
    cells.set(sheet.getName(), { values, formulas });
    input[sheet.getName()] = grid;
  }
  current = { emu, cache, cells };
  const spills = new Map<string, Map<string, Stored>>();
  const errors = new Map<string, Map<string, string>>();
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', maxRows: 100_000, useArrayArithmetic: true });
  try {
    for (const sheet of sheets) {
      const name = sheet.getName();
      const id = hf.getSheetId(name) as number;
      const out = hf.getSheetValues(id);
      const own = cells.get(name) as { values: Stored[][]; formulas: Map<number, string> };
      const spill = new Map<string, Stored>();
      const errs = new Map<string, string>();
      const d = sheet._data();
      out.forEach((row, r) =>
        row.forEach((v, c) => {
          const isFormula = own.formulas.has(r * 100_000 + c);
          let value: Stored;
          if (v !== null && typeof v === 'object' && 'type' in v) {
            value = (v as { value: string }).value ?? '#ERROR!';
            if (isFormula) errs.set(`${r},${c}`, (v as { message: string }).message || value);
          } else value = v === null ? '' : (v as Stored);
          if (isFormula) d.set(r, c, value);
          else if (value !== '' && (own.values[r]?.[c] ?? '') === '') spill.set(`${r},${c}`, value);
        }),
      );
      spills.set(name, spill);
      errors.set(name, errs);
    }
    cache.sweep();
  } finally {
    hf.destroy();
    current = undefined;
  }
  return { spills, errors };
}
