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
  /** Last touch and Next Step Due dates (every third due date blank), and the as_of date, for DEAL_PRIORITY. */
  touch: unknown[][];
  due: unknown[][];
  asOf: Date;
  /** PIPELINE_CHANGES: Deal IDs, Stage History rows (A:I, 4 per deal) and the period's first and last day. */
  ids: unknown[][];
  history: unknown[][];
  from: unknown;
  to: unknown;
  /** TIME_IN_STAGE, HISTORICAL_WIN_RATE and the observed forecasts: stage moves (Timestamp, Deal ID, Deal, From, To), 4 per deal, in no deal order. */
  moves: unknown[][];
}

export const STAGE_TABLE = [
  ['Stage', 'Win probability', 'Outcome', 'Stale after'],
  ['Lead Generation', 0.1, 'Open', 14],
  ['Initial Contact', 0.2, 'Open', 7],
  ['Qualification', 0.3, 'Open', 14],
  ['Proposal', 0.5, 'Open', 10],
  ['Negotiation', 0.75, 'Open', 7],
  ['Closed Won', 1, 'Won', ''],
  ['Closed Lost', 0, 'Lost', ''],
];
export type Baselines = Record<string, (c: Columns) => unknown>;

/**
 * Self-contained (no outer references), so the benchmark can evaluate its source inside the
 * bundle's vm context: both sides then run in the same realm at the same price.
 */
export function makeBaselines(STAGE_TABLE: unknown[][]): Baselines {
  const rows = STAGE_TABLE.slice(1) as [string, number, string, number | ''][];
  /** The weight a deal counts with: won 100%, lost 0%, open its stage's probability. */
  const WEIGHT = new Map(rows.map(([s, p, o]) => [s, o === 'Won' ? 1 : o === 'Lost' ? 0 : p]));
  const OUTCOME = new Map(rows.map(([s, , o]) => [s, o]));
  /** Stage index for open and won stages; -1 for lost (a lost deal reached none). */
  const REACH = new Map(rows.map(([s, , o], i) => [s, o === 'Lost' ? -1 : i]));
  /** One shared result row per stage: Sheets only reads the result. */
  const PROBABILITY_ROW = new Map(rows.map(([s, p]) => [s, [p]]));
  const FUNNEL_STAGES = rows.filter(([, , o]) => o !== 'Lost').map(([s]) => s);
  const DAY = 86_400_000;
  const STAGE_INDEX = new Map(rows.map(([s], i) => [s, i]));
  const OPEN = rows.map(([, , o]) => o === 'Open');
  const STAGE_OUTCOMES = rows.map(([, , o]) => o);
  const round = Math.round;
  const min = Math.min;
  /** DEAL_PRIORITY: stale after, and position among the open stages / their number. */
  const STALE = new Map(rows.map(([s, , , d]) => [s, d === '' ? NaN : d]));
  const OPEN_STAGES = rows.filter(([, , o]) => o === 'Open').map(([s]) => s);
  const POSITION = new Map(OPEN_STAGES.map((s, i) => [s, (i + 1) / OPEN_STAGES.length]));
  /** Stage index of every stage name; open stages first. */
  const INDEX = new Map(rows.map(([s], i) => [s, i]));
  const OPEN_COUNT = rows.filter(([, , o]) => o === 'Open').length;
  const PROBABILITY = rows.map(([, p]) => p);
  /** Per stage index, the observed probability (won + 10 x set) / (closed + 10) over closed deals that reached it. */
  const observedWeights = (c: Columns): number[] => {
    const reach = new Map<unknown, number>();
    const h = c.moves;
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
    LEADS_NEEDED: (c) => {
      // The bench passes target 1,000,000 (bench/run.ts): ceil(target / (avg won value x won / closed)).
      const values = c.values,
        stages = c.stages;
      let sum = 0,
        won = 0,
        closed = 0;
      for (let i = 0; i < stages.length; i++) {
        const o = OUTCOME.get(stages[i]![0] as string);
        if (o === 'Won') {
          sum += values[i]![0] as number;
          won++;
          closed++;
        } else if (o === 'Lost') closed++;
      }
      return Math.ceil(1_000_000 / ((sum / won) * (won / closed)));
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
    DEAL_PRIORITY: (c) => {
      // Default weights 30/25/20/10/15 (sum 100), close horizon 30 days, full follow-up at 7 days overdue.
      const values = c.values,
        stages = c.stages,
        closed = c.closed,
        touch = c.touch,
        due = c.due,
        today = c.asOf.getTime();
      const n = stages.length;
      const weighted = new Float64Array(n);
      const partial = new Float64Array(n);
      let largest = 0;
      for (let i = 0; i < n; i++) {
        const s = stages[i]![0] as string;
        if (OUTCOME.get(s) !== 'Open') {
          partial[i] = NaN;
          continue;
        }
        const wv = (values[i]![0] as number) * WEIGHT.get(s)!;
        weighted[i] = wv;
        if (wv > largest) largest = wv;
        const toClose = round(((closed[i]![0] as Date).getTime() - today) / DAY);
        const closeF = toClose >= 30 ? 0 : toClose <= 0 ? 1 : 1 - toClose / 30;
        const since = round((today - (touch[i]![0] as Date).getTime()) / DAY);
        const limit = STALE.get(s)!;
        const staleF = since > limit ? min(1, (since - limit) / limit) : 0;
        const d = due[i]![0];
        const overdue = d === '' ? 0 : round((today - (d as Date).getTime()) / DAY);
        const followF = overdue > 0 ? min(1, overdue / 7) : 0;
        partial[i] = 25 * closeF + 20 * POSITION.get(s)! + 10 * staleF + 15 * followF;
      }
      const out: (number | string)[][] = new Array(n);
      for (let i = 0; i < n; i++) {
        const p = partial[i]!;
        out[i] = [p === p ? round((p + (largest > 0 ? (30 * weighted[i]!) / largest : 0)) * 10) / 10 : ''];
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
    PIPELINE_CHANGES: (c) => {
      // Days as UTC days: the bench's zone is behind UTC and its timestamps fall in the day's middle.
      const ids = c.ids,
        stages = c.stages,
        values = c.values,
        closed = c.closed,
        created = c.created,
        hist = c.history;
      const F = Math.floor((c.from as Date).getTime() / DAY),
        T = Math.floor((c.to as Date).getTime() / DAY);
      const n = stages.length;
      const at = new Float64Array(6 * n).fill(Infinity);
      const st = new Int32Array(2 * n),
        val = new Float64Array(2 * n),
        cl = new Float64Array(2 * n),
        closedIn = new Uint8Array(n);
      const index = new Map<unknown, number>();
      for (let i = 0; i < n; i++) {
        index.set(ids[i]![0], i);
        st[i] = st[n + i] = STAGE_INDEX.get(stages[i]![0] as string)!;
        val[i] = val[n + i] = values[i]![0] as number;
        cl[i] = cl[n + i] = Math.floor((closed[i]![0] as Date).getTime() / DAY);
      }
      for (let r = 0; r < hist.length; r++) {
        const h = hist[r]!;
        const i = index.get(h[1]);
        if (i === undefined) continue;
        const t = (h[0] as Date).getTime();
        const d = Math.floor(t / DAY);
        if (d < F) continue;
        const f = h[8];
        let k: number, from: number;
        if (f === '') {
          k = 0;
          const to = STAGE_INDEX.get(h[4] as string)!;
          from = h[3] === '' ? (h[6] === 'import' ? to : -2) : STAGE_INDEX.get(h[3] as string)!;
          if (d <= T && from >= 0 && OPEN[from] && !OPEN[to]) closedIn[i] = 1;
        } else if (f === 'Value') {
          k = 2;
          from = h[3] === '' ? 0 : (h[3] as number);
        } else {
          k = 4;
          from = h[3] === '' ? NaN : Math.floor((h[3] as Date).getTime() / DAY);
        }
        const arr = k === 0 ? st : k === 2 ? val : cl;
        if (t < at[k * n + i]!) {
          at[k * n + i] = t;
          arr[i] = from;
        }
        if (d > T && t < at[(k + 1) * n + i]!) {
          at[(k + 1) * n + i] = t;
          arr[n + i] = from;
        }
      }
      const sums = new Float64Array(22);
      const add = (k: number, cents: number): void => {
        sums[2 * k] = sums[2 * k]! + 1;
        sums[2 * k + 1] = sums[2 * k + 1]! + cents;
      };
      for (let i = 0; i < n; i++) {
        const made = Math.floor((created[i]![0] as Date).getTime() / DAY);
        const s0 = made > F - 1 ? -2 : st[i]!,
          s1 = made > T ? -2 : st[n + i]!;
        const o0 = s0 >= 0 && OPEN[s0]!,
          o1 = s1 >= 0 && OPEN[s1]!;
        const v0 = round(val[i]! * 100),
          v1 = round(val[n + i]! * 100);
        if (o0) add(0, v0);
        if (o1) add(6, v1);
        if (o0 || o1) {
          if (!o0) add(1, v1);
          else {
            if (!o1) add(s1 >= 0 && STAGE_OUTCOMES[s1] === 'Won' ? 4 : 5, v1);
            if (v1 > v0) add(2, v1 - v0);
            else if (v1 < v0) add(3, v0 - v1);
          }
        } else if (closedIn[i] && s1 >= 0) {
          add(1, v1);
          add(STAGE_OUTCOMES[s1] === 'Won' ? 4 : 5, v1);
        }
        if (o0 && o1) {
          if (s1 > s0) add(7, v1);
          else if (s1 < s0) add(8, v1);
          if (cl[n + i]! > cl[i]!) add(9, v1);
          else if (cl[n + i]! < cl[i]!) add(10, v1);
        }
      }
      const labels = [
        'Open pipeline at start',
        'New deals',
        'Value increased',
        'Value decreased',
        'Won',
        'Lost',
        'Open pipeline at end',
        'Moved forward',
        'Moved back',
        'Close date pushed out',
        'Close date pulled in',
      ];
      const out: (string | number)[][] = [['Change', 'Deals', 'Value']];
      for (let k = 0; k < 11; k++) {
        const sign = k >= 3 && k <= 5 ? -1 : 1;
        out.push([labels[k]!, sums[2 * k]!, (sign * sums[2 * k + 1]!) / 100 || 0]);
      }
      return out;
    },
    TIME_IN_STAGE: (c) => {
      const h = c.moves;
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
