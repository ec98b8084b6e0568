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
  changes:
    "What changed: each deal's stage, Value and Expected Close at the end of the day before the period and at the end of its last day, rolled back from the Deals tab through Stage History. Open pipeline at start + new deals (open at the end, not at the start: created or reopened; also those opened and closed within the period) + value increased - value decreased (open deals, and deals that closed, between start and end) - won - lost (their value at the end) = open pipeline at end, to the cent. Moved forward/back: open at both ends, in a later/earlier stage. Close date pushed out/pulled in: open at both ends, a later/earlier Expected Close. Edits not in Stage History (other scripts, deleted deals) are not seen.",
  waterfall: 'Helper columns for the waterfall chart: an invisible base, then the bar (totals, increases, decreases).',
  snapshotCheck:
    "The Pipeline Snapshots total for that day differs from the pipeline rebuilt from Stage History: some change was not logged (an edit by another script, a deleted deal), or the snapshot was taken before the day's last edits.",
  slipped:
    'Slipped deals: open deals whose Expected Close was moved later at least 2 times, or by 30 days or more in all (every change of Expected Close is logged in Stage History). Pushed-out value: the sum of their Value.',
  timeInStage:
    'Time in stage: whole calendar days between a deal entering an open stage and its next move in Stage History (by Timestamp), over the stays that ended; median and 75th percentile as Sheets MEDIAN and PERCENTILE compute them. Deals still in the stage are not counted.',
  stuck:
    'Stuck: an open deal whose days in its current stage (since Stage Entered) exceed the 75th percentile of the time deals spent in that stage before leaving it.',
  bottleneck:
    'Bottleneck: the open stage with the lowest conversion to the next stage (deals that reached the next stage / deals that reached this one).',
  observed:
    'Observed probability: (won + 10 x set) / (closed + 10), where closed counts the deals now Won or Lost that reached the stage and won those now Won: the share the team actually won, blended toward the set probability while fewer deals stand behind it.',
  accuracy:
    'Forecast accuracy: for each complete month, the weighted forecast for deals expected to close in it, as the daily forecast snapshot recorded it 30, 60 and 90 days before the month began (by the set and by the observed probabilities), against the value of deals won in the month (by the day they entered Won). Error = forecast - won.',
};

/** Targets and forecast categories (src/core/summary/targets.ts). */
export const TARGET_DEFINITIONS = {
  targets:
    "Targets whose period contains today, from the settings tab's Owner | Period | Target table (M:O); Owner blank or Team is the team's target.",
  won: "Won: the Value of won deals whose close day (the day they entered the Won stage, else Expected Close) falls in the period; an owner's target counts the deals whose Owner matches (case ignored).",
  attainment: 'Attainment: won / target.',
  gap: 'Gap: target - won (negative when the target is beaten).',
  coverage:
    'Coverage: open pipeline in the period / remaining target (the gap). Open pipeline in the period: Value of open deals, not marked Omitted, whose Expected Close falls in the period. Blank when the target is met.',
  needed:
    "Coverage needed: 1 / the team's win rate (won / (won + lost) over all closed deals). At that win rate, pipeline of needed x the remaining target is expected to win it; coverage below it is short.",
  check:
    'Coverage check: enough when coverage >= coverage needed; else the open pipeline still missing, remaining target x coverage needed - open pipeline in the period.',
  categories:
    "Forecast categories: open deals whose Expected Close falls in the period, by their Forecast Category. A blank category takes the stage's default (win probability 75% or more: Commit; 50% or more: Best case; else Pipeline); won deals are Closed, lost ones Omitted; the add-on never writes the column.",
  omitted: 'Omitted: open deals in the period the rep marked Omitted; left out of the coverage.',
};
