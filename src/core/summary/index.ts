/**
 * The Pipeline Summary tab, composed: a title, the last-run line, then each section in SECTIONS
 * order with a blank row between. A new section is a new file and one entry below. Identical data
 * gives an identical layout.
 */
import { bottlenecksSection } from './bottlenecks';
import { byStageSection } from './by-stage';
import { changesSection } from './changes';
import { slippedSection } from './slipped';
import { calibrationSection } from './calibration';
import { forecastSection } from './forecast';
import { forecastAccuracySection } from './forecast-accuracy';
import { headlineSection } from './headline';
import { Section, SummaryInput } from './input';
import { LayoutBuilder, SummaryLayout } from './layout';
import { ownersSection } from './owners';
import { problemsSection } from './problems';
import { RunStatus, runStatusCells } from './run-status';
import { staleSection } from './stale';
import { targetsSection } from './targets';
import { trendSection } from './trend';
import { workFirstSection } from './work-first';

export const SECTIONS: readonly Section[] = [
  headlineSection,
  byStageSection,
  forecastSection,
  ownersSection,
  targetsSection,
  trendSection,
  changesSection,
  slippedSection,
  workFirstSection,
  staleSection,
  bottlenecksSection,
  calibrationSection,
  forecastAccuracySection,
  problemsSection,
];

export function buildSummary(input: SummaryInput, sections: readonly Section[] = SECTIONS): SummaryLayout {
  const out = new LayoutBuilder();
  out.header('Pipeline Summary', `As of ${input.asOf}`);
  const statusRow = out.row(...runStatusCells(input.lastRun));
  for (const section of sections) {
    out.row();
    section(input, out);
  }
  return out.finish(statusRow);
}

/** The layout with its last-run line replaced (a job knows its final status only as it writes). */
export function withRunStatus(layout: SummaryLayout, status: RunStatus): SummaryLayout {
  const rows = layout.rows.slice();
  rows[layout.statusRow - 1] = runStatusCells(status);
  return { ...layout, rows };
}

export type { SummaryInput, Section } from './input';
export type { ChartSpec, SummaryCell, SummaryLayout } from './layout';
export { SUMMARY_WIDTH } from './layout';
export type { RunStatus } from './run-status';
export { runStatusCells } from './run-status';
