/**
 * Rebuild the summary: the layout is built in full without the lock (history read once here), then
 * written under it to the add-on's own summary tab, carrying the run's final status on its last-run line.
 */
import { ZoneDays } from '../../core/calendar';
import { reachedById } from '../../core/history';
import { buildSummary, withRunStatus } from '../../core/summary';
import { ensureGeneratedTab } from '../../sheets/generated-tab';
import { writeSummary } from '../../sheets/summary-sheet';
import { instantText } from '../../sheets/zone-format';
import { Phase } from './phase';

export const summaryPhase: Phase = ({ input, finalStatus }) => {
  const { clock, table, deals } = input.pipeline;
  const moves = input.history();
  const zone = new ZoneDays(clock.timeZone);
  const layout = buildSummary({
    asOf: instantText(clock.now, clock.timeZone),
    today: clock.today,
    table,
    dealsTab: deals.sheet.getName(),
    deals: input.countedDeals,
    set: input.set,
    stageTotals: input.stageTotals,
    problems: input.problems,
    reach: reachedById(moves, table),
    snapshots: input.snapshots(),
    history: input.historyRows(),
    readZone: clock.readZone,
    lastRun: undefined,
    namedSettings: input.pipeline.named,
    targets: input.pipeline.targets,
    moves,
    dayOfInstant: (ms) => zone.day(ms),
    forecastSnapshots: input.forecastSnapshots(),
  });
  return () => {
    const tab = ensureGeneratedTab(input.book, input.registry, 'summary');
    const parts = ['summary rebuilt', tab.notice ?? ''];
    writeSummary(tab.sheet, withRunStatus(layout, finalStatus(parts)));
    return { parts, wroteStatus: true };
  };
};
