/**
 * Archive closed deals: Won and Lost deals closed at least "Archive closed deals after (days)" ago
 * move to the add-on's Archive tab. Planned without the lock; under it:
 * 1. the Deals table is read again and each planned deal found by its Deal ID (alone on the tab,
 *    its cells unchanged since the plan, else it stays for the next run);
 * 2. the rows are appended to Archive in one write and their Deal IDs read back (a failure writes
 *    nothing to Deals);
 * 3. the Deal ID column is read once more and only rows still holding an archived Deal ID are
 *    deleted, bottom-up, one call per run of adjacent rows.
 * A failure at any point leaves every deal on at least one tab (on both: it counts once, from Deals).
 */
import { duplicateRows } from '../../core/duplicate-ids';
import { ARCHIVE_AFTER, archiveCandidates, deletionRuns } from '../../core/hygiene/archive';
import { rowsById } from '../../core/rows-by-id';
import { mapHeaders } from '../../core/columns';
import { CellValue, readText } from '../../core/values';
import { rowFingerprint } from '../../core/write-plan';
import { appendToArchive, deleteRowRuns, readArchive } from '../../sheets/archive-sheet';
import { readColumnText, readDealsTable, requireColumn } from '../../sheets/deals-sheet';
import { Phase } from './phase';

const deals = (n: number): string => (n === 1 ? '1 deal' : `${n} deals`);

export const archivePhase: Phase = ({ input }) => {
  const { deals: table, parsed, clock } = input.pipeline;
  const idCol = requireColumn(table, 'dealId');
  const after = input.pipeline.named.value(ARCHIVE_AFTER);
  const due = archiveCandidates(parsed.deals, clock.today, after, duplicateRows(input.duplicates));
  if (due.length === 0) return () => ({ parts: [`no closed deals older than ${after} days to archive`] });
  const planned = new Map(
    due.map((d) => [d.id, rowFingerprint(table.rows[d.row - table.firstRow] as CellValue[], table.columns.health)]),
  );
  return () => {
    const fresh = readDealsTable(table.sheet);
    const freshId = fresh.columns.dealId ?? idCol;
    const rowsOf = rowsById(
      fresh.rows.map((r) => String((r as CellValue[])[freshId] ?? '').trim()),
      fresh.firstRow,
    );
    const ids: string[] = [];
    const rows: CellValue[][] = [];
    let changed = 0;
    for (const [id, print] of planned) {
      const at = rowsOf.get(id) ?? [];
      const raw = at.length === 1 ? (fresh.rows[(at[0] as number) - fresh.firstRow] as CellValue[]) : undefined;
      if (!raw || rowFingerprint(raw, fresh.columns.health) !== print) {
        changed++;
        continue;
      }
      ids.push(id);
      rows.push(raw);
    }
    const left = changed > 0 ? `${deals(changed)} changed during the run and stay on Deals (run again)` : '';
    if (ids.length === 0) return { parts: [left] };
    // A deal already on the Archive tab (a run stopped after writing it) is not written twice.
    const before = readArchive(input.registry);
    const archivedCol = before ? mapHeaders(before.headers).dealId : undefined;
    const already = new Set(
      before && archivedCol !== undefined ? before.rows.map((r) => readText((r as CellValue[])[archivedCol])) : [],
    );
    const unwritten = ids.map((id, i) => ({ id, raw: rows[i] as CellValue[] })).filter((x) => !already.has(x.id));
    const written =
      unwritten.length === 0 && before
        ? { ok: true as const, sheet: before.sheet, notice: undefined }
        : appendToArchive(
            input.book,
            input.registry,
            fresh.headers,
            unwritten.map((x) => x.raw),
            unwritten.map((x) => x.id),
          );
    if (!written.ok) throw new Error(`Archive closed deals: ${written.message}.`);
    const now = rowsById(readColumnText(fresh.sheet, freshId), fresh.firstRow);
    const toDelete: number[] = [];
    for (const id of ids) {
      const at = now.get(id) ?? [];
      if (at.length === 1) toDelete.push(at[0] as number);
    }
    const gone = deleteRowRuns(fresh.sheet, deletionRuns(toDelete));
    const kept = ids.length - gone.deleted;
    if (gone.error)
      throw new Error(
        `Archive closed deals: ${deals(ids.length)} written to ${written.sheet.getName()}, but removing them from Deals stopped after ${gone.deleted} (${gone.error}); the other ${kept} are on both tabs and count once. Run it again to finish.`,
      );
    return {
      parts: [
        `${deals(gone.deleted)} closed over ${after} days ago moved to ${written.sheet.getName()}`,
        kept > 0 ? `${deals(kept)} moved on Deals during the run and are on both tabs (run again)` : '',
        left,
        written.notice ?? '',
      ],
    };
  };
};
