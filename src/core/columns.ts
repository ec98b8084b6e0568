/** The Deals tab's known columns, found by header text with common aliases. */

export const COLUMN_KEYS = [
  'dealId',
  'deal',
  'company',
  'owner',
  'stage',
  'value',
  'probability',
  'expectedClose',
  'created',
  'stageEntered',
  'lastActivity',
  'budget',
  'authority',
  'need',
  'timeline',
  'nextStep',
  'nextStepDue',
  'lostReason',
  'health',
  'forecastCategory',
  'snoozedUntil',
  'snoozeReason',
] as const;

export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** The header the add-on writes when it appends a missing column. */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  dealId: 'Deal ID',
  deal: 'Deal',
  company: 'Company',
  owner: 'Owner',
  stage: 'Stage',
  value: 'Value',
  probability: 'Probability',
  expectedClose: 'Expected Close',
  created: 'Created',
  stageEntered: 'Stage Entered',
  lastActivity: 'Last Activity',
  budget: 'Budget',
  authority: 'Authority',
  need: 'Need',
  timeline: 'Timeline',
  nextStep: 'Next Step',
  nextStepDue: 'Next Step Due',
  lostReason: 'Lost Reason',
  health: 'Health',
  forecastCategory: 'Forecast Category',
  snoozedUntil: 'Snoozed Until',
  snoozeReason: 'Snooze Reason',
};

const ALIASES: Record<ColumnKey, string[]> = {
  dealId: ['deal id', 'id', 'deal #', 'deal no', 'opportunity id', 'opp id'],
  deal: ['deal', 'deal name', 'name', 'opportunity', 'opportunity name', 'title'],
  company: ['company', 'account', 'account name', 'organization', 'organisation', 'customer', 'client'],
  owner: ['owner', 'rep', 'sales rep', 'salesperson', 'sales agent', 'deal owner', 'assigned to', 'account executive'],
  stage: ['stage', 'deal stage', 'pipeline stage', 'sales stage'],
  value: ['value', 'amount', 'deal value', 'deal size', 'deal amount', 'close value', 'revenue'],
  probability: ['probability', 'win probability', 'prob', 'probability %', 'win %', 'likelihood'],
  expectedClose: ['expected close', 'close date', 'expected close date', 'close', 'closing date', 'target close'],
  created: ['created', 'created date', 'created on', 'date created', 'created at', 'engage date', 'open date'],
  stageEntered: ['stage entered', 'stage date', 'entered stage', 'stage changed', 'stage since'],
  lastActivity: ['last activity', 'last activity date', 'last contact', 'last contacted', 'last touch', 'last touched'],
  budget: ['budget'],
  authority: ['authority'],
  need: ['need'],
  timeline: ['timeline'],
  nextStep: ['next step', 'next steps', 'next action'],
  nextStepDue: [
    'next step due',
    'next step date',
    'next step due date',
    'next action date',
    'follow up',
    'follow-up',
    'follow up date',
    'follow-up date',
    'follow up due',
  ],
  lostReason: ['lost reason', 'reason lost', 'loss reason', 'lost because'],
  health: ['health', 'deal health'],
  forecastCategory: ['forecast category', 'forecast cat'],
  snoozedUntil: ['snoozed until', 'snooze until', 'snoozed', 'snooze'],
  snoozeReason: ['snooze reason', 'snoozed because', 'waiting on'],
};

/** Header text folded for matching: case, spaces and punctuation do not count. */
export function foldHeader(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9#%]/g, '');
}

const BY_FOLDED = new Map<string, ColumnKey>();
for (const key of COLUMN_KEYS) for (const alias of ALIASES[key]) BY_FOLDED.set(foldHeader(alias), key);

/** The known column a header (or a requirement's column name) means, if any. */
export function columnForHeader(text: string): ColumnKey | undefined {
  return BY_FOLDED.get(foldHeader(text));
}

/** Zero-based index of each known column found in a header row; the first match wins. */
export type ColumnMap = Partial<Record<ColumnKey, number>>;

export function mapHeaders(headers: readonly unknown[]): ColumnMap {
  const map: ColumnMap = {};
  headers.forEach((h, i) => {
    const key = columnForHeader(String(h ?? ''));
    if (key !== undefined && map[key] === undefined) map[key] = i;
  });
  return map;
}

/** Columns that are checkboxes (BANT). */
export const CHECKBOX_COLUMNS: readonly ColumnKey[] = ['budget', 'authority', 'need', 'timeline'];
export const DATE_COLUMNS: readonly ColumnKey[] = [
  'expectedClose',
  'created',
  'stageEntered',
  'lastActivity',
  'nextStepDue',
  'snoozedUntil',
];
/** Columns setup does not add: the add-on works without them and adopts them when a team adds one. */
export const OPTIONAL_COLUMNS: readonly ColumnKey[] = ['forecastCategory', 'snoozedUntil', 'snoozeReason'];
export const MONEY_COLUMNS: readonly ColumnKey[] = ['value'];

/** A1 column letters for a zero-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
