/**
 * The settings tab's Color column (#14): at setup, a blank Color cell of a default stage gets that
 * stage's default color (a color you typed is never overwritten; other stages' blank cells stay
 * blank: the palette's color by position); every stage's Color cell shows its color as its
 * background, with a readable text color, so the manager sees what the Stage cells will look like.
 */
import { DEFAULT_STAGE_ROWS, stageAndColorColumns, STAGE_TABLE_WIDTH } from '../core/settings';
import { stageColor } from '../core/stage-colors';
import { foldStageName, StageTable } from '../core/stages';
import { CellGrid, CellValue, isBlank, readText } from '../core/values';
import { Sheet } from './book';

const DEFAULT_COLORS = new Map(DEFAULT_STAGE_ROWS.map((r) => [foldStageName(String(r[0])), String(r[7])]));

function stageGrid(sheet: Sheet): { grid: CellGrid; stage: number; color: number } | undefined {
  const last = sheet.getLastRow();
  if (last < 2) return undefined;
  const grid = sheet.getRange(1, 1, last, STAGE_TABLE_WIDTH).getValues() as CellGrid;
  const cols = stageAndColorColumns((grid[0] ?? []) as CellValue[]);
  if (!cols || cols.color === undefined) return undefined;
  return { grid, stage: cols.stage, color: cols.color };
}

/** Fills blank Color cells of the default stages with their default colors; returns how many. */
export function fillDefaultColors(sheet: Sheet): number {
  const found = stageGrid(sheet);
  if (!found) return 0;
  let filled = 0;
  // Adjacent blank cells are written together: one setValues per run (at setup, one for the whole
  // column), never into a cell that holds something.
  let run: { start: number; values: string[][] } | undefined;
  const flush = (): void => {
    if (run) sheet.getRange(run.start + 1, found.color + 1, run.values.length, 1).setValues(run.values);
    run = undefined;
  };
  found.grid.forEach((row, r) => {
    const color = r === 0 ? undefined : DEFAULT_COLORS.get(foldStageName(readText(row[found.stage])));
    if (color === undefined || !isBlank(row[found.color])) return flush();
    if (run) run.values.push([color]);
    else run = { start: r, values: [[color]] };
    filled++;
  });
  flush();
  return filled;
}

/** Each stage's Color cell gets the stage's color as background and a readable text color; returns whether any changed. */
export function paintColorCells(sheet: Sheet, table: StageTable): boolean {
  const found = stageGrid(sheet);
  if (!found) return false;
  const { grid, stage, color } = found;
  const current = sheet.getRange(2, color + 1, grid.length - 1, 1).getBackgrounds();
  let changed = false;
  let run: { start: number; bg: string[][]; fc: string[][]; differs: boolean } | undefined;
  const flush = (): void => {
    if (run && run.differs) {
      const range = sheet.getRange(run.start + 1, color + 1, run.bg.length, 1);
      range.setBackgrounds(run.bg);
      range.setFontColors(run.fc);
      changed = true;
    }
    run = undefined;
  };
  for (let r = 1; r < grid.length; r++) {
    const s = table.find(readText((grid[r] as CellValue[])[stage]));
    if (!s) {
      flush();
      continue;
    }
    const c = stageColor(table, s);
    run ??= { start: r, bg: [], fc: [], differs: false };
    run.bg.push([c.background]);
    run.fc.push([c.text]);
    if (String(current[r - 1]?.[0] ?? '').toLowerCase() !== c.background) run.differs = true;
  }
  flush();
  return changed;
}
