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
