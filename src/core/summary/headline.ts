/** Headline figures: open deals, pipeline, weighted forecast, win rate, deal size, cycle, velocity. */
import { averageDealSize, counts, salesCycleDays, salesVelocity, weightedForecast, winRate } from '../metrics';
import { DAYS, DEFINITIONS, MONEY, PERCENT } from './definitions';
import { Section } from './input';
import { SummaryCell } from './layout';

export const headlineSection: Section = ({ set }, out) => {
  out.header('Headline figures', 'Value');
  const c = counts(set);
  const rate = winRate(set);
  const size = averageDealSize(set);
  const cycle = salesCycleDays(set);
  const velocity = salesVelocity(set);
  const figures: [string, SummaryCell, string, string][] = [
    ['Open deals', c.open, '0', DEFINITIONS.open],
    ['Pipeline value', c.openValue, MONEY, DEFINITIONS.pipeline],
    ['Weighted forecast', weightedForecast(set), MONEY, DEFINITIONS.weighted],
    ['Win rate', rate ?? '— (no closed deals)', PERCENT, DEFINITIONS.winRate],
    ['Average deal size', size ?? '— (no won deals)', MONEY, DEFINITIONS.dealSize],
    ['Average sales cycle (days)', cycle ?? '— (no won deals with dates)', DAYS, DEFINITIONS.cycle],
    ['Sales velocity (per day)', velocity.ok ? velocity.value : `— (${velocity.reason})`, MONEY, DEFINITIONS.velocity],
  ];
  for (const [label, value, format, note] of figures) {
    const r = out.row(label, value);
    out.note(r, 1, note);
    if (typeof value === 'number') out.format(r, 2, 1, 1, format);
  }
};
