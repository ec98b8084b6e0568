/** Forecast by month of expected close: an Overdue row, the next FORECAST_MONTHS months, undated deals; and its chart. */
import { forecastByMonth } from '../forecast';
import { MONEY } from './definitions';
import { Section } from './input';

export const FORECAST_MONTHS = 6;

export const forecastSection: Section = ({ set, today }, out) => {
  const head = out.header(`Forecast by month (next ${FORECAST_MONTHS})`, 'Deals', 'Pipeline', 'Weighted', 'Won');
  const fc = forecastByMonth(set, { today, months: FORECAST_MONTHS });
  const rows = fc.ok ? fc.rows : [];
  const start = out.nextRow;
  for (const r of rows) out.row(r.label, r.deals, r.pipeline, r.weighted, r.won);
  out.format(start, 3, rows.length, 3, MONEY);
  out.chart({
    key: 'forecast',
    title: 'Forecast by month',
    type: 'COLUMN',
    ranges: [
      { row: head, column: 1, numRows: rows.length + 1, numColumns: 1 },
      { row: head, column: 3, numRows: rows.length + 1, numColumns: 2 },
    ],
    anchor: { row: 21, column: 9 },
  });
};
