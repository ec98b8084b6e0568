/** Pipeline trend: open deals, pipeline and weighted per day over the last TREND_DAYS days of snapshots; and its chart. */
import { dayToIso } from '../calendar';
import { trend } from '../snapshots';
import { MONEY } from './definitions';
import { Section } from './input';

export const TREND_DAYS = 90;

export const trendSection: Section = ({ table, snapshots, today }, out) => {
  const head = out.header(`Pipeline trend (last ${TREND_DAYS} days)`, 'Open deals', 'Pipeline', 'Weighted');
  const isOpen = (name: string): boolean => table.find(name)?.outcome === 'Open';
  const points = trend(snapshots, isOpen, TREND_DAYS, today);
  const start = out.nextRow;
  for (const p of points) out.row(dayToIso(p.day), p.deals, p.value, p.weighted);
  out.format(start, 3, points.length, 2, MONEY);
  out.chart({
    key: 'trend',
    title: 'Pipeline trend',
    type: 'LINE',
    ranges: [
      { row: head, column: 1, numRows: points.length + 1, numColumns: 1 },
      { row: head, column: 3, numRows: points.length + 1, numColumns: 2 },
    ],
    anchor: { row: 41, column: 9 },
  });
};
