/**
 * Calibrated probabilities (issue 13.4): per open stage, the share of the team's closed deals that
 * reached the stage and were won, blended toward the settings' probability while few deals stand
 * behind it:
 *
 *   observed = (won + BLEND_DEALS x set) / (closed + BLEND_DEALS)
 *
 * where closed counts the deals now Won or Lost that reached the stage, and won those of them now
 * Won. With no closed deal the observed probability is the set one; with 10 it is halfway; with 100
 * it is 91% the team's own record. A deal reached a stage by the funnel's rule (funnel.ts): its
 * Stage History shows it entered that stage or a later open or won one, or its current stage is that
 * stage or later (a Won deal reached every open stage; a Lost deal only what its history shows).
 * Open deals have no outcome yet and do not count.
 */
import { LOST, OPEN, Stage, StageTable, WON, makeStageTable } from '../stages';

/** Deals worth of weight the settings' probability carries in the blend. */
export const BLEND_DEALS = 10;

export interface StageWinRate {
  readonly stage: Stage;
  /** Closed deals (won or lost) that reached the stage. */
  readonly closed: number;
  /** Of those, the won ones. */
  readonly won: number;
  /** won / closed, NaN when none closed. */
  readonly raw: number;
  /** The settings' probability. */
  readonly set: number;
  /** The blend of the two (see above). */
  readonly observed: number;
}

/**
 * From each deal's current stage index and its highest reached open/won stage index (-1 for none;
 * funnel.ts reachedIndex), per open stage in pipeline order.
 */
export function stageWinRates(table: StageTable, stage: ArrayLike<number>, reached: ArrayLike<number>): StageWinRate[] {
  const n = table.stages.length;
  const wonAt = new Float64Array(n);
  const lostAt = new Float64Array(n);
  const { codes } = table;
  for (let i = 0; i < stage.length; i++) {
    const code = codes[stage[i] as number];
    if (code === OPEN) continue;
    const top = reached[i] as number;
    if (top < 0) continue;
    if (code === WON) wonAt[top] = (wonAt[top] as number) + 1;
    else if (code === LOST) lostAt[top] = (lostAt[top] as number) + 1;
  }
  const out: StageWinRate[] = [];
  let won = 0;
  let lost = 0;
  // Reached s = highest reach at s or later: running sums from the last stage down.
  for (let s = n - 1; s >= 0; s--) {
    won += wonAt[s] as number;
    lost += lostAt[s] as number;
    const st = table.stages[s] as Stage;
    if (st.outcome !== 'Open') continue;
    const closed = won + lost;
    out.push({
      stage: st,
      closed,
      won,
      raw: closed === 0 ? Number.NaN : won / closed,
      set: st.probability,
      observed: (won + BLEND_DEALS * st.probability) / (closed + BLEND_DEALS),
    });
  }
  return out.reverse();
}

/** The stage table with each open stage's probability replaced by its observed one. */
export function withObservedProbabilities(table: StageTable, rates: readonly StageWinRate[]): StageTable {
  const observed = new Map(rates.map((r) => [r.stage.index, r.observed]));
  return makeStageTable(table.stages.map((s) => ({ ...s, probability: observed.get(s.index) ?? s.probability })));
}
