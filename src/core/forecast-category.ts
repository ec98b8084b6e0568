/**
 * Forecast categories (the optional Forecast Category column): what a rep calls a deal for the
 * forecast. A typed category on an open deal is the rep's and the add-on never writes the cell;
 * a blank one takes the stage's default. Won deals are Closed and Lost deals Omitted whatever is typed.
 */
import { foldHeader } from './columns';
import { Stage } from './stages';
import { CellValue, isBlank, readText } from './values';

export const TYPED_CATEGORIES = ['Commit', 'Best case', 'Pipeline', 'Omitted'] as const;
export type TypedCategory = (typeof TYPED_CATEGORIES)[number];
export type ForecastCategory = TypedCategory | 'Closed';

/** Open stages with at least this win probability default to Commit (Negotiation, 75%). */
export const COMMIT_FROM = 0.75;
/** Open stages with at least this win probability (and below COMMIT_FROM) default to Best case (Proposal, 50%). */
export const BEST_CASE_FROM = 0.5;

const BY_FOLDED = new Map<string, TypedCategory>(TYPED_CATEGORIES.map((c) => [foldHeader(c), c]));

/** A category cell: the category (case, spaces and punctuation ignored), null when blank, undefined when unknown. */
export function readCategory(v: CellValue): TypedCategory | null | undefined {
  if (isBlank(v)) return null;
  return BY_FOLDED.get(foldHeader(readText(v)));
}

/** What follows "<value> is" for an unknown category. */
export const CATEGORY_PROBLEM = `not a forecast category (use ${TYPED_CATEGORIES.join(', ')}, or leave it blank for the stage's default)`;

/** The category a deal in `stage` has when its cell is blank. */
export function defaultCategory(stage: Stage): ForecastCategory {
  if (stage.outcome === 'Won') return 'Closed';
  if (stage.outcome === 'Lost') return 'Omitted';
  if (stage.probability >= COMMIT_FROM) return 'Commit';
  if (stage.probability >= BEST_CASE_FROM) return 'Best case';
  return 'Pipeline';
}

/** A deal's category: Closed/Omitted for closed deals; the typed one for open deals, else the stage's default. */
export function categoryOf(deal: { readonly stage: Stage; readonly forecastCategory: string }): ForecastCategory {
  if (deal.stage.outcome !== 'Open') return defaultCategory(deal.stage);
  return readCategory(deal.forecastCategory) ?? defaultCategory(deal.stage);
}
