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
  priority:
    'Priority score 0-100 of an open deal: 100 x the weighted sum of five factors, each 0-1, over the sum of the weights (Pipeline Settings, Priority weight rows): value = weighted value / the largest open one; close = 1 when Expected Close is today or passed, falling to 0 at the close horizon; stage = position among the open stages; staleness = days over Stale after / Stale after (at most 1); follow-up = days Next Step Due is overdue / 7 (at most 1). Why lists the factors that added most first.',
};
