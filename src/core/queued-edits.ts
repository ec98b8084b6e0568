/**
 * Typed stage changes that arrived while another run held the document lock. onEdit does not wait
 * long (a simple trigger has 30 s, a job may hold the lock for minutes): it stores the changes
 * (src/sheets/queued-edits-store.ts) and the next run that holds the lock logs them first, with
 * their own timestamps, before doing its own work; so no typed move is lost and the order holds.
 */
import { Clock } from './clock';
import { ColumnMap } from './columns';
import { cellsOf } from './deals';
import { newDealIds } from './deal-ids';
import { healthOf, QueuedStageChange } from './edit-plan';
import { fromQueueText } from './field-edits';
import { UNKNOWN_BEFORE } from './field-history';
import { HistoryRecord } from './history';
import { StageTable, foldStageName } from './stages';
import { onlyRowOf, rowsById } from './rows-by-id';
import { CellGrid, CellValue, readText } from './values';
import { CellWrites, rowFingerprint, RowWrite, WritePlan } from './write-plan';

export interface QueuedEdit {
  /** When the edit was made (ms). */
  readonly at: number;
  readonly by: string;
  readonly changes: readonly QueuedStageChange[];
}

export const LATE_NOTE = 'logged late: another run held the sheet';

export interface DealsNow {
  readonly tab: string;
  readonly columns: ColumnMap;
  /** Every data row of the tab, as read under the lock. */
  readonly rows: CellGrid;
  readonly firstRow: number;
}

export interface QueueContext {
  readonly table: StageTable | undefined;
  readonly clock: Clock;
  readonly counter: number;
  /** Midnight starting the day of an instant, in the spreadsheet's zone (Stage Entered). */
  readonly dayOf: (ms: number) => Date;
}

/**
 * One plan for every queued change, oldest first: each history row with its edit's time and user;
 * Stage Entered (the edit's day) and Health where the deal still sits in the stage it was moved to;
 * a Deal ID for a row that had none. A deal that cannot be found any more is still logged (by ID).
 */
export function planQueuedEdits(
  edits: readonly QueuedEdit[],
  deals: DealsNow,
  ctx: QueueContext,
): { plan: WritePlan; nextId: number | undefined } {
  const { columns } = deals;
  const idCol = columns.dealId;
  const ids = deals.rows.map((r) => (idCol === undefined ? '' : readText(r[idCol])));
  const indexesOfId = rowsById(ids, 0);
  let prints: string[] | undefined;
  const locate = (c: QueuedStageChange): number => {
    if (c.id !== '') return onlyRowOf(indexesOfId, c.id) ?? -1;
    prints ??= deals.rows.map((r) => rowFingerprint(r, columns.health));
    const hits = prints.flatMap((p, i) => (p === c.fingerprint ? [i] : []));
    return hits.length === 1 ? (hits[0] as number) : -1;
  };
  const ordered = [...edits].sort((a, b) => a.at - b.at);
  const needIds = new Set<number>();
  for (const e of ordered)
    for (const c of e.changes) {
      const i = locate(c);
      if (c.id === '' && i >= 0 && ids[i] === '') needIds.add(i);
    }
  const fresh =
    needIds.size > 0
      ? newDealIds(
          [...needIds].sort((a, b) => a - b),
          ctx.counter,
          ids,
        )
      : undefined;
  const cellsAt = new Map<number, { cells: CellWrites; raw: CellValue[]; fingerprint: string }>();
  const history: HistoryRecord[] = [];
  for (const e of ordered) {
    for (const c of e.changes) {
      const i = locate(c);
      const newId = i >= 0 ? fresh?.ids.get(i) : undefined;
      const id = c.id || newId || '';
      const field = c.field;
      history.push({
        at: new Date(e.at),
        dealId: id,
        deal: c.deal,
        from: field ? fromQueueText(field, c.from, ctx.clock.timeZone) : c.from,
        to: field ? fromQueueText(field, c.to, ctx.clock.timeZone) : c.to,
        changedBy: e.by,
        via: 'edit',
        // A field change whose old value was unknown keeps that note alone (readers look for it).
        note:
          c.note === UNKNOWN_BEFORE
            ? c.note
            : [c.note, id === '' ? `row ${c.row}, deal not found again` : '', LATE_NOTE]
                .filter((t) => t !== '')
                .join('; '),
        ...(field ? { field } : {}),
      });
      if (i < 0) continue;
      const source = deals.rows[i] as CellValue[];
      const slot = cellsAt.get(i) ?? {
        cells: {},
        raw: source.slice(),
        fingerprint: rowFingerprint(source, columns.health),
      };
      cellsAt.set(i, slot);
      if (newId !== undefined && idCol !== undefined) {
        slot.cells.dealId = newId;
        slot.raw[idCol] = newId;
      }
      if (!field && foldStageName(readText(cellsOf(slot.raw, columns)('stage'))) === foldStageName(c.to)) {
        slot.cells.stageEntered = ctx.dayOf(e.at);
        if (columns.stageEntered !== undefined) slot.raw[columns.stageEntered] = slot.cells.stageEntered;
      }
    }
  }
  const rows: RowWrite[] = [];
  for (const [i, slot] of cellsAt) {
    if (columns.health !== undefined)
      slot.cells.health = healthOf(slot.raw, columns, ctx.table, ctx.clock, deals.tab, deals.firstRow + i);
    const id = ids[i] as string;
    rows.push({
      key: id !== '' ? { by: 'id', id } : { by: 'content', fingerprint: slot.fingerprint },
      row: deals.firstRow + i,
      cells: slot.cells,
    });
  }
  return { plan: { action: 'Logging waiting stage changes', rows, history, needs: ['dealId'] }, nextId: fresh?.next };
}
