/**
 * Stage colors (#14) kept in step with the settings tab: at setup, after an edit of the settings
 * tab's stage table (Stage, Outcome or Color cells), and in the daily job (with the stale flags).
 * Settings with a problem (a bad color names its cell) change nothing.
 */
import { mapHeaders } from '../core/columns';
import { defaultStageTable, formatProblems, STAGE_TABLE_WIDTH } from '../core/settings';
import { StageTable } from '../core/stages';
import { Book, Sheet } from '../sheets/book';
import { EditedSpan } from '../sheets/edit-event';
import { HEADER_ROW } from '../sheets/deals-sheet';
import { tryDocumentLock } from '../sheets/lock';
import { toast } from '../sheets/notify';
import { documentProperties } from '../sheets/platform';
import { fillDefaultColors, paintColorCells } from '../sheets/settings-colors';
import { readStageTable } from '../sheets/settings-sheet';
import { applyStageColorRules } from '../sheets/stage-color-rules';
import { TabRegistry } from '../sheets/tab-registry';

export interface ColorsResult {
  /** The Deals tab's stage rules were (re)written. */
  readonly rules: boolean;
  /** Blank Color cells of default stages filled. */
  readonly filled: number;
  /** Why nothing was changed: the settings problems, cell by cell. */
  readonly problem?: string;
}

function stageColumnOf(deals: Sheet): number | undefined {
  const width = Math.max(1, deals.getLastColumn());
  return mapHeaders(deals.getRange(HEADER_ROW, 1, 1, width).getValues()[0] ?? []).stage;
}

/**
 * The Deals tab's rules from a valid stage table, and (unless `deals` is given: the daily job, which
 * read the settings once already) the settings tab's Color cells.
 */
export function applyStageColors(registry: TabRegistry, table: StageTable, deals?: Sheet): boolean {
  const settings = deals ? undefined : registry.find('settings');
  if (settings) paintColorCells(settings, table);
  const sheet = deals ?? registry.find('deals');
  const col = sheet ? stageColumnOf(sheet) : undefined;
  return sheet !== undefined && col !== undefined && applyStageColorRules(sheet, col, table, documentProperties());
}

/** Reads the settings and applies the colors; at setup, first fills blank Color cells of default stages. */
export function refreshStageColors(book: Book, registry: TabRegistry, fillDefaults: boolean): ColorsResult {
  const first = readStageTable(book, registry);
  if (first && first.problems.length > 0) return { rules: false, filled: 0, problem: formatProblems(first.problems) };
  const settings = registry.find('settings');
  const filled = fillDefaults && settings ? fillDefaultColors(settings) : 0;
  const parsed = filled > 0 ? readStageTable(book, registry) : first;
  const table = parsed ? parsed.table : defaultStageTable();
  return { rules: applyStageColors(registry, table), filled };
}

/** An edit on the settings tab: inside the stage table, the colors follow (a problem is shown, nothing changes). */
export function settingsEdited(book: Book, registry: TabRegistry, span: EditedSpan, waitMs: number): void {
  if (span.firstColumn > STAGE_TABLE_WIDTH) return;
  const run = tryDocumentLock(waitMs, () => refreshStageColors(book, registry, false));
  if (!run.locked) toast(book, 'Stage colors will follow your change with the next run (the sheet was busy).');
  else if (run.value.problem) toast(book, `Stage colors not changed: ${run.value.problem}`);
}
