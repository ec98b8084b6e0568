/**
 * The one list of custom functions: name, parameters (type, optional, help), description,
 * example, README summary and implementation. It feeds the Apps Script stubs and their JSDoc
 * (scripts/build.mjs: each stub hands ./call.ts its parameter list for the argument checks), the
 * playground's formula engine, the benchmark, and the README table (checked by a test). The
 * bundle itself imports only ./implementations.ts, so the help texts live in the stubs alone.
 */
import { FunctionName, IMPLEMENTATIONS, Implementation } from './implementations';

export interface ParamSpec {
  readonly name: string;
  /** JSDoc type Sheets shows, e.g. "number[]" or "string[][]". */
  readonly type: string;
  readonly optional: boolean;
  readonly help: string;
}

export interface FunctionSpec {
  readonly name: FunctionName;
  /** The JSDoc description Sheets shows as the function's help. */
  readonly description: string;
  /** A formula a user can copy, starting with "=". */
  readonly example: string;
  readonly params: readonly ParamSpec[];
  readonly returns: { readonly type?: string; readonly help: string };
  /** The README table's "returns" column. */
  readonly summary: string;
  readonly implementation: Implementation;
}

const required = (name: string, type: string, help: string): ParamSpec => ({ name, type, optional: false, help });
const optional = (name: string, type: string, help: string): ParamSpec => ({ name, type, optional: true, help });

const VALUES = required('values', 'number[]', 'Deal values, e.g. Deals!F2:F.');
const STAGES = required('stages', 'string[]', 'Deal stages, e.g. Deals!E2:E.');
const STAGES_SAME = required('stages', 'string[]', 'Deal stages, same height, e.g. Deals!E2:E.');
const STAGE_TABLE = optional('stage_table', 'string[][]', 'Optional stage table (Stage, Win probability, Outcome).');
const CREATED = required('created', 'Date[]', 'Created dates, same height, e.g. Deals!I2:I.');
const CLOSED = required('closed', 'Date[]', 'Close dates, same height, e.g. Deals!H2:H.');
const HISTORY_HELP = "The Stage History range from Timestamp to To (more columns are fine), e.g. 'Stage History'!A2:E.";
const DEAL_IDS_OBSERVED = optional(
  'deal_ids',
  'string[]',
  "Optional Deal IDs, same height, e.g. Deals!A2:A; with history, open stages weigh the team's observed win probability (see HISTORICAL_WIN_RATE) instead of the set one.",
);
const HISTORY_OBSERVED = optional('history', 'string[][]', `Optional, with deal_ids. ${HISTORY_HELP}`);

export const CATALOG: readonly FunctionSpec[] = [
  {
    name: 'WEIGHTED_FORECAST',
    description:
      "Weighted forecast: the sum of each deal's value times its win probability (the deal's own probability when given, else its stage's; won deals count 100%, lost 0%).",
    example: "=WEIGHTED_FORECAST(Deals!F2:F, Deals!E2:E, 'Pipeline Settings'!A1:C8)",
    params: [
      VALUES,
      STAGES_SAME,
      optional(
        'stage_table',
        'string[][]',
        "Optional stage table (Stage, Win probability, Outcome), e.g. 'Pipeline Settings'!A1:C8. Passing it keeps the result live when probabilities change.",
      ),
      optional(
        'probabilities',
        'number[]',
        "Optional per-deal probabilities (35%, 0.35 or 35); blanks use the stage's.",
      ),
      DEAL_IDS_OBSERVED,
      HISTORY_OBSERVED,
    ],
    returns: { type: 'number', help: 'The weighted forecast.' },
    summary: 'sum of value x probability (override column wins when filled; won 100%, lost 0%)',
    implementation: IMPLEMENTATIONS.WEIGHTED_FORECAST,
  },
  {
    name: 'PIPELINE_VALUE',
    description: 'Pipeline value: the sum of the values of open deals (not won, not lost).',
    example: '=PIPELINE_VALUE(Deals!F2:F, Deals!E2:E)',
    params: [VALUES, STAGES_SAME, STAGE_TABLE],
    returns: { type: 'number', help: 'The open pipeline value.' },
    summary: 'sum of values of open deals',
    implementation: IMPLEMENTATIONS.PIPELINE_VALUE,
  },
  {
    name: 'STAGE_PROBABILITY',
    description: 'The win probability of a stage: one number for one cell, a column for a range.',
    example: '=STAGE_PROBABILITY(E2)',
    params: [
      required('stages', 'string[]', 'A stage name or a range of stage names, e.g. E2 or Deals!E2:E.'),
      STAGE_TABLE,
    ],
    returns: { help: 'The probability of each stage, as a fraction (format the cell as %).' },
    summary: "a stage's win probability; a column for a range",
    implementation: IMPLEMENTATIONS.STAGE_PROBABILITY,
  },
  {
    name: 'WIN_RATE',
    description: 'Win rate: won deals / (won + lost deals).',
    example: '=WIN_RATE(Deals!E2:E)',
    params: [STAGES, STAGE_TABLE],
    returns: { type: 'number', help: 'The win rate, as a fraction (format the cell as %).' },
    summary: 'won / (won + lost)',
    implementation: IMPLEMENTATIONS.WIN_RATE,
  },
  {
    name: 'AVERAGE_DEAL_SIZE',
    description: 'Average deal size: the mean value of won deals.',
    example: '=AVERAGE_DEAL_SIZE(Deals!F2:F, Deals!E2:E)',
    params: [VALUES, STAGES_SAME, STAGE_TABLE],
    returns: { type: 'number', help: 'The average won deal value.' },
    summary: 'mean value of won deals',
    implementation: IMPLEMENTATIONS.AVERAGE_DEAL_SIZE,
  },
  {
    name: 'SALES_CYCLE_DAYS',
    description: 'Sales cycle length: the mean whole days from created to closed, over won deals.',
    example: '=SALES_CYCLE_DAYS(Deals!I2:I, Deals!H2:H, Deals!E2:E)',
    params: [required('created', 'Date[]', 'Created dates, e.g. Deals!I2:I.'), CLOSED, STAGES_SAME, STAGE_TABLE],
    returns: { type: 'number', help: 'Average days from created to closed for won deals.' },
    summary: 'mean whole days created -> closed, won deals',
    implementation: IMPLEMENTATIONS.SALES_CYCLE_DAYS,
  },
  {
    name: 'SALES_VELOCITY',
    description: 'Sales velocity: open deals x win rate x average deal size / sales cycle days (money per day).',
    example: '=SALES_VELOCITY(Deals!F2:F, Deals!E2:E, Deals!I2:I, Deals!H2:H)',
    params: [VALUES, STAGES_SAME, CREATED, CLOSED, STAGE_TABLE],
    returns: { type: 'number', help: 'Expected revenue per day.' },
    summary: 'open deals x win rate x avg deal size / cycle days',
    implementation: IMPLEMENTATIONS.SALES_VELOCITY,
  },
  {
    name: 'CONVERSION_RATE',
    description:
      'Stage conversion: deals that reached to_stage / deals that reached from_stage (a deal in a later stage, or won, reached every stage before it).',
    example: '=CONVERSION_RATE(Deals!E2:E, "Qualification", "Proposal")',
    params: [
      STAGES,
      required('from_stage', 'string', 'The earlier stage, e.g. "Qualification".'),
      required('to_stage', 'string', 'The later stage, e.g. "Proposal".'),
      STAGE_TABLE,
    ],
    returns: { type: 'number', help: 'The conversion rate, as a fraction (format the cell as %).' },
    summary: 'reached(to) / reached(from)',
    implementation: IMPLEMENTATIONS.CONVERSION_RATE,
  },
  {
    name: 'FUNNEL',
    description:
      'Funnel table: for each open and won stage, the deals that reached it, their value and weighted value, and the conversion to the next stage. Spills 5 columns.',
    example: '=FUNNEL(Deals!E2:E, Deals!F2:F)',
    params: [
      STAGES,
      optional('values', 'number[]', 'Optional deal values, same height, e.g. Deals!F2:F.'),
      STAGE_TABLE,
    ],
    returns: { help: 'A table: Stage, Deals reached, Value, Weighted value, Conversion to next.' },
    summary: 'Stage, Deals reached, Value, Weighted value, Conversion to next',
    implementation: IMPLEMENTATIONS.FUNNEL,
  },
  {
    name: 'FORECAST_BY_MONTH',
    description:
      'Forecast by month of expected close: deals, open pipeline, weighted value and won value per month. With months, the next N months from the month of as_of (today when omitted), plus an Overdue row. Sheets keeps a result until an argument changes, so pass TODAY() as as_of for a horizon that moves with the calendar. Spills 5 columns.',
    example: '=FORECAST_BY_MONTH(Deals!F2:F, Deals!E2:E, Deals!H2:H, , 6, TODAY())',
    params: [
      VALUES,
      STAGES_SAME,
      required('close_dates', 'Date[]', 'Expected close dates, same height, e.g. Deals!H2:H.'),
      STAGE_TABLE,
      optional('months', 'number', 'Optional horizon in months from the month of as_of, e.g. 6.'),
      optional(
        'as_of',
        'Date',
        'Optional date the months and the Overdue row count from, e.g. TODAY() or a date cell; with months only. Omitted: today, but Sheets will not recalculate when the day changes.',
      ),
      optional(
        'probabilities',
        'number[]',
        "Optional per-deal probabilities (35%, 0.35 or 35), same height; blanks use the stage's. Without months the Weighted total then equals WEIGHTED_FORECAST's.",
      ),
      DEAL_IDS_OBSERVED,
      HISTORY_OBSERVED,
    ],
    returns: { help: 'A table: Month, Deals, Pipeline, Weighted, Won.' },
    summary: 'Month, Deals, Pipeline, Weighted, Won',
    implementation: IMPLEMENTATIONS.FORECAST_BY_MONTH,
  },
  {
    name: 'DEAL_PRIORITY',
    description:
      'Priority score (0-100) of each open deal, to work the highest first: weighted value against the largest open one, Expected Close within the close horizon, stage position, days stale and days a follow-up is overdue, weighted by the Priority weight settings. Closed deals and blank rows get a blank. Pass TODAY() as as_of so Sheets recalculates daily. Returns a column.',
    example:
      "=DEAL_PRIORITY(Deals!F2:F, Deals!E2:E, Deals!H2:H, Deals!J2:K, Deals!Q2:Q, , 'Pipeline Settings'!A1:D8, 'Pipeline Settings'!J1:K20, TODAY())",
    params: [
      VALUES,
      STAGES_SAME,
      required('close_dates', 'Date[]', 'Expected close dates, same height, e.g. Deals!H2:H.'),
      required(
        'last_touch',
        'Date[][]',
        'Dates of the last touch, same height, one or more columns (e.g. Stage Entered and Last Activity, Deals!J2:K): the latest counts.',
      ),
      required('next_step_due', 'Date[]', 'Next Step Due dates, same height, e.g. Deals!Q2:Q.'),
      optional(
        'probabilities',
        'number[]',
        "Optional per-deal probabilities (35%, 0.35 or 35); blanks use the stage's.",
      ),
      optional(
        'stage_table',
        'string[][]',
        "Optional stage table (Stage, Win probability, Outcome, Stale after), e.g. 'Pipeline Settings'!A1:D8.",
      ),
      optional(
        'weights',
        'string[][]',
        "Optional Setting and Value columns holding the Priority settings, e.g. 'Pipeline Settings'!J1:K20; unlisted ones use their defaults.",
      ),
      optional(
        'as_of',
        'Date',
        'Optional date the days count from, e.g. TODAY(). Omitted: today, but Sheets will not recalculate when the day changes.',
      ),
    ],
    returns: { help: 'The priority score of each row (blank for closed deals), 0 to 100.' },
    summary: 'priority score 0-100 per open deal (value, close date, stage, staleness, overdue follow-up); a column',
    implementation: IMPLEMENTATIONS.DEAL_PRIORITY,
  },
  {
    name: 'LEADS_NEEDED',
    description:
      "Leads needed: how many new leads the team must add to win target at its own record, ceil(target / (average won deal size x win rate)). Every deal starts as a lead, so the lead-to-win rate is the win rate, won / (won + lost); open deals' pipeline is not counted.",
    example: '=LEADS_NEEDED(250000, Deals!F2:F, Deals!E2:E)',
    params: [
      required('target', 'number', 'The amount still to win from new leads, e.g. 250000 or a target minus won so far.'),
      VALUES,
      STAGES_SAME,
      STAGE_TABLE,
    ],
    returns: { type: 'number', help: 'A whole number of leads (0 when target is 0 or less).' },
    summary: 'ceil(target / (avg won deal size x win rate)): new leads to win target',
    implementation: IMPLEMENTATIONS.LEADS_NEEDED,
  },
  {
    name: 'PIPELINE_CHANGES',
    description:
      "What changed between two dates (inclusive): open pipeline at the start, new deals, value increased and decreased, won, lost, open pipeline at the end (start + the rows between = end, to the cent), then deals moved forward or back and close dates pushed out or pulled in. Each deal's state on a date is its current cells rolled back through Stage History. Spills 3 columns.",
    example:
      "=PIPELINE_CHANGES(TODAY()-7, TODAY(), 'Stage History'!A2:I, Deals!A2:A, Deals!E2:E, Deals!F2:F, Deals!H2:H, Deals!I2:I)",
    params: [
      required('from_date', 'Date', 'First day of the period, e.g. TODAY()-7.'),
      required('to_date', 'Date', 'Last day of the period, e.g. TODAY().'),
      required('history', 'string[][]', "The Stage History rows, columns A:I, e.g. 'Stage History'!A2:I."),
      required('deal_ids', 'string[]', 'Deal IDs, e.g. Deals!A2:A.'),
      STAGES_SAME,
      required('values', 'number[]', 'Deal values, same height, e.g. Deals!F2:F.'),
      required('close_dates', 'Date[]', 'Expected close dates, same height, e.g. Deals!H2:H.'),
      optional(
        'created',
        'Date[]',
        'Optional created dates, same height, e.g. Deals!I2:I (a deal created later did not exist yet).',
      ),
      STAGE_TABLE,
    ],
    returns: { help: 'A table: Change, Deals, Value (decreases, won and lost negative).' },
    summary: 'Change, Deals, Value: start, new, up, down, won, lost, end (reconciling), forward, back, pushed, pulled',
    implementation: IMPLEMENTATIONS.PIPELINE_CHANGES,
  },
  {
    name: 'TIME_IN_STAGE',
    description:
      'Time in stage: per open stage, how many deals left it and the median and 75th percentile of the whole days they spent in it before their next move, from Stage History (as MEDIAN and PERCENTILE compute them). Deals still in a stage are not counted. Spills 4 columns.',
    example: "=TIME_IN_STAGE('Stage History'!A2:E, 'Pipeline Settings'!A1:C8, TODAY())",
    params: [
      required('history', 'string[][]', HISTORY_HELP),
      STAGE_TABLE,
      optional(
        'as_of',
        'Date',
        'Optional date: only moves on or before it count, e.g. TODAY() (keeps the result live) or the end of a past quarter.',
      ),
    ],
    returns: { help: 'A table: Stage, Deals left, Median days, 75th percentile days.' },
    summary: 'Stage, Deals left, Median days, 75th percentile days',
    implementation: IMPLEMENTATIONS.TIME_IN_STAGE,
  },
  {
    name: 'HISTORICAL_WIN_RATE',
    description:
      'Observed win probability of an open stage: of the closed deals that reached it (Stage History or a later current stage), the share won, blended toward the set probability while few: (won + 10 x set) / (closed + 10).',
    example: '=HISTORICAL_WIN_RATE("Proposal", Deals!E2:E, Deals!A2:A, \'Stage History\'!A2:E)',
    params: [
      required('stage', 'string', 'An open stage, e.g. "Proposal".'),
      STAGES_SAME,
      required('deal_ids', 'string[]', 'Deal IDs, same height, e.g. Deals!A2:A.'),
      required('history', 'string[][]', HISTORY_HELP),
      STAGE_TABLE,
    ],
    returns: { type: 'number', help: 'The observed probability, as a fraction (format the cell as %).' },
    summary: '(won + 10 x set) / (closed + 10) over closed deals that reached the stage',
    implementation: IMPLEMENTATIONS.HISTORICAL_WIN_RATE,
  },
];
