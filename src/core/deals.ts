/**
 * Deals tab rows -> deal records. A row that cannot be read is reported as a data problem (its row,
 * column and value) and left out of the figures; nothing is dropped silently.
 */
import { CalendarDay, DayReader, dateProblem, readDay } from './calendar';
import { COLUMN_LABELS, ColumnKey, ColumnMap, DATE_COLUMNS } from './columns';
import { DealSet, dealSetBuilder } from './dealset';
import { CATEGORY_PROBLEM, readCategory } from './forecast-category';
import { DealCells } from './requirements';
import { Stage, StageTable, stageNames } from './stages';
import {
  CellGrid,
  CellValue,
  describeValue,
  isBlank,
  numberProblem,
  readNumber,
  readProbability,
  readText,
} from './values';

export interface DealRecord {
  /** Sheet row, 1-based. */
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly company: string;
  readonly owner: string;
  readonly stage: Stage;
  readonly value: number;
  readonly override: number;
  readonly expectedClose: CalendarDay;
  readonly created: CalendarDay;
  readonly stageEntered: CalendarDay;
  readonly lastActivity: CalendarDay;
  readonly nextStep: string;
  /** NaN when blank or unreadable (an unreadable one is reported, the deal still counts). */
  readonly nextStepDue: CalendarDay;
  /** NaN when blank or unreadable (as nextStepDue). */
  readonly snoozedUntil: CalendarDay;
  readonly snoozeReason: string;
  /** The Forecast Category cell as typed ('' when blank or the column is absent). */
  readonly forecastCategory: string;
  readonly cells: DealCells;
}

/**
 * Dates that describe follow-up work rather than the deal itself: an unreadable one is reported as a
 * data problem, but the deal still counts in every figure (a typo in a follow-up date must not take
 * a deal out of the forecast).
 */
const SOFT_DATE_COLUMNS: readonly ColumnKey[] = ['nextStepDue', 'snoozedUntil'];

export interface DataProblem {
  readonly tab: string;
  readonly row: number;
  readonly column: string;
  readonly value: string;
  readonly problem: string;
}

/** One line for a dialog or the summary: "Deals row 4: Deal ID "D-0001" is also on row 2 (...)". */
export function formatDataProblem(p: DataProblem): string {
  return `${p.tab} row ${p.row}: ${p.column} ${p.value} is ${p.problem}`;
}

export interface DealsParse {
  readonly deals: DealRecord[];
  readonly problems: DataProblem[];
}

export function cellsOf(raw: readonly CellValue[], columns: ColumnMap): DealCells {
  return (key: ColumnKey) => {
    const i = columns[key];
    return i === undefined ? '' : raw[i];
  };
}

export function parseDeals(
  rows: CellGrid,
  columns: ColumnMap,
  table: StageTable,
  readZone: DayReader,
  tab = 'Deals',
  firstRow = 2,
): DealsParse {
  const deals: DealRecord[] = [];
  const problems: DataProblem[] = [];
  const healthCol = columns.health;
  for (let r = 0; r < rows.length; r++) {
    const raw = rows[r] as CellValue[];
    let blank = true;
    for (let c = 0; c < raw.length; c++)
      if (c !== healthCol && !isBlank(raw[c])) {
        blank = false;
        break;
      }
    if (blank) continue;
    const row = firstRow + r;
    const cells = cellsOf(raw, columns);
    const bad = (key: ColumnKey, problem: string): void => {
      problems.push({ tab, row, column: COLUMN_LABELS[key], value: describeValue(cells(key), readZone), problem });
    };
    const before = problems.length;
    const stageText = readText(cells('stage'));
    const stage = stageText === '' ? undefined : table.find(stageText);
    if (columns.stage === undefined) bad('stage', 'the Deals tab has no Stage column');
    else if (stageText === '') bad('stage', 'the stage is blank');
    else if (!stage) bad('stage', `not a known stage (known: ${stageNames(table)})`);
    let value = 0;
    if (!isBlank(cells('value'))) {
      const n = readNumber(cells('value'));
      if (n === undefined) bad('value', numberProblem(cells('value')));
      else value = n;
    }
    let override = NaN;
    if (!isBlank(cells('probability'))) {
      const p = readProbability(cells('probability'));
      if (p === undefined) bad('probability', 'not a probability between 0 and 100%');
      else override = p;
    }
    const dates: Partial<Record<ColumnKey, number>> = {};
    let softProblems = 0;
    for (const key of DATE_COLUMNS) {
      const v = cells(key);
      if (isBlank(v)) {
        dates[key] = NaN;
        continue;
      }
      const d = readDay(v, readZone);
      if (d === undefined) {
        bad(key, dateProblem(v));
        if (SOFT_DATE_COLUMNS.includes(key)) softProblems++;
        dates[key] = NaN;
      } else dates[key] = d;
    }
    // An unknown Forecast Category is reported; the deal counts with its stage's default category.
    if (readCategory(cells('forecastCategory')) === undefined) {
      bad('forecastCategory', CATEGORY_PROBLEM);
      softProblems++;
    }
    if (problems.length - softProblems > before || !stage) continue;
    deals.push({
      row,
      id: readText(cells('dealId')),
      name: readText(cells('deal')),
      company: readText(cells('company')),
      owner: readText(cells('owner')),
      stage,
      value,
      override,
      expectedClose: dates.expectedClose as number,
      created: dates.created as number,
      stageEntered: dates.stageEntered as number,
      lastActivity: dates.lastActivity as number,
      nextStep: readText(cells('nextStep')),
      nextStepDue: dates.nextStepDue as number,
      snoozedUntil: dates.snoozedUntil as number,
      snoozeReason: readText(cells('snoozeReason')),
      forecastCategory: readText(cells('forecastCategory')),
      cells,
    });
  }
  return { deals, problems };
}

/** The day a closed deal closed: when it entered its Won/Lost stage, else its expected close. */
export function closedDay(d: DealRecord): CalendarDay {
  return Number.isNaN(d.stageEntered) ? d.expectedClose : d.stageEntered;
}

export function toDealSet(deals: readonly DealRecord[], table: StageTable): DealSet {
  const b = dealSetBuilder(table, deals.length);
  for (const d of deals)
    b.add(
      d.stage.index,
      d.value,
      d.override,
      d.created,
      d.stage.outcome === 'Open' ? NaN : closedDay(d),
      d.expectedClose,
    );
  return b.finish();
}
