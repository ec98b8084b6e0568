/**
 * A typed or pasted edit on the Deals tab as a write plan: one history row per deal whose stage
 * changed (via "edit"), Stage Entered set to today for those, Deal IDs for new deal rows, and Health
 * recomputed for every edited row. The user's own cells are never written.
 *
 * The history needs no stage table: with broken settings the move is still logged (its note and the
 * row's Health say the requirements were not checked). A Deal ID found on more than one row is
 * never acted on: no history row, no Stage Entered; Health names the other rows.
 */
import { Clock } from './clock';
import { ColumnMap } from './columns';
import { cellsOf, parseDeals } from './deals';
import { newDealIds } from './deal-ids';
import { duplicateIdProblems, findDuplicateIds } from './duplicate-ids';
import { checkMove } from './gates';
import { carriedSlip, healthText, problemText } from './health';
import { HistoryField, HistoryRecord } from './history';
import { fieldChangeOf, FieldBefore } from './field-edits';
import { Slip, slipText } from './field-history';
import { StageTable, foldStageName } from './stages';
import { CellGrid, CellValue, isBlank, readText } from './values';
import { CellWrites, RowKey, RowWrite, WritePlan, rowFingerprint } from './write-plan';

export interface EditedRows {
  readonly tab: string;
  readonly columns: ColumnMap;
  /** The edited rows, whole, as read under the lock. */
  readonly rows: CellGrid;
  /** Sheet row of rows[0]. */
  readonly firstRow: number;
  /** The Deal ID of every data row of the tab; ids[0] is on sheet row `idsFirstRow`. */
  readonly allIds: readonly string[];
  readonly idsFirstRow: number;
}

export interface EditContext {
  /** The stage column was part of the edit. */
  readonly stageTouched: boolean;
  /** Undefined when the Pipeline Settings tab has problems (then `settingsProblem` says so). */
  readonly table: StageTable | undefined;
  readonly clock: Clock;
  readonly changedBy: string;
  /** The stage the deal had before the edit (oldValue of a one-cell edit, else its latest history row). */
  readonly previousStage: (dealId: string, index: number) => string;
  /** Reads the stored Deal ID counter; undefined hands out no IDs (an edit queued without the lock). */
  readonly counter: (() => number) | undefined;
  /** The recorded fields (Expected Close, Value) whose column was part of the edit. */
  readonly fieldsTouched: readonly HistoryField[];
  /** The field's value before the edit (oldValue of a one-cell edit, else its latest history row; unknown without one). */
  readonly previousField: (dealId: string, index: number, field: HistoryField) => FieldBefore;
  /** The deal's close-date pushes logged so far (read from history only when a close date change is logged). */
  readonly slipOf: (dealId: string) => Slip | undefined;
}

export interface EditPlan {
  readonly plan: WritePlan;
  readonly logged: number;
  readonly healthRows: number;
  /** The counter to store after the plan is written, when it handed out IDs. */
  readonly nextId: number | undefined;
  /** The logged stage changes, row by row, to queue when the sheet is busy. */
  readonly changes: readonly QueuedStageChange[];
}

/**
 * A stage change (or, with `field`, a change of Expected Close or Value) waiting to be logged: found
 * again by Deal ID, or by its row's content when it had none. Field values travel as text (a date as
 * yyyy-mm-dd, see ./field-edits.ts) since the queue is JSON.
 */
export interface QueuedStageChange {
  readonly id: string;
  readonly fingerprint: string;
  readonly row: number;
  readonly deal: string;
  readonly from: string;
  readonly to: string;
  readonly note: string;
  readonly field?: HistoryField;
}

export const SETTINGS_UNCHECKED =
  'Not checked: the Pipeline Settings tab has problems (Extensions > Deal Pipeline > Check settings)';

/** A row with any cell filled apart from its ID and Health. */
export function hasDealContent(raw: readonly CellValue[], columns: ColumnMap): boolean {
  return raw.some((v, c) => c !== columns.dealId && c !== columns.health && !isBlank(v));
}

/** The Health text of one row as it stands. */
export function healthOf(
  raw: readonly CellValue[],
  columns: ColumnMap,
  table: StageTable | undefined,
  clock: Clock,
  tab: string,
  row: number,
  slip?: string,
): string {
  if (!table) return SETTINGS_UNCHECKED;
  const parsed = parseDeals([raw as CellValue[]], columns, table, clock.readZone, tab, row);
  const d = parsed.deals[0];
  const kept = slip ?? (columns.health === undefined ? '' : carriedSlip(raw[columns.health]));
  if (d) return healthText(d, table, clock.today, kept);
  const p = parsed.problems[0];
  return p ? problemText(p) : '';
}

export function planEdit(x: EditedRows, ctx: EditContext): EditPlan {
  const { columns } = x;
  const idCol = columns.dealId;
  const dupByRow = new Map<number, string>();
  for (const p of duplicateIdProblems(findDuplicateIds(x.allIds, x.idsFirstRow), x.tab))
    dupByRow.set(p.row, problemText(p));
  let nextId: number | undefined;
  let fresh = new Map<number, string>();
  if (ctx.stageTouched && idCol !== undefined && ctx.counter !== undefined) {
    const need = x.rows
      .map((_, i) => i)
      .filter((i) => isBlank((x.rows[i] as CellValue[])[idCol]) && hasDealContent(x.rows[i] as CellValue[], columns));
    if (need.length > 0) ({ ids: fresh, next: nextId } = newDealIds(need, ctx.counter(), x.allIds));
  }
  const rows: RowWrite[] = [];
  const history: HistoryRecord[] = [];
  const changes: QueuedStageChange[] = [];
  let healthRows = 0;
  x.rows.forEach((source, i) => {
    const raw = (source as CellValue[]).slice();
    const row = x.firstRow + i;
    const cells: CellWrites = {};
    const oldId = idCol === undefined ? '' : readText(raw[idCol]);
    const key: RowKey =
      oldId !== '' && !dupByRow.has(row)
        ? { by: 'id', id: oldId }
        : { by: 'content', fingerprint: rowFingerprint(raw, columns.health) };
    if (!hasDealContent(raw, columns)) {
      if (columns.health !== undefined && !isBlank(raw[columns.health])) rows.push({ key, row, cells: { health: '' } });
      return;
    }
    const newId = fresh.get(i);
    if (newId !== undefined && idCol !== undefined) {
      cells.dealId = newId;
      raw[idCol] = newId;
    }
    const id = newId ?? oldId;
    let dup = dupByRow.get(row);
    let slip: string | undefined;
    let isNew = newId !== undefined;
    if (ctx.stageTouched) {
      const stage = stageChange(raw, columns, ctx, id, i);
      if (stage && stage.from === '') isNew = true;
      if (stage && dup) dup = `${dup}; the stage change to "${stage.to}" was not logged`;
      else if (stage) {
        const deal = readText(cellsOf(raw, columns)('deal'));
        history.push({
          at: ctx.clock.now,
          dealId: id,
          deal,
          from: stage.from,
          to: stage.to,
          changedBy: ctx.changedBy,
          via: 'edit',
          note: stage.note,
        });
        changes.push({
          id: oldId,
          fingerprint: oldId === '' ? rowFingerprint(source as CellValue[], columns.health) : '',
          row,
          deal,
          ...stage,
        });
        cells.stageEntered = ctx.clock.todayDate;
        if (columns.stageEntered !== undefined) raw[columns.stageEntered] = ctx.clock.todayDate;
      }
    }
    // Expected Close and Value: logged for a deal with an ID of its own that is not new in this edit.
    if (!dup && !isNew && id !== '')
      for (const field of ctx.fieldsTouched) {
        const key = field === 'Value' ? 'value' : 'expectedClose';
        const c = columns[key];
        if (c === undefined) continue;
        const change = fieldChangeOf(field, ctx.previousField(id, i, field), raw[c], ctx.clock);
        if (!change) continue;
        const deal = readText(cellsOf(raw, columns)('deal'));
        history.push({
          at: ctx.clock.now,
          dealId: id,
          deal,
          from: change.from,
          to: change.to,
          changedBy: ctx.changedBy,
          via: 'edit',
          note: change.note,
          field,
        });
        changes.push({ id, fingerprint: '', row, deal, field, ...change.queued, note: change.note });
        if (field === 'Expected Close') {
          const before = ctx.slipOf(id);
          const push = change.pushDays;
          slip = slipText(push > 0 ? { pushes: (before?.pushes ?? 0) + 1, days: (before?.days ?? 0) + push } : before);
        }
      }
    if (columns.health !== undefined) {
      cells.health = dup ?? healthOf(raw, columns, ctx.table, ctx.clock, x.tab, row, slip);
      healthRows++;
    }
    if (Object.keys(cells).length > 0) rows.push({ key, row, cells });
  });
  return {
    plan: {
      action: history.some((h) => h.field) ? 'Typed change' : 'Typed stage change',
      rows,
      history,
      needs: ['dealId'],
    },
    logged: history.length,
    healthRows,
    nextId,
    changes,
  };
}

/** The row's stage change, if its Stage differs from the one it had; names as the stage table spells them. */
function stageChange(
  raw: CellValue[],
  columns: ColumnMap,
  ctx: EditContext,
  id: string,
  index: number,
): { from: string; to: string; note: string } | undefined {
  const cells = cellsOf(raw, columns);
  const to = readText(cells('stage'));
  const from = ctx.previousStage(id, index);
  if (to === '' || foldStageName(to) === foldStageName(from)) return undefined;
  if (!ctx.table) return { from, to, note: 'Requirements not checked: the Pipeline Settings tab has problems' };
  const toStage = ctx.table.find(to);
  const fromStage = from === '' ? undefined : ctx.table.find(from);
  let note = toStage ? '' : `"${to}" is not a stage in Pipeline Settings`;
  if (toStage) {
    const check = checkMove(ctx.table, fromStage, toStage, cells);
    if (!check.allMet) note = `Skipped requirements: ${check.missing.join(', ')}`;
  }
  return { from: fromStage ? fromStage.name : from, to: toStage ? toStage.name : to, note };
}
