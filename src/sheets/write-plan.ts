/**
 * Applies a write plan (src/core/write-plan.ts) to the Deals and Stage History tabs. The one place
 * that owns row matching, atomicity and "only our columns":
 *
 * 1. Check: the header row has every column the plan writes or needs; the history tab (when the
 *    plan logs) has the history header. A failed check writes nothing and names what is missing.
 * 2. Locate: re-read the Deal ID column (whole rows when a row is keyed by content) and find each
 *    planned row again by its ID, which must sit alone on the tab.
 * 3. Read what is in each block (values and formulas), to keep the cells between planned ones and
 *    to put everything back if a write fails.
 * 4. History first: the history rows are appended in one write. If that fails, nothing else is written.
 * 5. Last look: the Deal ID column is read once more; if a sort or inserted row moved anything since
 *    step 2, the history rows are blanked and the plan starts again from step 1 (three tries).
 * 6. Cells: one setValues per block. If one fails, every block written so far (and the failed one)
 *    gets its earlier content back and the history rows are blanked, so the cell writes and the
 *    history rows land together or not at all; the message says so, or names what could not be undone.
 */
import { CellValue, readText } from '../core/values';
import {
  cellBlocks,
  CellBlock,
  changedSince,
  FreshRows,
  KEEP,
  locateRows,
  missingColumns,
  WritePlan,
} from '../core/write-plan';
import { ColumnMap } from '../core/columns';
import { Range, Sheet } from './book';
import { FIRST_DATA_ROW, readColumnText, readColumns } from './deals-sheet';
import { blankRange } from './append-rows';
import { appendHistoryRecords, historyTabProblem } from './history-sheet';
import { literal } from './safe-text';

export interface PlanTabs {
  readonly deals: Sheet;
  /** Needed when the plan logs history rows. */
  readonly history?: Sheet;
}

export type Applied = { ok: true; rows: number[] } | { ok: false; message: string };

const NOTHING = 'Nothing was changed.';
export const PLAN_ATTEMPTS = 3;

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function applyPlan(tabs: PlanTabs, plan: WritePlan): Applied {
  if (plan.rows.length === 0 && plan.history.length === 0) return { ok: true, rows: [] };
  for (let attempt = 1; attempt <= PLAN_ATTEMPTS; attempt++) {
    const result = attemptPlan(tabs, plan);
    if (result !== 'moved') return result;
  }
  return {
    ok: false,
    message: `${plan.action}: rows kept moving (another user sorting or inserting). ${NOTHING} Try again.`,
  };
}

function attemptPlan(tabs: PlanTabs, plan: WritePlan): Applied | 'moved' {
  const deals = tabs.deals;
  const tab = deals.getName();
  const columns = readColumns(deals);
  const missing = missingColumns(plan, columns);
  if (missing.length > 0) {
    const names = missing.map((m) => `"${m}"`).join(', ');
    return {
      ok: false,
      message: `${plan.action}: the ${tab} tab has no ${names} column. ${NOTHING} Set up pipeline adds it.`,
    };
  }
  const problem = tabs.history && plan.history.length > 0 ? historyTabProblem(tabs.history) : undefined;
  if (problem) return { ok: false, message: `${plan.action}: ${problem} ${NOTHING}` };
  const idColumn = columns.dealId as number;
  const fresh = readFresh(
    deals,
    tab,
    columns,
    plan.rows.some((w) => w.key.by === 'content'),
  );
  const located = locateRows(plan, fresh);
  if (!located.ok) return { ok: false, message: `${plan.action}: ${located.reason} ${NOTHING}` };
  const blocks = cellBlocks(
    plan.rows.map((w, i) => ({ row: located.rows[i] as number, cells: w.cells })),
    columns,
  );
  const before = blocks.map((b) => readBlock(deals, b));
  const conflict = changedSince(plan, located.rows, columns, (row, column) => valueIn(before, row, column));
  if (conflict) return { ok: false, message: `${plan.action}: ${conflict} ${NOTHING}` };
  let logged: Range | undefined;
  if (tabs.history && plan.history.length > 0) {
    try {
      logged = appendHistoryRecords(tabs.history, plan.history);
    } catch (e) {
      return {
        ok: false,
        message: `${plan.action}: could not write to the ${tabs.history.getName()} tab (${errorText(e)}). ${NOTHING}`,
      };
    }
  }
  if (!sameIds(fresh.ids, readIdsAgain(deals, idColumn, fresh.ids.length))) {
    return logged && !blankRange(logged) ? undo(plan, tabs, [], logged, 'rows moved') : 'moved';
  }
  for (let k = 0; k < blocks.length; k++) {
    const block = before[k] as BlockImage;
    try {
      block.range.setValues(
        block.cells.map((row, i) => row.map((v, j) => (v === KEEP ? keptValue(block, i, j) : literal(v)))),
      );
    } catch (e) {
      return undo(
        plan,
        tabs,
        before.slice(0, k + 1),
        logged,
        `${errorText(e)} while writing ${tab}!${block.range.getA1Notation()}`,
      );
    }
  }
  return { ok: true, rows: located.rows };
}

interface BlockImage extends CellBlock {
  readonly range: Range;
  readonly values: CellValue[][];
  readonly formulas: string[][];
}

function readBlock(sheet: Sheet, b: CellBlock): BlockImage {
  const range = sheet.getRange(b.row, b.column + 1, b.cells.length, (b.cells[0] as unknown[]).length);
  return { ...b, range, values: range.getValues() as CellValue[][], formulas: range.getFormulas() };
}

function valueIn(images: readonly BlockImage[], row: number, column: number): CellValue {
  for (const b of images) {
    const i = row - b.row;
    const j = column - b.column;
    const r = b.values[i];
    if (i >= 0 && j >= 0 && r !== undefined && j < r.length) return r[j];
  }
  return '';
}

/** What a cell held before: its formula, else its value written literally. */
function keptValue(b: BlockImage, i: number, j: number): unknown {
  const f = (b.formulas[i] as string[])[j];
  return f ? f : literal((b.values[i] as CellValue[])[j]);
}

function undo(
  plan: WritePlan,
  tabs: PlanTabs,
  written: readonly BlockImage[],
  logged: Range | undefined,
  cause: string,
): Applied {
  const stuck: string[] = [];
  for (const b of written) {
    try {
      b.range.setValues(b.values.map((row, i) => row.map((_, j) => keptValue(b, i, j))));
    } catch {
      stuck.push(`${tabs.deals.getName()}!${b.range.getA1Notation()}`);
    }
  }
  if (logged && !blankRange(logged)) stuck.push(`${tabs.history?.getName()}!${logged.getA1Notation()} (history rows)`);
  return {
    ok: false,
    message: `${plan.action} failed: ${cause}. ${stuck.length === 0 ? `All was put back. ${NOTHING}` : `Could not put back: ${stuck.join(', ')}.`}`,
  };
}

function readFresh(sheet: Sheet, tab: string, columns: ColumnMap, wholeRows: boolean): FreshRows {
  const idColumn = columns.dealId as number;
  if (!wholeRows) return { tab, firstRow: FIRST_DATA_ROW, ids: readColumnText(sheet, idColumn) };
  const last = sheet.getLastRow();
  if (last < FIRST_DATA_ROW) return { tab, firstRow: FIRST_DATA_ROW, ids: [], rows: [] };
  const rows = sheet
    .getRange(FIRST_DATA_ROW, 1, last - FIRST_DATA_ROW + 1, Math.max(1, sheet.getLastColumn()))
    .getValues() as CellValue[][];
  const ids = rows.map((r) => readText(r[idColumn]));
  return { tab, firstRow: FIRST_DATA_ROW, ids, rows, healthColumn: columns.health };
}

/**
 * The ID column over the rows read before (rows added below them do not matter; an inserted,
 * deleted or sorted row shifts IDs within that span and shows).
 */
function readIdsAgain(sheet: Sheet, idColumn: number, rows: number): string[] {
  if (rows === 0) return [];
  try {
    return sheet
      .getRange(FIRST_DATA_ROW, idColumn + 1, rows, 1)
      .getValues()
      .map((r) => readText(r[0] as CellValue));
  } catch {
    return []; // the tab lost rows at its end: moved
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
