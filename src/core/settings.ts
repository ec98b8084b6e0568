/**
 * The stage table from cells: the Pipeline Settings tab (Stage | Win probability | Outcome |
 * Stale after (days) | Entry requirements) or a range passed to a custom function (Stage, Win
 * probability, optional Outcome). Every problem names its cell.
 */
import { columnLetter, foldHeader } from './columns';
import { parseRequirements, Requirement } from './requirements';
import { Outcome, Stage, StageTable, foldStageName, makeStageTable, outcomeFromName } from './stages';
import { CellGrid, CellValue, describeValue, isBlank, readNumber, readProbability, readText } from './values';

export const SETTINGS_HEADERS = [
  'Stage',
  'Win probability',
  'Outcome',
  'Stale after (days)',
  'Entry requirements',
  'Next step required',
  'Clean up after (days)',
  'Color',
] as const;

/** The default stages, as rows of the settings tab. */
export const DEFAULT_STAGE_ROWS: (string | number)[][] = [
  ['Lead Generation', 0.1, 'Open', 14, '', 'No', 60, '#56b4e9'],
  ['Initial Contact', 0.2, 'Open', 7, 'Owner, Company', 'Yes', 45, '#0072b2'],
  ['Qualification', 0.3, 'Open', 14, 'Value > 0', 'Yes', 60, '#cc79a7'],
  ['Proposal', 0.5, 'Open', 10, 'Budget, Authority, Need, Timeline', 'Yes', 60, '#e69f00'],
  ['Negotiation', 0.75, 'Open', 7, 'Expected Close', 'Yes', 45, '#f0e442'],
  ['Closed Won', 1, 'Won', '', 'Value > 0, Expected Close', 'No', '', '#009e73'],
  ['Closed Lost', 0, 'Lost', '', 'Lost Reason', 'No', '', '#d55e00'],
];

/** Columns of the stage table on the settings tab (A:H); named settings and targets sit to its right. */
export const STAGE_TABLE_WIDTH = SETTINGS_HEADERS.length;

export interface SettingsProblem {
  /** A1 reference, e.g. "'Pipeline Settings'!B4", or "Pipeline Settings" for the whole table. */
  readonly cell: string;
  readonly message: string;
}

export interface StageTableParse {
  readonly table: StageTable;
  readonly problems: readonly SettingsProblem[];
}

export interface StageTableSource {
  /** How cells are named in messages: a tab name, or an argument name. */
  readonly name: string;
  /** Sheet row and column (1-based) of the grid's top-left cell, for A1 references; absent for arguments. */
  readonly origin?: { row: number; column: number };
  /** The settings tab needs Won and Lost stages; a function's table needs only what it uses. */
  readonly requireClosedStages: boolean;
}

type Field =
  'stage' | 'probability' | 'outcome' | 'staleAfter' | 'requirements' | 'nextStepRequired' | 'cleanupAfter' | 'color';
const FIELD_BY_HEADER: Record<string, Field> = {
  stage: 'stage',
  stagename: 'stage',
  name: 'stage',
  winprobability: 'probability',
  probability: 'probability',
  winprob: 'probability',
  prob: 'probability',
  'probability%': 'probability',
  'winprobability%': 'probability',
  outcome: 'outcome',
  type: 'outcome',
  status: 'outcome',
  staleafter: 'staleAfter',
  staleafterdays: 'staleAfter',
  staledays: 'staleAfter',
  staleafterday: 'staleAfter',
  entryrequirements: 'requirements',
  requirements: 'requirements',
  entrycriteria: 'requirements',
  criteria: 'requirements',
  nextsteprequired: 'nextStepRequired',
  requiresnextstep: 'nextStepRequired',
  nextstep: 'nextStepRequired',
  cleanupafter: 'cleanupAfter',
  cleanupafterdays: 'cleanupAfter',
  cleanupdays: 'cleanupAfter',
  color: 'color',
  colour: 'color',
  stagecolor: 'color',
  stagecolour: 'color',
};
const POSITIONAL: Field[] = [
  'stage',
  'probability',
  'outcome',
  'staleAfter',
  'requirements',
  'nextStepRequired',
  'cleanupAfter',
  'color',
];

/** Where a settings header row puts the Stage and Color columns (0-based); undefined when it is no header. */
export function stageAndColorColumns(
  row: readonly CellValue[],
): { stage: number; color: number | undefined } | undefined {
  const f = headerFields(row);
  return f ? { stage: f.stage as number, color: f.color } : undefined;
}

function headerFields(row: readonly CellValue[]): Partial<Record<Field, number>> | undefined {
  const found: Partial<Record<Field, number>> = {};
  row.forEach((cell, i) => {
    const f = FIELD_BY_HEADER[foldHeader(readText(cell))];
    if (f !== undefined && found[f] === undefined) found[f] = i;
  });
  return found.stage !== undefined && found.probability !== undefined ? found : undefined;
}

function parseOutcome(v: CellValue): Outcome | undefined {
  const t = readText(v).toLowerCase();
  if (t === 'open') return 'Open';
  if (t === 'won' || t === 'win') return 'Won';
  if (t === 'lost' || t === 'lose') return 'Lost';
  return undefined;
}

export function parseStageTable(grid: CellGrid, source: StageTableSource): StageTableParse {
  const problems: SettingsProblem[] = [];
  const cellName = (r: number, c: number): string =>
    source.origin
      ? `'${source.name}'!${columnLetter(source.origin.column - 1 + c)}${source.origin.row + r}`
      : `row ${r + 1} of ${source.name}`;
  const header = grid.length > 0 ? headerFields(grid[0] as CellValue[]) : undefined;
  const fields: Partial<Record<Field, number>> = header ?? Object.fromEntries(POSITIONAL.map((f, i) => [f, i]));
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  const hasOutcome = fields.outcome !== undefined && fields.outcome < width;
  const stages: Stage[] = [];
  /** Grid row of each stage, for messages. */
  const stageRows: number[] = [];
  const seen = new Map<string, number>();
  for (let r = header ? 1 : 0; r < grid.length; r++) {
    const row = grid[r] as CellValue[];
    if (row.every(isBlank)) continue;
    const at = (f: Field): CellValue => (fields[f] === undefined ? '' : row[fields[f] as number]);
    const col = (f: Field): number => fields[f] ?? 0;
    const name = readText(at('stage'));
    if (name === '') {
      problems.push({ cell: cellName(r, col('stage')), message: 'stage name is blank' });
      continue;
    }
    const folded = foldStageName(name);
    if (seen.has(folded)) {
      problems.push({
        cell: cellName(r, col('stage')),
        message: `stage "${name}" is listed twice (first at ${cellName(seen.get(folded) as number, col('stage'))})`,
      });
      continue;
    }
    seen.set(folded, r);
    const probability = readProbability(at('probability'));
    if (probability === undefined) {
      problems.push({
        cell: cellName(r, col('probability')),
        message: `win probability of "${name}" is ${describeValue(at('probability'))}; use 0-100% (e.g. 35% or 0.35)`,
      });
    }
    let outcome: Outcome = outcomeFromName(name);
    if (hasOutcome) {
      const parsed = parseOutcome(at('outcome'));
      if (parsed === undefined) {
        problems.push({
          cell: cellName(r, col('outcome')),
          message: `outcome of "${name}" is ${describeValue(at('outcome'))}; use Open, Won or Lost`,
        });
      } else outcome = parsed;
    }
    let staleAfter: number | null = null;
    if (!isBlank(at('staleAfter'))) {
      const n = readNumber(at('staleAfter'));
      if (n === undefined || n < 1 || !Number.isInteger(n)) {
        problems.push({
          cell: cellName(r, col('staleAfter')),
          message: `stale after for "${name}" is ${describeValue(at('staleAfter'))}; use a whole number of days (1 or more), or leave it blank`,
        });
      } else if (outcome === 'Open') staleAfter = n;
    }
    let requirements: Requirement[] = [];
    const reqText = readText(at('requirements'));
    if (reqText !== '') {
      const parsed = parseRequirements(reqText);
      if (parsed.ok) requirements = parsed.requirements;
      else problems.push({ cell: cellName(r, col('requirements')), message: `${parsed.error} for "${name}"` });
    }
    const nextStepRequired = readYesNo(at('nextStepRequired'));
    if (nextStepRequired === undefined)
      problems.push({
        cell: cellName(r, col('nextStepRequired')),
        message: `next step required for "${name}" is ${describeValue(at('nextStepRequired'))}; use Yes or No, or leave it blank (No)`,
      });
    let cleanupAfter: number | null = null;
    if (!isBlank(at('cleanupAfter'))) {
      const n = readNumber(at('cleanupAfter'));
      if (n === undefined || n < 1 || !Number.isInteger(n)) {
        problems.push({
          cell: cellName(r, col('cleanupAfter')),
          message: `clean up after for "${name}" is ${describeValue(at('cleanupAfter'))}; use a whole number of days (1 or more), or leave it blank`,
        });
      } else if (outcome === 'Open') cleanupAfter = n;
    }
    const color = readColor(at('color'));
    if (color === undefined)
      problems.push({
        cell: cellName(r, col('color')),
        message: `color of "${name}" is ${describeValue(at('color'))}; use a hex color like #e69f00, or leave it blank`,
      });
    stages.push({
      name,
      index: stages.length,
      probability: probability ?? 0,
      outcome,
      staleAfter,
      requirements,
      nextStepRequired: (nextStepRequired ?? false) && outcome === 'Open',
      cleanupAfter,
      color: color ?? null,
    });
    stageRows.push(r);
  }
  problems.push(...openAfterClosed(stages, (k) => cellName(stageRows[k] as number, fields.stage ?? 0)));
  if (stages.length === 0) problems.push({ cell: source.name, message: 'no stages are listed' });
  if (source.requireClosedStages && stages.length > 0) {
    if (!stages.some((s) => s.outcome === 'Won'))
      problems.push({ cell: source.name, message: 'no stage has the outcome Won' });
    if (!stages.some((s) => s.outcome === 'Lost'))
      problems.push({ cell: source.name, message: 'no stage has the outcome Lost' });
  }
  if (!stages.some((s) => s.outcome === 'Open') && stages.length > 0)
    problems.push({ cell: source.name, message: 'no stage has the outcome Open' });
  return { table: makeStageTable(stages), problems };
}

/** Yes/No cells: blank is No; a checkbox's true/false counts. Undefined when unreadable. */
function readYesNo(v: CellValue): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const t = readText(v).toLowerCase();
  if (t === '' || t === 'no' || t === 'n' || t === 'false') return false;
  if (t === 'yes' || t === 'y' || t === 'true') return true;
  return undefined;
}

/** "#RGB" or "#RRGGBB" as lower-case "#rrggbb"; blank is null; undefined when unreadable. */
function readColor(v: CellValue): string | null | undefined {
  const t = readText(v).toLowerCase();
  if (t === '') return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(t);
  if (!m) return undefined;
  const hex = m[1] as string;
  return `#${hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex}`;
}

/**
 * Pipeline order is the funnel's order: a deal in a later stage reached every stage before it. An
 * open stage listed after a Won or Lost stage would make its deals count as having reached Won, so
 * the open stages must come first, then the closed ones.
 */
function openAfterClosed(stages: readonly Stage[], cellOf: (k: number) => string): SettingsProblem[] {
  const firstClosed = stages.findIndex((s) => s.outcome !== 'Open');
  if (firstClosed < 0) return [];
  const closed = stages[firstClosed] as Stage;
  return stages
    .filter((s) => s.outcome === 'Open' && s.index > firstClosed)
    .map((s) => ({
      cell: cellOf(s.index),
      message: `open stage "${s.name}" is listed after the ${closed.outcome} stage "${closed.name}" (${cellOf(firstClosed)}); list the open stages first, in pipeline order, then the Won and Lost stages`,
    }));
}

let defaultTable: StageTable | undefined;

export function defaultStageTable(): StageTable {
  if (!defaultTable)
    defaultTable = parseStageTable(DEFAULT_STAGE_ROWS, { name: 'default stages', requireClosedStages: true }).table;
  return defaultTable;
}

export function formatProblems(problems: readonly SettingsProblem[]): string {
  return problems.map((p) => `${p.cell}: ${p.message}`).join('\n');
}
