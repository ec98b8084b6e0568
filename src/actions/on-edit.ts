/**
 * Stage changes typed or pasted into the Stage column: one history row per changed deal (via edit),
 * Stage Entered set, Health marked with what the move skipped. The user's edit is never reverted.
 * For multi-cell edits Sheets gives no oldValue, so the old stage is the deal's last logged stage.
 */
import { startOfDayIn } from '../core/calendar';
import { CHECKBOX_COLUMNS, ColumnKey } from '../core/columns';
import { runsOf } from '../core/deal-ids';
import { cellsOf, parseDeals } from '../core/deals';
import { checkMove } from '../core/gates';
import { healthText, problemText } from '../core/health';
import { lastStageById } from '../core/history';
import { StageTable, foldStageName } from '../core/stages';
import { CellValue, readText } from '../core/values';
import { DealsTable, readDealsWindow } from '../sheets/deals-sheet';
import { appendHistory, HistoryRow, readHistory } from '../sheets/history-sheet';
import { safeText } from '../sheets/safe-text';
import { findDealsSheet } from '../sheets/tabs';
import { assignDealIds } from './deal-ids';
import { Clock, clockOf, currentUser, stageTableOf, withDocumentLock } from './pipeline-context';

type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;

/** Columns whose edits change a deal's Health. */
const HEALTH_INPUTS: ColumnKey[] = ['stage', 'value', 'owner', 'company', 'expectedClose', 'lastActivity', 'stageEntered', 'created', 'lostReason', ...CHECKBOX_COLUMNS];

export interface EditResult { logged: number; healthRows: number }

export function handleEdit(e: EditEvent): EditResult {
  const none = { logged: 0, healthRows: 0 };
  const range = e.range;
  const sheet = range.getSheet();
  const book = e.source;
  const dealsSheet = findDealsSheet(book);
  if (!dealsSheet || dealsSheet.getSheetId() !== sheet.getSheetId()) return none;
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return none;
  return withDocumentLock(20_000, () => {
    const deals = readDealsWindow(sheet, firstRow, lastRow);
    const touched = (k: ColumnKey): boolean => {
      const c = deals.columns[k];
      return c !== undefined && c + 1 >= range.getColumn() && c + 1 <= range.getLastColumn();
    };
    if (!HEALTH_INPUTS.some(touched)) return none;
    const table = stageTableOf(book);
    const clock = clockOf(book);
    const rowIdx = deals.rows.map((_, k) => k);
    const logged = touched('stage') ? recordStageChanges(deals, rowIdx, e, table, clock) : 0;
    const healthRows = writeHealth(deals, rowIdx, table, clock);
    return { logged, healthRows };
  });
}

function recordStageChanges(deals: DealsTable, rowIdx: number[], e: EditEvent, table: StageTable, clock: Clock): number {
  const book = e.source;
  const single = e.range.getNumRows() === 1 && e.range.getNumColumns() === 1;
  const ids = assignDealIds(deals, rowIdx);
  const cellsFor = (i: number) => cellsOf(deals.rows[i] as CellValue[], deals.columns);
  let previous: Map<string, string> | undefined;
  const oldStage = (i: number): string => {
    if (single) return e.oldValue === undefined ? '' : String(e.oldValue);
    previous ??= lastStageById(readHistory(book));
    return previous.get(readText(cellsFor(i)('dealId'))) ?? '';
  };
  const changed: number[] = [];
  const history: HistoryRow[] = [];
  const user = (e.user && typeof e.user.getEmail === 'function' && e.user.getEmail()) || currentUser();
  for (const i of rowIdx) {
    const cells = cellsFor(i);
    const to = readText(cells('stage'));
    const from = oldStage(i);
    if (to === '' || foldStageName(to) === foldStageName(from)) continue;
    const toStage = table.find(to);
    const fromStage = from === '' ? undefined : table.find(from);
    let note = toStage ? '' : `"${to}" is not a stage in Pipeline Settings`;
    if (toStage) {
      const check = checkMove(table, fromStage, toStage, cells);
      if (!check.allMet) note = `Skipped requirements: ${check.missing.join(', ')}`;
    }
    changed.push(i);
    history.push([clock.now, ids.get(i) ?? readText(cells('dealId')), readText(cells('deal')), fromStage ? fromStage.name : from, toStage ? toStage.name : to, user, 'edit', note]);
  }
  if (changed.length === 0) return 0;
  const enteredCol = deals.columns.stageEntered;
  if (enteredCol !== undefined) {
    const today = startOfDayIn(clock.today, clock.timeZone);
    for (const run of runsOf(changed)) {
      deals.sheet.getRange(run.start + deals.firstRow, enteredCol + 1, run.length, 1).setValues(Array.from({ length: run.length }, () => [today]));
      for (let k = 0; k < run.length; k++) (deals.rows[run.start + k] as CellValue[])[enteredCol] = today;
    }
  }
  appendHistory(book, history);
  return history.length;
}

/** Recomputes Health for the edited rows: one write over the Health column's span. */
function writeHealth(deals: DealsTable, rowIdx: number[], table: StageTable, clock: Clock): number {
  const col = deals.columns.health;
  if (col === undefined || rowIdx.length === 0) return 0;
  const values = rowIdx.map((i) => {
    const raw = deals.rows[i] as CellValue[] | undefined;
    if (!raw) return [''];
    const parsed = parseDeals([raw], deals.columns, table, clock.readZone, deals.sheet.getName(), i + deals.firstRow);
    const d = parsed.deals[0];
    if (d) return [safeText(healthText(d, table, clock.today))];
    const p = parsed.problems[0];
    return [p ? safeText(problemText(p)) : ''];
  });
  deals.sheet.getRange((rowIdx[0] as number) + deals.firstRow, col + 1, values.length, 1).setValues(values);
  return values.length;
}
