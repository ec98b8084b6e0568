/**
 * The history arguments of the history functions: the Stage History range (Timestamp, Deal ID, Deal,
 * From, To, ...; e.g. 'Stage History'!A2:E, a header row is harmless), read through the core's
 * parseHistory like the jobs read the tab; and the deals' Deal IDs with their stages, one checked
 * pass, joined with the history into each deal's reached stage (the funnel's rule).
 */
import { HistoryEntry, parseHistory, reachedByIdFromRows } from '../core/history';
import { LOST, StageTable } from '../core/stages';
import { CellGrid, CellValue, isBlank, readText } from '../core/values';
import { ColumnArg, RangeArg, columnRows, sameHeights, toGrid } from './arguments';
import { FunctionError } from './errors';
import { blankStage, stageCodeOf, unknownStage } from './row-readers';
import { BLANK, UNKNOWN, stageCoder } from './stage-codes';

function historyGrid(fn: string, arg: RangeArg): CellGrid {
  const grid = toGrid(arg) as CellGrid;
  const width = grid.length === 0 ? 0 : (grid[0] as CellValue[]).length;
  if (grid.length > 0 && width < 5 && !(grid.length === 1 && isBlank((grid[0] as CellValue[])[0])))
    throw new FunctionError(
      fn,
      `history must be the Stage History range from Timestamp to To (5 columns or more, e.g. 'Stage History'!A2:E), not ${width} column${width === 1 ? '' : 's'}`,
    );
  return width < 5 ? [] : grid;
}

export function historyEntries(fn: string, arg: RangeArg): HistoryEntry[] {
  return parseHistory(historyGrid(fn, arg));
}

/** Each Deal ID's highest reached open/won stage in the history range (reachedById, in one pass). */
export function historyReachById(fn: string, arg: RangeArg, table: StageTable): Map<string, number> {
  return reachedByIdFromRows(historyGrid(fn, arg), table);
}

export interface DealsReach {
  /** Stage index per deal row kept (blank rows dropped). */
  readonly stage: Int32Array;
  /** Highest reached open/won stage index per deal row kept, -1 for none. */
  readonly reached: Int32Array;
}

/** Stages and Deal IDs, row by row, with each deal's reach from the history. */
export function readDealsReach(
  fn: string,
  cols: { stages: ColumnArg; dealIds: ColumnArg },
  table: StageTable,
  reach: ReadonlyMap<string, number>,
): DealsReach {
  const { stages, dealIds } = cols;
  sameHeights(fn, [stages, dealIds]);
  const coder = stageCoder(table);
  const sg = columnRows(stages);
  const ig = columnRows(dealIds);
  const n = stages.length;
  const stage = new Int32Array(n);
  const reached = new Int32Array(n);
  const { codes } = table;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const k = stageCodeOf(coder, (sg[i] as CellValue[])[0]);
    if (k === UNKNOWN) unknownStage(fn, stages, i, table);
    const idCell = (ig[i] as CellValue[])[0];
    if (k === BLANK) {
      if (isBlank(idCell)) continue;
      blankStage(fn, stages, i, table);
    }
    const id = typeof idCell === 'string' ? idCell.trim() : readText(idCell);
    const current = codes[k] === LOST ? -1 : k;
    const fromHistory = id === '' ? undefined : reach.get(id);
    stage[kept] = k;
    reached[kept] = fromHistory !== undefined && fromHistory > current ? fromHistory : current;
    kept++;
  }
  return { stage: stage.subarray(0, kept), reached: reached.subarray(0, kept) };
}
