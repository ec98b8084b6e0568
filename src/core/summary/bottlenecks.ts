/**
 * Bottlenecks (issue 13.2): per open stage the time deals spent in it before leaving (median and 75th
 * percentile, from Stage History), the stage with the worst conversion flagged, and the open deals
 * in their stage longer than its 75th percentile (worst first, capped).
 */
import { DealRecord } from '../deals';
import { funnel } from '../funnel';
import { historyReach } from '../history';
import { stayDays, timeInStage } from '../history-analytics/time-in-stage';
import { daysInStage } from '../staleness';
import { pushCapped } from './capped-list';
import { DAYS, DEFINITIONS, PERCENT } from './definitions';
import { Section } from './input';

type Stuck = { d: DealRecord; days: number; limit: number };

export const bottlenecksSection: Section = (input, out) => {
  const { table, deals, set, reach, today } = input;
  const stays = stayDays(input.moves ?? [], table, input.dayOfInstant ?? ((ms) => Math.floor(ms / 86_400_000)));
  const rows = timeInStage(stays, table);
  const conversion = new Map(
    funnel(
      set,
      historyReach(
        deals.map((d) => d.id),
        reach,
      ),
    ).map((f) => [f.stage.index, f.conversion]),
  );
  const head = out.header(
    'Time in stage (deals that left it)',
    'Deals left',
    'Median days',
    '75th percentile days',
    'Conversion to next',
    'Stuck now',
  );
  out.note(head, 1, DEFINITIONS.timeInStage);
  out.note(head, 6, DEFINITIONS.stuck);
  const p75 = new Map(rows.map((r) => [r.stageIndex, r.p75]));
  const stuck: Stuck[] = [];
  const stuckAt = new Float64Array(table.stages.length);
  for (const d of deals) {
    if (d.stage.outcome !== 'Open') continue;
    const limit = p75.get(d.stage.index);
    const days = daysInStage(d, today);
    if (limit === undefined || limit !== limit || days === null || days <= limit) continue;
    stuck.push({ d, days, limit });
    stuckAt[d.stage.index] = (stuckAt[d.stage.index] as number) + 1;
  }
  const start = out.nextRow;
  let worst: { name: string; rate: number } | undefined;
  for (const r of rows) {
    const st = table.stages[r.stageIndex];
    const c = conversion.get(r.stageIndex);
    if (!st) continue;
    if (c !== undefined && c !== null && (worst === undefined || c < worst.rate)) worst = { name: st.name, rate: c };
    out.row(
      st.name,
      r.left,
      r.left ? r.median : '',
      r.left ? r.p75 : '',
      c === undefined || c === null ? '' : c,
      stuckAt[r.stageIndex] as number,
    );
  }
  out.format(start, 3, rows.length, 2, DAYS);
  out.format(start, 5, rows.length, 1, PERCENT);
  const flag = out.row(
    'Bottleneck',
    worst ? worst.name : 'none yet (no deal reached an open stage)',
    worst ? worst.rate : '',
    worst ? 'lowest conversion to the next stage' : '',
  );
  out.note(flag, 1, DEFINITIONS.bottleneck);
  if (worst) out.format(flag, 3, 1, 1, PERCENT);
  out.row();
  out.header(
    "Stuck deals (longer than the stage's 75th percentile)",
    'Deal',
    'Owner',
    'Stage',
    'Days in stage',
    '75th percentile',
    'Over by',
  );
  stuck.sort((a, b) => b.days - b.limit - (a.days - a.limit) || a.d.row - b.d.row);
  pushCapped(
    out,
    stuck,
    ({ d, days, limit }) => [d.id || `row ${d.row}`, d.name, d.owner, d.stage.name, days, limit, days - limit],
    (n) => `... and ${n} more stuck deals`,
  );
  if (stuck.length === 0) out.row('No stuck deals.');
};
