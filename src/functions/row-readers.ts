/**
 * What the one-pass readers (read-totals, read-weighted, read-forecast, read-cycle) read from a row,
 * written once: the stage code of a stages cell, a value cell's number, and the error naming the
 * row, the column and the value ("row 7 of values: "tbd" is not a number").
 */
import { StageTable, stageNames } from '../core/stages';
import { CellValue, MAX_NUMBER, describeValue, isBlank, numberProblem, readNumber } from '../core/values';
import { ColumnArg } from './arguments';
import { FunctionError } from './errors';
import { StageCoder } from './stage-codes';

/** Throws the error for row i (0-based) of `col`: its value, then `what`. */
export function badCell(fn: string, col: ColumnArg, i: number, what: string): never {
  throw new FunctionError(fn, `row ${i + 1} of ${col.name}: ${describeValue(col.at(i))} ${what}`);
}

/** Throws the error for a deal row with a blank stage (a row blank in every given column is skipped instead). */
export function blankStage(fn: string, stages: ColumnArg, i: number, table: StageTable): never {
  throw new FunctionError(fn, `row ${i + 1} of ${stages.name}: the stage is blank (known: ${stageNames(table)})`);
}

/** Throws the error for a stage the table does not know. */
export function unknownStage(fn: string, stages: ColumnArg, i: number, table: StageTable): never {
  badCell(fn, stages, i, `is not a known stage (known: ${stageNames(table)})`);
}

/** A stages cell's code (a stage index, BLANK or UNKNOWN): the texts met so far first, then the coder. */
export function stageCodeOf(coder: StageCoder, s: CellValue): number {
  const k = coder.known.get(s as string);
  return k === undefined ? coder.code(s) : k;
}

const BLANK_VALUE = Number.NaN;
const MAX = MAX_NUMBER;
const MIN = -MAX_NUMBER;

/** A value cell's number; NaN when blank; text that is no number throws naming its row. */
export function numberCell(fn: string, col: ColumnArg, i: number, x: CellValue): number {
  if (typeof x === 'number' && x <= MAX && x >= MIN) return x;
  if (isBlank(x)) return BLANK_VALUE;
  const r = readNumber(x);
  if (r === undefined) badCell(fn, col, i, `is ${numberProblem(x)}`);
  return r as number;
}
