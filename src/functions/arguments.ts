/**
 * Shaping what Sheets passes: a scalar for a 1x1 range, a 2-D array for a larger one, "" for a
 * blank cell, undefined for an omitted argument.
 */
import { CellGrid, CellValue } from '../core/values';
import { FunctionError } from './errors';

/** A range argument: a scalar or a 2-D array. */
export type RangeArg = CellValue | CellGrid;

/** A single row or column of an argument, read in place (no copy of 100k cells). */
export interface ColumnArg {
  readonly name: string;
  readonly length: number;
  at(i: number): CellValue;
  /** For a single-column range, the grid itself, so hot loops index it without a call per cell. */
  readonly grid?: CellGrid;
}

export function isOmitted(arg: unknown): boolean {
  return arg === undefined || arg === null || arg === '';
}

/** A single row or a single column, as a list of cells in order. */
export function toColumn(fn: string, name: string, arg: RangeArg): ColumnArg {
  if (!Array.isArray(arg)) {
    const v = arg as CellValue;
    return { name, length: 1, at: () => v };
  }
  const grid = arg as CellGrid;
  if (grid.length === 0) return { name, length: 0, at: () => undefined };
  const width = (grid[0] as CellValue[]).length;
  if (width === 1) return { name, length: grid.length, at: (i) => (grid[i] as CellValue[])[0], grid };
  if (grid.length === 1) {
    const row = grid[0] as CellValue[];
    return { name, length: row.length, at: (i) => row[i] };
  }
  throw new FunctionError(
    fn,
    `${name} must be a single column or a single row (got ${grid.length} rows x ${width} columns)`,
  );
}

/** The range argument as a 2-D grid (a scalar becomes 1x1). */
export function toGrid(arg: RangeArg): CellGrid {
  if (Array.isArray(arg)) return arg as CellGrid;
  return [[arg as CellValue]];
}

/** All given columns must have the same length. */
export function sameHeights(fn: string, columns: readonly (ColumnArg | undefined)[]): void {
  const given = columns.filter((c): c is ColumnArg => c !== undefined);
  const first = given[0];
  if (!first) return;
  for (const c of given) {
    if (c.length !== first.length) {
      throw new FunctionError(
        fn,
        `${first.name} has ${first.length} rows but ${c.name} has ${c.length}; give ranges of the same height`,
      );
    }
  }
}

/** A scalar argument's text (a stage name). */
export function scalarText(fn: string, name: string, arg: RangeArg): string {
  const v = Array.isArray(arg)
    ? arg.length === 1 && (arg[0] as CellValue[]).length === 1
      ? (arg[0] as CellValue[])[0]
      : undefined
    : arg;
  if (v === undefined && Array.isArray(arg)) throw new FunctionError(fn, `${name} must be a single cell or text`);
  return v === null || v === undefined ? '' : String(v).trim();
}

/** The column as rows of one cell, so hot loops index `grid[i][0]` whatever the range's shape. */
export function columnRows(col: ColumnArg): CellGrid {
  if (col.grid !== undefined) return col.grid;
  const rows: CellGrid = new Array(col.length);
  for (let i = 0; i < col.length; i++) rows[i] = [col.at(i)];
  return rows;
}
