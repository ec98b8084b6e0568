/** The Stage History tab: an append-only log, one row per stage change. */
import { NO_HISTORY } from './funnel';
import { StageTable } from './stages';
import { CellGrid, CellValue, isBlank, readText } from './values';

export const HISTORY_HEADERS = ['Timestamp', 'Deal ID', 'Deal', 'From', 'To', 'Changed by', 'Via', 'Note'] as const;
export type Via = 'sidebar' | 'edit' | 'import' | 'override';

export interface HistoryEntry {
  readonly dealId: string;
  readonly from: string;
  readonly to: string;
}

/** Rows below the header; blank rows and rows without a Deal ID are ignored. */
export function parseHistory(rows: CellGrid): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const r of rows) {
    const id = readText(r[1] as CellValue);
    if (id === '' || isBlank(r[4] as CellValue)) continue;
    out.push({ dealId: id, from: readText(r[3] as CellValue), to: readText(r[4] as CellValue) });
  }
  return out;
}

/** The stage each deal was last moved to, by Deal ID (to know the old stage of a pasted edit). */
export function lastStageById(entries: readonly HistoryEntry[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const e of entries) m.set(e.dealId, e.to);
  return m;
}

/** Per deal ID, the highest open/won stage index the history shows it entered (From or To). */
export function reachedById(entries: readonly HistoryEntry[], table: StageTable): Map<string, number> {
  const m = new Map<string, number>();
  for (const e of entries) {
    let top = m.get(e.dealId) ?? -1;
    for (const name of [e.from, e.to]) {
      const s = name === '' ? undefined : table.find(name);
      if (s && s.outcome !== 'Lost' && s.index > top) top = s.index;
    }
    m.set(e.dealId, top);
  }
  return m;
}

/** History reach aligned with a list of deal IDs, NO_HISTORY where a deal has none. */
export function historyReach(ids: readonly string[], reach: Map<string, number>): Int32Array {
  const out = new Int32Array(ids.length);
  ids.forEach((id, i) => { out[i] = id !== '' && reach.has(id) ? (reach.get(id) as number) : NO_HISTORY; });
  return out;
}
