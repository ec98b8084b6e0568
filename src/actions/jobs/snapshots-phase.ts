/** Today's snapshot: the per-stage totals appended to the add-on's own Pipeline Snapshots tab, once a day. */
import { SNAPSHOT_HEADERS } from '../../core/snapshots';
import { ensureGeneratedTab } from '../../sheets/generated-tab';
import { appendSnapshot } from '../../sheets/snapshots-sheet';
import { Phase } from './phase';

export const snapshotsPhase: Phase = ({ input }) => {
  const { clock } = input.pipeline;
  const snapshots = input.snapshots();
  if (snapshots.some((r) => r.day === clock.today) || input.stageTotals.length === 0) return undefined;
  return () => {
    const tab = ensureGeneratedTab(input.book, input.registry, 'snapshots', SNAPSHOT_HEADERS);
    const appended = appendSnapshot(tab.sheet, input.stageTotals, clock.today, clock.timeZone, clock.readZone);
    if (appended) snapshots.push(...input.stageTotals);
    return { parts: [appended ? "today's snapshot saved" : '', tab.notice ?? ''] };
  };
};
