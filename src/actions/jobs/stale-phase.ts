/**
 * Flag stale deals: the Health of every row, computed from the rows read once, written under the
 * lock to the row that holds each Deal ID then (see sheets/health-column.ts). Rows whose Deal ID is
 * on another row too are not acted on (they are listed under Data problems).
 */
import { duplicateRows } from '../../core/duplicate-ids';
import { healthText, problemText } from '../../core/health';
import { parseFieldChanges, slipsById, slipText } from '../../core/field-history';
import { DataProblem } from '../../core/deals';
import { CellValue } from '../../core/values';
import { requireColumn } from '../../sheets/deals-sheet';
import { HealthPlanRow } from '../../core/health-match';
import { writeHealthById } from '../../sheets/health-column';
import { ensureStaleHighlight } from '../../sheets/stale-highlight';
import { applyStageColors } from '../stage-colors';
import { Phase } from './phase';

const text = (v: CellValue): string => (v === null || v === undefined ? '' : String(v));
const count = (n: number): string => (n === 1 ? '1 row' : `${n} rows`);

export const stalePhase: Phase = ({ input }) => {
  const { deals, parsed, table, clock } = input.pipeline;
  requireColumn(deals, 'health');
  const idCol = requireColumn(deals, 'dealId');
  const shared = duplicateRows(input.duplicates);
  const dealByRow = new Map(parsed.deals.map((d) => [d.row, d]));
  const problemByRow = new Map<number, DataProblem>();
  for (const p of parsed.problems) if (!problemByRow.has(p.row)) problemByRow.set(p.row, p);
  const slips = slipsById(parseFieldChanges(input.historyRows(), clock.readZone));
  let stale = 0;
  const plan: HealthPlanRow[] = deals.rows.map((raw, k) => {
    const row = k + deals.firstRow;
    const id = text(raw[idCol]).trim();
    if (shared.has(row)) return { id, cells: raw, after: undefined };
    const d = dealByRow.get(row);
    if (!d) {
      const p = problemByRow.get(row);
      return { id, cells: raw, after: p ? problemText(p) : '' };
    }
    const h = healthText(d, table, clock.today, slipText(slips.get(d.id)));
    if (h.startsWith('Stale:')) stale++;
    return { id, cells: raw, after: h };
  });
  return () => {
    const w = writeHealthById(deals.sheet, { columns: deals.columns, rows: plan });
    ensureStaleHighlight(deals.sheet, w.healthColumn - 1);
    applyStageColors(input.registry, table, deals.sheet);
    return {
      parts: [
        `${stale} stale deals flagged`,
        shared.size > 0 ? `${count(shared.size)} share a Deal ID and were left alone (see Data problems)` : '',
        w.changedSince > 0
          ? `${count(w.changedSince)} changed during the run and kept the Health the edit gave them`
          : '',
        w.unmatched > 0 ? `${count(w.unmatched)} moved or deleted during the run and were not flagged (run again)` : '',
      ],
    };
  };
};
