/**
 * By stage: deals, value and weighted value (today's snapshot totals, not recomputed), average days
 * in stage, deals reached and conversion to the next stage (the funnel, from Stage History), and
 * the funnel chart.
 */
import { funnel } from '../funnel';
import { historyReach } from '../history';
import { daysInStage } from '../staleness';
import { DAYS, DEFINITIONS, MONEY, PERCENT } from './definitions';
import { stageColors } from '../stage-colors';
import { Section } from './input';

export const byStageSection: Section = ({ table, deals, set, stageTotals, reach, today }, out) => {
  const head = out.header(
    'By stage',
    'Deals',
    'Value',
    'Weighted value',
    'Avg days in stage',
    'Deals reached',
    'Conversion to next',
  );
  out.note(head, 7, DEFINITIONS.conversion);
  const funnelRows = new Map(
    funnel(
      set,
      historyReach(
        deals.map((d) => d.id),
        reach,
      ),
    ).map((f) => [f.stage.index, f]),
  );
  const days = new Float64Array(table.stages.length);
  const dated = new Float64Array(table.stages.length);
  for (const d of deals) {
    const n = daysInStage(d, today);
    if (n === null) continue;
    days[d.stage.index] = (days[d.stage.index] as number) + n;
    dated[d.stage.index] = (dated[d.stage.index] as number) + 1;
  }
  const start = out.nextRow;
  table.stages.forEach((st, k) => {
    const t = stageTotals[k];
    if (!t || t.stage !== st.name)
      throw new Error(`Summary: the stage totals do not match the stage table at "${st.name}"`);
    const f = funnelRows.get(st.index);
    const n = dated[k] as number;
    out.row(
      st.name,
      t.deals,
      t.value,
      t.weighted,
      n ? (days[k] as number) / n : '',
      f ? f.reached : '',
      f && f.conversion !== null ? f.conversion : '',
    );
  });
  out.format(start, 3, table.stages.length, 2, MONEY);
  out.format(start, 5, table.stages.length, 1, DAYS);
  out.format(start, 7, table.stages.length, 1, PERCENT);
  // Open and won stages come first in a valid table's order: chart the rows that can be reached.
  const shown = table.stages.filter((s) => s.outcome !== 'Lost').length + 1;
  out.chart({
    key: 'funnel',
    title: 'Pipeline funnel (deals reached)',
    type: 'BAR',
    ranges: [
      { row: head, column: 1, numRows: shown, numColumns: 1 },
      { row: head, column: 6, numRows: shown, numColumns: 1 },
    ],
    anchor: { row: 1, column: 9 },
    // One bar per stage, in the stage's color (the same as the Stage cells and the board).
    seriesPerRow: true,
    colors: stageColors(table)
      .slice(0, shown - 1)
      .map((c) => c.background),
  });
};
