/**
 * The stage table a function uses: the `stage_table` range when given; otherwise the Pipeline
 * Settings tab (read once, read-only) when there is one; otherwise the default stages.
 */
import { CellGrid } from '../core/values';
import { defaultStageTable, parseStageTable } from '../core/settings';
import { StageTable } from '../core/stages';
import { FunctionError } from './errors';
import { RangeArg, isOmitted, toGrid } from './arguments';

/** Reads the settings tab's stage rows; undefined when the tab does not exist. */
export type SettingsReader = () => CellGrid | undefined;

export function resolveStageTable(fn: string, arg: RangeArg, readSettings: SettingsReader): StageTable {
  if (!isOmitted(arg)) return parseOrThrow(fn, 'stage_table', toGrid(arg), false);
  const grid = readSettings();
  if (grid === undefined) return defaultStageTable();
  return parseOrThrow(fn, 'the Pipeline Settings tab', grid, true);
}

function parseOrThrow(fn: string, name: string, grid: CellGrid, isTab: boolean): StageTable {
  const { table, problems } = parseStageTable(
    grid,
    isTab
      ? { name: 'Pipeline Settings', origin: { row: 1, column: 1 }, requireClosedStages: false }
      : { name, requireClosedStages: false },
  );
  const first = problems[0];
  if (first)
    throw new FunctionError(
      fn,
      `${isTab ? '' : 'stage_table: '}${first.cell}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : ''}`,
    );
  return table;
}
