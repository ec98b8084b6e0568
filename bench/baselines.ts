/**
 * The baselines: for each custom function, the plainest loop a careful engineer would write by hand
 * over the same 2-D arrays Sheets passes, with no validation and no error reporting. Each is one
 * inline loop (no per-row callback, no helper per cell); lookups a careful engineer would hoist
 * (per-stage weights, outcomes, result rows; Math.round) are hoisted. Our functions must stay
 * within 2x of these at 100k rows.
 */
export interface Columns {
  values: unknown[][];
  stages: unknown[][];
  created: unknown[][];
  closed: unknown[][];
  /** Deal IDs, one per deal. */
  ids: unknown[][];
  /** Stage History rows (Timestamp, Deal ID, Deal, From, To), 4 per deal, in no deal order. */
  history: unknown[][];
}

export const STAGE_TABLE = [
  ['Stage', 'Win probability', 'Outcome'],
  ['Lead Generation', 0.1, 'Open'],
  ['Initial Contact', 0.2, 'Open'],
  ['Qualification', 0.3, 'Open'],
  ['Proposal', 0.5, 'Open'],
  ['Negotiation', 0.75, 'Open'],
  ['Closed Won', 1, 'Won'],
  ['Closed Lost', 0, 'Lost'],
];
export type Baselines = Record<string, (c: Columns) => unknown>;

/**
 * Self-contained (no outer references), so the benchmark can evaluate its source inside the
 * bundle's vm context: both sides then run in the same realm at the same price.
 */
export function makeBaselines(STAGE_TABLE: unknown[][]): Baselines {
  const rows = STAGE_TABLE.slice(1) as [string, number, string][];
  /** The weight a deal counts with: won 100%, lost 0%, open its stage's probability. */
  const WEIGHT = new Map(rows.map(([s, p, o]) => [s, o === 'Won' ? 1 : o === 'Lost' ? 0 : p]));
  const OUTCOME = new Map(rows.map(([s, , o]) => [s, o]));
  /** Stage index for open and won stages; -1 for lost (a lost deal reached none). */
  const REACH = new Map(rows.map(([s, , o], i) => [s, o === 'Lost' ? -1 : i]));
  /** One shared result row per stage: Sheets only reads the result. */
  const PROBABILITY_ROW = new Map(rows.map(([s, p]) => [s, [p]]));
  const FUNNEL_STAGES = rows.filter(([, , o]) => o !== 'Lost').map(([s]) => s);
  const DAY = 86_400_000;
  const round = Math.round;
  /** Stage index of every stage name; open stages first. */
  const INDEX = new Map(rows.map(([s], i) => [s, i]));
  const OPEN_COUNT = rows.filter(([, , o]) => o === 'Open').length;
  const PROBABILITY = rows.map(([, p]) => p);
  /** Per stage index, the observed probability (won + 10 x set) / (closed + 10) over closed deals that reached it. */
  const observedWeights = (c: Columns): number[] => {
    const reach = new Map<unknown, number>();
    const h = c.history;
    for (let i = 0; i < h.length; i++) {
      const r = h[i]!;
      let top = reach.get(r[1]) ?? -1;
      const a = REACH.get(r[3] as string) ?? -1;
      const b = REACH.get(r[4] as string) ?? -1;
      if (a > top) top = a;
      if (b > top) top = b;
      reach.set(r[1], top);
    }
    const won = new Float64Array(rows.length),
      closed = new Float64Array(rows.length);
    const stages = c.stages,
      ids = c.ids;
    for (let i = 0; i < stages.length; i++) {
      const s = stages[i]![0] as string;
      const o = OUTCOME.get(s);
      if (o === 'Open') continue;
      const top = Math.max(REACH.get(s)!, reach.get(ids[i]![0]) ?? -1);
      if (top < 0) continue;
      closed[top]! += 1;
      if (o === 'Won') won[top]! += 1;
    }
    const weights: number[] = rows.map(([, , o]) => (o === 'Won' ? 1 : 0));
    let w = 0,
      n = 0;
    for (let k = rows.length - 1; k >= 0; k--) {
      w += won[k]!;
      n += closed[k]!;
      if (k < OPEN_COUNT) weights[k] = (w + 10 * PROBABILITY[k]!) / (n + 10);
    }
    return weights;
  };
  const percentile = (d: Float64Array, p: number): number => {
    const r = p * (d.length - 1);
    const lo = Math.floor(r);
    return lo + 1 < d.length ? d[lo]! + (r - lo) * (d[lo + 1]! - d[lo]!) : d[lo]!;
  };

  return {
    WEIGHTED_FORECAST: (c) => {
      const values = c.values,
        stages = c.stages;
      let sum = 0;
      for (let i = 0; i < stages.length; i++) sum += (values[i]![0] as number) * WEIGHT.get(stages[i]![0] as string)!;
      return sum;
    },
    PIPELINE_VALUE: (c) => {
      const values = c.values,
        stages = c.stages;
      let sum = 0;
      for (let i = 0; i < stages.length; i++)
        if (OUTCOME.get(stages[i]![0] as string) === 'Open') sum += values[i]![0] as number;
      return sum;
    },
    STAGE_PROBABILITY: (c) => {
      const stages = c.stages;
      const out = new Array(stages.length);
      for (let i = 0; i < stages.length; i++) out[i] = PROBABILITY_ROW.get(stages[i]![0] as string);
      return out;
    },
    WIN_RATE: (c) => {
      const stages = c.stages;
      let won = 0,
        lost = 0;
      for (let i = 0; i < stages.length; i++) {
        const o = OUTCOME.get(stages[i]![0] as string);
        if (o === 'Won') won++;
        else if (o === 'Lost') lost++;
      }
      return won / (won + lost);
    },
    AVERAGE_DEAL_SIZE: (c) => {
      const values = c.values,
        stages = c.stages;
      let sum = 0,
        n = 0;
      for (let i = 0; i < stages.length; i++)
        if (OUTCOME.get(stages[i]![0] as string) === 'Won') {
          sum += values[i]![0] as number;
          n++;
        }
      return sum / n;
    },
    SALES_CYCLE_DAYS: (c) => {
      const stages = c.stages,
        created = c.created,
        closed = c.closed;
      let days = 0,
        n = 0;
      for (let i = 0; i < stages.length; i++) {
        if (OUTCOME.get(stages[i]![0] as string) !== 'Won') continue;
        days += round(((closed[i]![0] as Date).getTime() - (created[i]![0] as Date).getTime()) / DAY);
        n++;
      }
      return days / n;
    },
    SALES_VELOCITY: (c) => {
      const values = c.values,
        stages = c.stages,
        created = c.created,
        closed = c.closed;
      let open = 0,
        won = 0,
        lost = 0,
        wonValue = 0,
        days = 0;
      for (let i = 0; i < stages.length; i++) {
        const o = OUTCOME.get(stages[i]![0] as string);
        if (o === 'Open') open++;
        else if (o === 'Lost') lost++;
        else {
          won++;
          wonValue += values[i]![0] as number;
          days += round(((closed[i]![0] as Date).getTime() - (created[i]![0] as Date).getTime()) / DAY);
        }
      }
      return (open * (won / (won + lost)) * (wonValue / won)) / (days / won);
    },
    CONVERSION_RATE: (c) => {
      const stages = c.stages;
      const from = REACH.get('Qualification')!,
        to = REACH.get('Proposal')!;
      let reachedFrom = 0,
        reachedTo = 0;
      for (let i = 0; i < stages.length; i++) {
        const k = REACH.get(stages[i]![0] as string)!;
        if (k >= from) reachedFrom++;
        if (k >= to) reachedTo++;
      }
      return reachedTo / reachedFrom;
    },
    FUNNEL: (c) => {
      const values = c.values,
        stages = c.stages;
      const n = FUNNEL_STAGES.length;
      const deals = new Float64Array(n),
        value = new Float64Array(n),
        weighted = new Float64Array(n);
      for (let i = 0; i < stages.length; i++) {
        const s = stages[i]![0] as string;
        const k = REACH.get(s)!;
        if (k < 0) continue;
        const v = values[i]![0] as number;
        deals[k]! += 1;
        value[k]! += v;
        weighted[k]! += v * WEIGHT.get(s)!;
      }
      const out: (string | number)[][] = [['Stage', 'Deals reached', 'Value', 'Weighted value', 'Conversion to next']];
      let d = 0,
        v = 0,
        w = 0;
      const reached: number[][] = [];
      for (let k = n - 1; k >= 0; k--) {
        d += deals[k]!;
        v += value[k]!;
        w += weighted[k]!;
        reached[k] = [d, v, w];
      }
      for (let k = 0; k < n; k++) {
        const next = k + 1 < n ? reached[k + 1]![0]! / reached[k]![0]! : '';
        out.push([FUNNEL_STAGES[k]!, reached[k]![0]!, reached[k]![1]!, reached[k]![2]!, next]);
      }
      return out;
    },
    FORECAST_BY_MONTH: (c) => {
      const values = c.values,
        stages = c.stages,
        closed = c.closed;
      const months = new Map<number, number[]>();
      for (let i = 0; i < stages.length; i++) {
        const s = stages[i]![0] as string;
        const o = OUTCOME.get(s);
        if (o === 'Lost') continue;
        const d = closed[i]![0] as Date;
        const key = d.getFullYear() * 12 + d.getMonth();
        let m = months.get(key);
        if (m === undefined) {
          m = [0, 0, 0, 0];
          months.set(key, m);
        }
        const v = values[i]![0] as number;
        m[0]!++;
        if (o === 'Won') m[3]! += v;
        else m[1]! += v;
        m[2]! += v * WEIGHT.get(s)!;
      }
      const keys = [...months.keys()].sort((a, b) => a - b);
      const out: (string | number)[][] = [['Month', 'Deals', 'Pipeline', 'Weighted', 'Won']];
      for (let k = keys[0]!; k <= keys[keys.length - 1]!; k++) {
        const m = months.get(k) ?? [0, 0, 0, 0];
        out.push([`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, m[0]!, m[1]!, m[2]!, m[3]!]);
      }
      return out;
    },
    TIME_IN_STAGE: (c) => {
      const h = c.history;
      const byDeal = new Map<unknown, unknown[][]>();
      for (let i = 0; i < h.length; i++) {
        const r = h[i]!;
        let list = byDeal.get(r[1]);
        if (list === undefined) {
          list = [];
          byDeal.set(r[1], list);
        }
        list.push(r);
      }
      const stays: number[][] = rows.map(() => []);
      for (const list of byDeal.values()) {
        list.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
        for (let k = 0; k + 1 < list.length; k++) {
          const s = INDEX.get(list[k]![4] as string)!;
          if (s >= OPEN_COUNT) continue;
          stays[s]!.push(round(((list[k + 1]![0] as Date).getTime() - (list[k]![0] as Date).getTime()) / DAY));
        }
      }
      const out: (string | number)[][] = [['Stage', 'Deals left', 'Median days', '75th percentile days']];
      for (let s = 0; s < OPEN_COUNT; s++) {
        const d = Float64Array.from(stays[s]!).sort();
        out.push([rows[s]![0], d.length, d.length ? percentile(d, 0.5) : '', d.length ? percentile(d, 0.75) : '']);
      }
      return out;
    },
    HISTORICAL_WIN_RATE: (c) => observedWeights(c)[INDEX.get('Proposal')!],
    'WEIGHTED_FORECAST (observed)': (c) => {
      const weights = observedWeights(c);
      const values = c.values,
        stages = c.stages;
      let sum = 0;
      for (let i = 0; i < stages.length; i++)
        sum += (values[i]![0] as number) * weights[INDEX.get(stages[i]![0] as string)!]!;
      return sum;
    },
    'FORECAST_BY_MONTH (observed)': (c) => {
      const weights = observedWeights(c);
      const values = c.values,
        stages = c.stages,
        closed = c.closed;
      const months = new Map<number, number[]>();
      for (let i = 0; i < stages.length; i++) {
        const s = stages[i]![0] as string;
        const o = OUTCOME.get(s);
        if (o === 'Lost') continue;
        const d = closed[i]![0] as Date;
        const key = d.getFullYear() * 12 + d.getMonth();
        let m = months.get(key);
        if (m === undefined) {
          m = [0, 0, 0, 0];
          months.set(key, m);
        }
        const v = values[i]![0] as number;
        m[0]!++;
        if (o === 'Won') m[3]! += v;
        else m[1]! += v;
        m[2]! += v * weights[INDEX.get(s)!]!;
      }
      const keys = [...months.keys()].sort((a, b) => a - b);
      const out: (string | number)[][] = [['Month', 'Deals', 'Pipeline', 'Weighted', 'Won']];
      for (let k = keys[0]!; k <= keys[keys.length - 1]!; k++) {
        const m = months.get(k) ?? [0, 0, 0, 0];
        out.push([`${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`, m[0]!, m[1]!, m[2]!, m[3]!]);
      }
      return out;
    },
  };
}
