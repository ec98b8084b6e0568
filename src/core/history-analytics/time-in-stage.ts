/**
 * Time in stage (issue 13.2): how long deals actually stayed in each open stage before they left it,
 * from Stage History. A stay is the whole calendar days between two consecutive moves of one deal,
 * by Timestamp: it entered the earlier move's To stage and left it at the later move. Moves without
 * a Timestamp, stages the table no longer knows, and stays in Won or Lost stages (a reopened deal)
 * are not stays of an open stage; a deal still in its stage has not left it and is not counted here.
 */
import { CalendarDay } from '../calendar';
import { HistoryEntry } from '../history';
import { OPEN, StageTable } from '../stages';
import { percentileOfSorted } from './percentile';

export interface StageStay {
  readonly stageIndex: number;
  /** Deals (stays) that left the stage. */
  readonly left: number;
  /** Median whole days in the stage, NaN when no deal left it. */
  readonly median: number;
  /** 75th percentile of the days, NaN when no deal left it. */
  readonly p75: number;
}

/**
 * Per stage index, the sorted whole days of every completed stay, counting only moves on or before
 * `untilDay` when given. `dayOf` turns a Timestamp (ms) into a calendar day in the spreadsheet's zone.
 */
export function stayDays(
  entries: readonly HistoryEntry[],
  table: StageTable,
  dayOf: (ms: number) => CalendarDay,
  untilDay?: CalendarDay,
): Float64Array[] {
  const nStages = table.stages.length;
  // Deals as small integers, then the moves grouped by deal (a counting sort): no string sort.
  const dealOf = new Map<string, number>();
  const n = entries.length;
  const deal = new Int32Array(n);
  const day = new Float64Array(n);
  const stage = new Int32Array(n);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i] as HistoryEntry;
    const at = e.at;
    if (at !== at) continue;
    const d = dayOf(at);
    if (untilDay !== undefined && d > untilDay) continue;
    let id = dealOf.get(e.dealId);
    if (id === undefined) {
      id = dealOf.size;
      dealOf.set(e.dealId, id);
    }
    const s = table.find(e.to);
    deal[used] = id;
    day[used] = d;
    stage[used] = s === undefined ? -1 : s.index;
    used++;
  }
  const deals = dealOf.size;
  const start = new Int32Array(deals + 1);
  for (let i = 0; i < used; i++) {
    const k = (deal[i] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let k = 0; k < deals; k++) start[k + 1] = (start[k + 1] as number) + (start[k] as number);
  const fill = start.slice(0, deals);
  const order = new Int32Array(used);
  for (let i = 0; i < used; i++) {
    const k = deal[i] as number;
    const at = fill[k] as number;
    order[at] = i;
    fill[k] = at + 1;
  }
  // Stays per stage, in growable typed arrays.
  const counts = new Int32Array(nStages);
  const stays: Float64Array[] = table.stages.map(() => new Float64Array(16));
  const { codes } = table;
  for (let k = 0; k < deals; k++) {
    const a = start[k] as number;
    const b = start[k + 1] as number;
    // A deal's moves by Timestamp day, stable (rows in sheet order on the same day); few per deal.
    for (let i = a + 1; i < b; i++) {
      const x = order[i] as number;
      let j = i - 1;
      while (j >= a && (day[order[j] as number] as number) > (day[x] as number)) {
        order[j + 1] = order[j] as number;
        j--;
      }
      order[j + 1] = x;
    }
    for (let i = a; i + 1 < b; i++) {
      const from = order[i] as number;
      const s = stage[from] as number;
      if (s < 0 || codes[s] !== OPEN) continue;
      const c = counts[s] as number;
      let arr = stays[s] as Float64Array;
      if (c === arr.length) {
        const grown = new Float64Array(c * 2);
        grown.set(arr);
        arr = grown;
        stays[s] = arr;
      }
      arr[c] = (day[order[i + 1] as number] as number) - (day[from] as number);
      counts[s] = c + 1;
    }
  }
  return stays.map((arr, s) => arr.slice(0, counts[s] as number).sort());
}

/** Per open stage, in pipeline order: deals that left it, median and 75th percentile of the days. */
export function timeInStage(stays: readonly Float64Array[], table: StageTable): StageStay[] {
  return table.stages
    .filter((s) => s.outcome === 'Open')
    .map((s) => {
      const days = stays[s.index] as Float64Array;
      return {
        stageIndex: s.index,
        left: days.length,
        median: percentileOfSorted(days, 0.5),
        p75: percentileOfSorted(days, 0.75),
      };
    });
}
