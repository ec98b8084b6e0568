/**
 * Calibrated probabilities (issue 13.4): per open stage, the win probability the settings give next
 * to the one the team's own record gives (blended toward the set one while few deals stand behind
 * it), with the closed deals and the won deals behind it.
 */
import { funnelReach } from '../history-analytics/reach';
import { stageWinRates } from '../history-analytics/win-rates';
import { DEFINITIONS, PERCENT } from './definitions';
import { Section } from './input';

export const calibrationSection: Section = ({ table, deals, set, reach }, out) => {
  const rates = stageWinRates(table, set.stage, funnelReach(set, deals, reach));
  const head = out.header(
    'Win probability by stage',
    'Set',
    'Observed',
    'Closed deals behind it',
    'Won',
    'Won / closed',
  );
  out.note(head, 3, DEFINITIONS.observed);
  const start = out.nextRow;
  for (const r of rates) out.row(r.stage.name, r.set, r.observed, r.closed, r.won, r.closed ? r.raw : '');
  out.format(start, 2, rates.length, 2, PERCENT);
  out.format(start, 6, rates.length, 1, PERCENT);
};
