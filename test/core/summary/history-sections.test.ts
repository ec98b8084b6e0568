/** The summary's bottlenecks, calibration and forecast accuracy sections, from hand-made inputs (src/core/summary). */
import { dayNumber } from '../../../fixtures/calendar-days';
import { defaultDeal } from '../../../fixtures/deal-records';
import { padded, runSection, summaryInput, SUMMARY_TODAY } from '../../../fixtures/summary-input';
import { HistoryEntry } from '../../../src/core/history';
import { bottlenecksSection } from '../../../src/core/summary/bottlenecks';
import { calibrationSection } from '../../../src/core/summary/calibration';
import { forecastAccuracySection } from '../../../src/core/summary/forecast-accuracy';
import { LIST_CAP } from '../../../src/core/summary/capped-list';

const DAY = 86_400_000;
const move = (day: number, dealId: string, to: string): HistoryEntry => ({
  at: day * DAY + 1000,
  dealId,
  from: '',
  to,
});

test('bottlenecks: stays per open stage, the worst conversion flagged, stuck deals worst first and capped', () => {
  const t = SUMMARY_TODAY;
  // 250 deals in Proposal for 100 + i days; 4 that left Proposal after 10, 20, 30 and 40 days.
  const stuck = Array.from({ length: 250 }, (_, i) =>
    defaultDeal('Proposal', { row: i + 2, id: `P-${i}`, stageEntered: t - 100 - i }),
  );
  const left = ['A', 'B', 'C', 'D'];
  const history = left.flatMap((id, k) => [
    move(t - 200, id, 'Proposal'),
    move(t - 200 + 10 * (k + 1), id, 'Closed Won'),
  ]);
  const deals = [...stuck, ...left.map((id, k) => defaultDeal('Closed Won', { row: 300 + k, id }))];
  const layout = runSection(
    bottlenecksSection,
    summaryInput(deals, {
      moves: history,
      dayOfInstant: (ms) => Math.floor(ms / DAY),
      reach: new Map(left.map((id) => [id, 5])),
    }),
  );
  expect(layout.rows[0]?.[0]).toBe('Time in stage (deals that left it)');
  // Proposal: 25 median, 32.5 p75; conversion to Negotiation: 4 of 254.
  expect(layout.rows[4]).toEqual(padded('Proposal', 4, 25, 32.5, 4 / 254, 250));
  expect(layout.rows[6]).toEqual(padded('Bottleneck', 'Proposal', 4 / 254, 'lowest conversion to the next stage'));
  const list = layout.rows.slice(9);
  expect(list).toHaveLength(LIST_CAP + 1);
  expect(list[0]).toEqual(['P-249', '', '', 'Proposal', 349, 32.5, 316.5]);
  expect(list[LIST_CAP]?.[0]).toBe('... and 50 more stuck deals');
});

test('calibration: set and observed side by side with the closed deals behind each', () => {
  const deals = [
    defaultDeal('Closed Won', { id: 'W' }),
    defaultDeal('Closed Lost', { id: 'L' }),
    defaultDeal('Proposal'),
  ];
  // The lost deal's history says it reached Qualification.
  const layout = runSection(calibrationSection, summaryInput(deals, { reach: new Map([['L', 2]]) }));
  expect(layout.rows.slice(1)).toEqual([
    padded('Lead Generation', 0.1, (1 + 1) / 12, 2, 1, 0.5),
    padded('Initial Contact', 0.2, (1 + 2) / 12, 2, 1, 0.5),
    padded('Qualification', 0.3, (1 + 3) / 12, 2, 1, 0.5),
    padded('Proposal', 0.5, (1 + 5) / 11, 1, 1, 1),
    padded('Negotiation', 0.75, (1 + 7.5) / 11, 1, 1, 1),
  ]);
});

test('forecast accuracy: a line saying so when no snapshot is old enough', () => {
  const layout = runSection(forecastAccuracySection, summaryInput([], { forecastSnapshots: [] }));
  expect(layout.rows[1]?.[0]).toMatch(/^No forecast snapshots old enough yet/);
  const oct = 2026 * 12 + 9;
  const one = runSection(
    forecastAccuracySection,
    summaryInput([defaultDeal('Closed Won', { value: 100, stageEntered: dayNumber('2026-10-05') })], {
      forecastSnapshots: [
        { day: dayNumber('2026-09-01'), month: oct, deals: 1, weightedSet: 50, weightedObserved: 80 },
      ],
    }),
  );
  expect(one.rows.slice(1)).toEqual([
    padded('2026-10', 30, 100, 50, 80, -50, -20),
    padded('Mean absolute error', 1, '', 50, 20, 'Observed probabilities would have been closer'),
  ]);
});
