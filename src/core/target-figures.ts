/**
 * Figures against a target: won so far, attainment, gap, and coverage of the remaining target by the
 * open pipeline expected to close in the period, judged against 1 / the team's own win rate; and the
 * period's open pipeline by forecast category.
 */
import { closedDay, DealRecord } from './deals';
import { categoryOf } from './forecast-category';
import { ownerKey, Period, periodContains, Target } from './targets';

export interface CategoryTotals {
  commit: number;
  bestCase: number;
  pipeline: number;
  /** Open deals the rep marked Omitted: left out of the coverage. */
  omitted: number;
}

export interface TargetFigures {
  readonly target: Target;
  /** Value of won deals whose close day falls in the period. */
  readonly won: number;
  /** won / target. */
  readonly attainment: number;
  /** target - won (negative when the target is beaten). */
  readonly gap: number;
  /** Open deals, not Omitted, with Expected Close in the period: Commit + Best case + Pipeline. */
  readonly openInPeriod: number;
  readonly categories: CategoryTotals;
  /** openInPeriod / gap; null when the target is met (nothing remains to cover). */
  readonly coverage: number | null;
  /** 1 / the team's win rate; null when there is no win rate or it is 0. */
  readonly needed: number | null;
  /** Open pipeline still missing to reach the needed coverage (0 when covered); null when not judged. */
  readonly shortBy: number | null;
}

/** 1 / win rate: the pipeline each unit of remaining target needs at the team's own win rate. */
export function neededCoverage(winRate: number | null): number | null {
  return winRate === null || winRate <= 0 ? null : 1 / winRate;
}

/** The period's won value and open value by category, for the deals `belongs` selects. */
function periodTotals(
  deals: readonly DealRecord[],
  period: Period,
  belongs: (d: DealRecord) => boolean,
): { won: number; categories: CategoryTotals } {
  let won = 0;
  const categories: CategoryTotals = { commit: 0, bestCase: 0, pipeline: 0, omitted: 0 };
  for (const d of deals) {
    if (!belongs(d)) continue;
    const outcome = d.stage.outcome;
    if (outcome === 'Won') {
      if (periodContains(period, closedDay(d))) won += d.value;
    } else if (outcome === 'Open' && periodContains(period, d.expectedClose)) {
      const c = categoryOf(d);
      if (c === 'Commit') categories.commit += d.value;
      else if (c === 'Best case') categories.bestCase += d.value;
      else if (c === 'Omitted') categories.omitted += d.value;
      else categories.pipeline += d.value;
    }
  }
  return { won, categories };
}

export function targetFigures(deals: readonly DealRecord[], target: Target, winRate: number | null): TargetFigures {
  const key = ownerKey(target.owner);
  const belongs = target.owner === '' ? () => true : (d: DealRecord) => ownerKey(d.owner) === key;
  const { won, categories } = periodTotals(deals, target.period, belongs);
  const gap = target.amount - won;
  const openInPeriod = categories.commit + categories.bestCase + categories.pipeline;
  const coverage = gap > 0 ? openInPeriod / gap : null;
  const needed = neededCoverage(winRate);
  const shortBy = coverage === null || needed === null ? null : Math.max(0, gap * needed - openInPeriod);
  return {
    target,
    won,
    attainment: won / target.amount,
    gap,
    openInPeriod,
    categories,
    coverage,
    needed,
    shortBy,
  };
}

/** The team's open pipeline by category in a period with no target (the summary's fallback row). */
export function teamCategories(deals: readonly DealRecord[], period: Period): CategoryTotals {
  return periodTotals(deals, period, () => true).categories;
}
