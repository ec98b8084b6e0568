/** What each summary figure means (shown as a note on its label) and the number formats used. */
export const MONEY = '$#,##0';
export const PERCENT = '0.0%';
export const DAYS = '0.0';

export const DEFINITIONS = {
  open: 'Deals whose stage has the outcome Open.',
  pipeline: 'Pipeline value: the sum of Value over open deals.',
  weighted:
    "Weighted forecast: the sum of Value x probability, where probability is the deal's own Probability when filled, else its stage's win probability; Won deals weigh 100%, Lost 0%.",
  winRate: 'Win rate: won / (won + lost) over all closed deals.',
  dealSize: 'Average deal size: the mean Value of won deals.',
  cycle:
    'Average sales cycle: mean whole days from Created to close (the day the deal entered its Won stage, or Expected Close when that is missing), over won deals.',
  velocity: 'Sales velocity: open deals x win rate x average deal size / average sales cycle, in money per day.',
  conversion:
    'Conversion to next: deals that reached the next stage / deals that reached this one. A deal reached a stage if its Stage History shows it entered that stage or a later open or won one; without history, if its current stage is that stage or later.',
  changes:
    "What changed: each deal's stage, Value and Expected Close at the end of the day before the period and at the end of its last day, rolled back from the Deals tab through Stage History. Open pipeline at start + new deals (open at the end, not at the start: created or reopened; also those opened and closed within the period) + value increased - value decreased (open deals, and deals that closed, between start and end) - won - lost (their value at the end) = open pipeline at end, to the cent. Moved forward/back: open at both ends, in a later/earlier stage. Close date pushed out/pulled in: open at both ends, a later/earlier Expected Close. Edits not in Stage History (other scripts, deleted deals) are not seen.",
  waterfall: 'Helper columns for the waterfall chart: an invisible base, then the bar (totals, increases, decreases).',
  snapshotCheck:
    "The Pipeline Snapshots total for that day differs from the pipeline rebuilt from Stage History: some change was not logged (an edit by another script, a deleted deal), or the snapshot was taken before the day's last edits.",
  slipped:
    'Slipped deals: open deals whose Expected Close was moved later at least 2 times, or by 30 days or more in all (every change of Expected Close is logged in Stage History). Pushed-out value: the sum of their Value.',
};
