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
  const { clock, table, deals, parsed } = input.pipeline;
  const history = input.history();
  const zone = new ZoneDays(clock.timeZone);
  const layout = buildSummary({
    asOf: instantText(clock.now, clock.timeZone),
    today: clock.today,
    table,
    dealsTab: deals.sheet.getName(),
    deals: parsed.deals,
    set: input.set,
    stageTotals: input.stageTotals,
    problems: input.problems,
    reach: reachedById(history, table),
    snapshots: input.snapshots(),
    lastRun: undefined,
    history,
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
