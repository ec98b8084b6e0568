/**
 * Targets and forecast categories: per target whose period contains today (team first), won so far,
 * attainment, gap and coverage against 1 / the team's win rate; then the period's open pipeline by
 * forecast category. Problems of the targets table are listed here, by cell.
 */
import { winRate } from '../metrics';
import { neededCoverage, TargetFigures, targetFigures, teamCategories } from '../target-figures';
import { currentTargets, quarterOf, TEAM } from '../targets';
import { MONEY, PERCENT, TARGET_DEFINITIONS as D } from './definitions';
import { Section } from './input';
import { LayoutBuilder } from './layout';

export const RATIO = '0.00"x"';

/** "$12,345" for text cells (the coverage check mixes words and money). */
function money(n: number): string {
  return `$${String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

function check(f: TargetFigures): string {
  if (f.coverage === null) return 'target met';
  if (f.shortBy === null) return '— (no win rate)';
  return f.shortBy === 0 ? 'enough' : `short: ${money(f.shortBy)} more pipeline`;
}

function notes(out: LayoutBuilder, row: number, texts: readonly string[]): void {
  texts.forEach((t, c) => {
    if (t) out.note(row, c + 1, t);
  });
}

export const targetsSection: Section = ({ deals, set, today, targets }, out) => {
  const rate = winRate(set);
  const needed = neededCoverage(rate);
  const figures = currentTargets(targets?.targets ?? [], today).map((t) => targetFigures(deals, t, rate));
  const head = out.header('Targets this period', 'Period', 'Target', 'Won', 'Attainment', 'Gap', 'Coverage');
  notes(out, head, [D.targets, '', '', D.won, D.attainment, D.gap, D.coverage]);
  const start = out.nextRow;
  for (const f of figures)
    out.row(
      f.target.owner || TEAM,
      f.target.period.label,
      f.target.amount,
      f.won,
      f.attainment,
      f.gap,
      f.coverage ?? '— (target met)',
    );
  out.format(start, 3, figures.length, 2, MONEY);
  out.format(start, 5, figures.length, 1, PERCENT);
  out.format(start, 6, figures.length, 1, MONEY);
  out.format(start, 7, figures.length, 1, RATIO);
  if (figures.length === 0)
    out.row(
      (targets?.targets.length ?? 0) > 0
        ? 'No target covers today (targets for other periods are kept).'
        : 'No targets: add Owner | Period | Target rows at M:O of the settings tab (e.g. Team | 2026-Q4 | 250000).',
    );
  for (const p of targets?.problems ?? []) out.row(`Targets table: ${p.cell}: ${p.message}`);
  const neededRow = out.row(
    'Coverage needed',
    needed ?? '— (no closed deals, or none won)',
    rate === null ? '' : `1 / win rate ${(rate * 100).toFixed(1)}%`,
  );
  out.note(neededRow, 1, D.needed);
  if (needed !== null) out.format(neededRow, 2, 1, 1, RATIO);

  out.row();
  const cats = out.header(
    'Forecast categories',
    'Period',
    'Commit',
    'Best case',
    'Pipeline',
    'Omitted',
    'Coverage check',
  );
  notes(out, cats, [D.categories, '', '', '', '', D.omitted, D.check]);
  const first = out.nextRow;
  if (figures.length === 0) {
    const q = quarterOf(today);
    const c = teamCategories(deals, q);
    out.row(TEAM, q.label, c.commit, c.bestCase, c.pipeline, c.omitted, '— (no target)');
  }
  for (const f of figures) {
    const c = f.categories;
    out.row(f.target.owner || TEAM, f.target.period.label, c.commit, c.bestCase, c.pipeline, c.omitted, check(f));
  }
  out.format(first, 3, out.nextRow - first, 4, MONEY);
};
