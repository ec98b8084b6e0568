/**
 * Forecast accuracy (issue 13.5): per complete month, what the weighted forecast said 30/60/90 days
 * before the month by the set and by the observed probabilities, against what was won; then each
 * method's mean absolute error and which was closer.
 */
import { monthLabel } from '../calendar';
import { forecastAccuracy, meanAbsoluteErrors, wonByMonth } from '../history-analytics/forecast-accuracy';
import { DEFINITIONS, MONEY } from './definitions';
import { Section } from './input';

export const forecastAccuracySection: Section = ({ set, today, forecastSnapshots }, out) => {
  const rows = forecastAccuracy(forecastSnapshots ?? [], wonByMonth(set), today);
  const head = out.header(
    'Forecast accuracy (month)',
    'Days before',
    'Won',
    'Forecast (set)',
    'Forecast (observed)',
    'Error (set)',
    'Error (observed)',
  );
  out.note(head, 1, DEFINITIONS.accuracy);
  const start = out.nextRow;
  for (const r of rows)
    out.row(
      monthLabel(r.month),
      r.lead,
      r.won,
      r.forecastSet,
      r.forecastObserved,
      r.forecastSet - r.won,
      r.forecastObserved - r.won,
    );
  out.format(start, 3, rows.length, 5, MONEY);
  if (rows.length === 0) {
    out.row('No forecast snapshots old enough yet (the daily job records one a day).');
    return;
  }
  const mae = meanAbsoluteErrors(rows);
  const verdict =
    mae.observed < mae.set
      ? 'Observed probabilities would have been closer'
      : mae.set < mae.observed
        ? 'Set probabilities would have been closer'
        : 'Both methods were as close';
  const r = out.row('Mean absolute error', rows.length, '', mae.set, mae.observed, verdict);
  out.format(r, 4, 1, 2, MONEY);
};
