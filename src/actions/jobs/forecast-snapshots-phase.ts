/**
 * Today's forecast snapshot: the weighted forecast per close month by the set and by the observed
 * probabilities, appended to the add-on's own Forecast Snapshots tab once a day (one write,
 * whatever the number of deals), for the summary's forecast accuracy.
 */
import { reachedById } from '../../core/history';
import { FORECAST_SNAPSHOT_HEADERS, forecastSnapshotRows } from '../../core/history-analytics/forecast-snapshots';
import { funnelReach } from '../../core/history-analytics/reach';
import { stageWinRates, withObservedProbabilities } from '../../core/history-analytics/win-rates';
import { appendForecastSnapshot } from '../../sheets/forecast-snapshots-sheet';
import { ensureGeneratedTab } from '../../sheets/generated-tab';
import { Phase } from './phase';

export const forecastSnapshotsPhase: Phase = ({ input }) => {
  const { clock, table, parsed } = input.pipeline;
  const saved = input.forecastSnapshots();
  if (saved.some((r) => r.day === clock.today)) return undefined;
  const reach = funnelReach(input.set, parsed.deals, reachedById(input.history(), table));
  const observed = withObservedProbabilities(table, stageWinRates(table, input.set.stage, reach));
  const rows = forecastSnapshotRows(input.set, observed, clock.today);
  return () => {
    const tab = ensureGeneratedTab(input.book, input.registry, 'forecasts', FORECAST_SNAPSHOT_HEADERS);
    const appended = appendForecastSnapshot(tab.sheet, rows, clock.today, clock.timeZone, clock.readZone);
    if (appended) saved.push(...rows);
    return { parts: [appended ? "today's forecast snapshot saved" : '', tab.notice ?? ''] };
  };
};
