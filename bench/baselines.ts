/**
 * The baselines: the plainest correct single pass a person would hand-write over the same arrays,
 * with no validation or error reporting. Our functions must stay within 2x of these at 100k rows.
 */
export interface Columns { values: unknown[][]; stages: unknown[][]; created: unknown[][]; closed: unknown[][] }

export const STAGE_TABLE = [['Stage', 'Win probability', 'Outcome'], ['Lead Generation', 0.1, 'Open'], ['Initial Contact', 0.2, 'Open'], ['Qualification', 0.3, 'Open'], ['Proposal', 0.5, 'Open'], ['Negotiation', 0.75, 'Open'], ['Closed Won', 1, 'Won'], ['Closed Lost', 0, 'Lost']];
export type Baselines = Record<string, { baseline: (c: Columns) => unknown }>;

/**
 * Self-contained (no outer references), so the benchmark can evaluate its source inside the
 * bundle's vm context: both sides then pay the same price for global lookups.
 */
export function makeBaselines(STAGE_TABLE: unknown[][]): Baselines {
  const P = new Map(STAGE_TABLE.slice(1).map((r) => [r[0] as string, r[1] as number]));
  const O = new Map(STAGE_TABLE.slice(1).map((r) => [r[0] as string, r[2] as string]));
  const IDX = new Map(STAGE_TABLE.slice(1).map((r, i) => [r[0] as string, i]));
  const DAY = 86_400_000;
  const day = (d: Date): number => Math.floor(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY);

  function loop(c: Columns, f: (v: number, s: string, i: number) => void): void {
    for (let i = 0; i < c.stages.length; i++) f((c.values[i] as number[])[0] as number, (c.stages[i] as string[])[0] as string, i);
  }

    return {
    WEIGHTED_FORECAST: { baseline: (c) => { let s = 0; loop(c, (v, st) => { s += v * (P.get(st) as number); }); return s; } },
    PIPELINE_VALUE: { baseline: (c) => { let s = 0; loop(c, (v, st) => { if (O.get(st) === 'Open') s += v; }); return s; } },
    STAGE_PROBABILITY: { baseline: (c) => c.stages.map((r) => [P.get(r[0] as string)]) },
    WIN_RATE: { baseline: (c) => { let w = 0, l = 0; for (let i = 0; i < c.stages.length; i++) { const o = O.get((c.stages[i] as string[])[0] as string); if (o === 'Won') w++; else if (o === 'Lost') l++; } return w / (w + l); } },
    AVERAGE_DEAL_SIZE: { baseline: (c) => { let s = 0, n = 0; loop(c, (v, st) => { if (O.get(st) === 'Won') { s += v; n++; } }); return s / n; } },
    SALES_CYCLE_DAYS: { baseline: (c) => { let s = 0, n = 0; loop(c, (_v, st, i) => { if (O.get(st) === 'Won') { s += day((c.closed[i] as Date[])[0] as Date) - day((c.created[i] as Date[])[0] as Date); n++; } }); return s / n; } },
    SALES_VELOCITY: {
      baseline: (c) => { let open = 0, w = 0, l = 0, wv = 0, cyc = 0; loop(c, (v, st, i) => { const o = O.get(st); if (o === 'Open') open++; else if (o === 'Lost') l++; else { w++; wv += v; cyc += day((c.closed[i] as Date[])[0] as Date) - day((c.created[i] as Date[])[0] as Date); } }); return (open * (w / (w + l)) * (wv / w)) / (cyc / w); },
    },
    CONVERSION_RATE: { baseline: (c) => { let a = 0, b = 0; for (let i = 0; i < c.stages.length; i++) { const st = (c.stages[i] as string[])[0] as string; if (O.get(st) === 'Lost') continue; const k = IDX.get(st) as number; if (k >= 2) a++; if (k >= 3) b++; } return b / a; } },
    FUNNEL: { baseline: (c) => { const n = new Float64Array(6), val = new Float64Array(6); loop(c, (v, st) => { if (O.get(st) === 'Lost') return; const k = IDX.get(st) as number; for (let j = 0; j <= k; j++) { n[j]!++; val[j]! += v; } }); return [n, val]; } },
    FORECAST_BY_MONTH: { baseline: (c) => { const m = new Map<number, number>(); loop(c, (v, st, i) => { if (O.get(st) === 'Lost') return; const d = (c.closed[i] as Date[])[0] as Date; const k = d.getFullYear() * 12 + d.getMonth(); m.set(k, (m.get(k) ?? 0) + v * (P.get(st) as number)); }); return m; } },
    };
  }
