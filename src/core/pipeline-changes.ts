/**
 * The weekly review ("what changed"): each deal's state at the start and at the end of a period,
 * reconstructed by rolling its Stage History back from its current cells, and the change between
 * them by category, reconciling exactly:
 *
 *   open pipeline at start + new + increases - decreases - won - lost = open pipeline at end
 *
 * Method: a deal's stage, Value and Expected Close at the end of day D are its current ones, unless
 * history has a change of that item after day D: then it is the From of the earliest such change
 * (what the cell held just before it). "Start" is the end of the day before `from`, "end" the end of
 * `to`. A deal exists at D when its Created day is on or before D (when filled) and the earliest stage
 * move after D is not its first (a blank From not made by setup's import). What it cannot see: edits
 * not logged (values changed by other scripts or by import; deals deleted from the Deals tab; a pasted
 * Value whose old value was unknown), and stage rows whose From is not a known stage (skipped). Money
 * is summed in whole cents, so the identity holds to the cent.
 */
import { CalendarDay, DayReader, MS_PER_DAY, readDay } from './calendar';
import { fieldNumber, fieldOf, UNKNOWN_BEFORE } from './field-history';
import { StageTable } from './stages';
import { CellGrid, CellValue, isBlank, readText } from './values';

/** The deals as they are now, one index per deal. */
export interface DealsNowArrays {
  readonly size: number;
  /** Current stage index in the table (a known stage). */
  readonly stage: Int32Array;
  /** Current Value (blank = 0). */
  readonly value: Float64Array;
  /** Current Expected Close day; NaN when blank. */
  readonly close: Float64Array;
  /** Created day; NaN when blank (then the deal existed unless its history starts later). */
  readonly created: Float64Array;
}

export interface Tally {
  deals: number;
  /** Whole cents. */
  cents: number;
}

export interface ChangesReport {
  readonly start: Tally;
  readonly added: Tally;
  readonly increased: Tally;
  readonly decreased: Tally;
  readonly won: Tally;
  readonly lost: Tally;
  readonly end: Tally;
  readonly forward: Tally;
  readonly back: Tally;
  readonly pushed: Tally;
  readonly pulled: Tally;
}

/** The rows of the review: label, deals, signed money (the first seven reconcile: start + rows = end). */
export const CHANGE_LABELS = [
  'Open pipeline at start',
  'New deals',
  'Value increased',
  'Value decreased',
  'Won',
  'Lost',
  'Open pipeline at end',
  'Moved forward',
  'Moved back',
  'Close date pushed out',
  'Close date pulled in',
] as const;

/** The report as table rows [label, deals, money]; decreases, won and lost carry a minus sign. */
export function changeRows(r: ChangesReport): [string, number, number][] {
  const t: [Tally, number][] = [
    [r.start, 1],
    [r.added, 1],
    [r.increased, 1],
    [r.decreased, -1],
    [r.won, -1],
    [r.lost, -1],
    [r.end, 1],
    [r.forward, 1],
    [r.back, 1],
    [r.pushed, 1],
    [r.pulled, 1],
  ];
  return t.map(([x, sign], k) => [CHANGE_LABELS[k] as string, x.deals, (sign * x.cents) / 100 || 0]);
}

const NOT_YET = -2;
const cents = (v: number): number => (v === v ? Math.round(v * 100) : 0);

/**
 * Collects history events for deals, then reports. `from` and `to` are calendar days (inclusive);
 * events are placed on their calendar day in the spreadsheet's zone.
 */
export class ChangesBuilder {
  private readonly n: number;
  private readonly startCut: number;
  // Per deal, per cutoff (0 = start, 1 = end): the time of the earliest event after the cutoff, and its From.
  private readonly tStage: Float64Array;
  private readonly tValue: Float64Array;
  private readonly tClose: Float64Array;
  private readonly stageAt: Int32Array;
  private readonly valueAt: Float64Array;
  private readonly closeAt: Float64Array;
  /** Deals moved from an open to a closed stage during the period. */
  private readonly closedIn: Uint8Array;

  constructor(
    private readonly deals: DealsNowArrays,
    private readonly table: StageTable,
    readonly from: CalendarDay,
    private readonly to: CalendarDay,
  ) {
    const n = deals.size;
    this.n = n;
    this.startCut = from - 1;
    this.tStage = new Float64Array(2 * n).fill(Infinity);
    this.tValue = new Float64Array(2 * n).fill(Infinity);
    this.tClose = new Float64Array(2 * n).fill(Infinity);
    this.stageAt = new Int32Array(2 * n);
    this.valueAt = new Float64Array(2 * n);
    this.closeAt = new Float64Array(2 * n);
    this.closedIn = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      this.stageAt[i] = this.stageAt[n + i] = deals.stage[i] as number;
      this.valueAt[i] = this.valueAt[n + i] = deals.value[i] as number;
      this.closeAt[i] = this.closeAt[n + i] = deals.close[i] as number;
    }
  }

  /** A stage move of deal i: `fromStage` a stage index, or NOT_YET for a first move (blank From, not an import). */
  stageMove(i: number, day: CalendarDay, at: number, fromStage: number, toStage: number): void {
    const n = this.n;
    if (day > this.startCut) {
      if (at < (this.tStage[i] as number)) {
        this.tStage[i] = at;
        this.stageAt[i] = fromStage;
      }
      if (day > this.to) {
        if (at < (this.tStage[n + i] as number)) {
          this.tStage[n + i] = at;
          this.stageAt[n + i] = fromStage;
        }
      } else if (fromStage >= 0 && this.isOpen(fromStage) && !this.isOpen(toStage)) this.closedIn[i] = 1;
    }
  }

  /** A change of Value (`close` false) or Expected Close (`close` true) of deal i; NaN for a blank old value. */
  fieldChange(i: number, close: boolean, day: CalendarDay, at: number, fromValue: number): void {
    if (day <= this.startCut) return;
    const n = this.n;
    const t = close ? this.tClose : this.tValue;
    const v = close ? this.closeAt : this.valueAt;
    if (at < (t[i] as number)) {
      t[i] = at;
      v[i] = fromValue;
    }
    if (day > this.to && at < (t[n + i] as number)) {
      t[n + i] = at;
      v[n + i] = fromValue;
    }
  }

  private isOpen(stage: number): boolean {
    return stage >= 0 && this.table.stages[stage]?.outcome === 'Open';
  }

  finish(): ChangesReport {
    const tally = (): Tally => ({ deals: 0, cents: 0 });
    const r = {
      start: tally(),
      added: tally(),
      increased: tally(),
      decreased: tally(),
      won: tally(),
      lost: tally(),
      end: tally(),
      forward: tally(),
      back: tally(),
      pushed: tally(),
      pulled: tally(),
    };
    const add = (t: Tally, c: number): void => {
      t.deals++;
      t.cents += c;
    };
    const { n, deals, stageAt, valueAt, closeAt } = this;
    for (let i = 0; i < n; i++) {
      const created = deals.created[i] as number;
      const s0 = created > this.startCut ? NOT_YET : (stageAt[i] as number);
      const s1 = created > this.to ? NOT_YET : (stageAt[n + i] as number);
      const o0 = this.isOpen(s0);
      const o1 = this.isOpen(s1);
      const v0 = cents(valueAt[i] as number);
      const v1 = cents(valueAt[n + i] as number);
      if (o0) add(r.start, v0);
      if (o1) add(r.end, v1);
      if (o0 || o1) {
        if (!o0) add(r.added, v1);
        else {
          if (!o1) add(s1 >= 0 && this.table.stages[s1]?.outcome === 'Won' ? r.won : r.lost, v1);
          if (v1 > v0) add(r.increased, v1 - v0);
          else if (v1 < v0) add(r.decreased, v0 - v1);
        }
      } else if (this.closedIn[i] === 1 && s1 >= 0) {
        // Opened (created or reopened) and closed within the period.
        add(r.added, v1);
        add(this.table.stages[s1]?.outcome === 'Won' ? r.won : r.lost, v1);
      }
      if (o0 && o1) {
        if (s1 > s0) add(r.forward, v1);
        else if (s1 < s0) add(r.back, v1);
        const c0 = closeAt[i] as number;
        const c1 = closeAt[n + i] as number;
        if (c1 > c0) add(r.pushed, v1);
        else if (c1 < c0) add(r.pulled, v1);
      }
    }
    return r;
  }
}

/** Columns of a Stage History row (A:I). */
const AT = 0;
const ID = 1;
const FROM = 3;
const TO = 4;
const VIA = 6;
const NOTE = 7;
const FIELD = 8;

/**
 * Feeds Stage History rows (A:I, header excluded) to the builder: each row of a known deal placed on
 * its day. `bad(i, what)` is told of a row it cannot place (a non-blank row whose Timestamp is no date).
 */
export function feedHistory(
  b: ChangesBuilder,
  rows: CellGrid,
  indexOf: ReadonlyMap<string, number>,
  table: StageTable,
  dayOf: DayReader,
  bad: (row: number, what: string) => void,
): void {
  const known = new Map<CellValue, number>();
  const stageIndex = (v: CellValue): number => {
    let k = known.get(v);
    if (k === undefined) {
      const t = readText(v);
      k = t === '' ? NOT_YET : (table.find(t)?.index ?? -1);
      known.set(v, k);
    }
    return k;
  };
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as CellValue[];
    const idCell = row[ID];
    // The cell as it is first (one lookup); trimmed text only when that misses.
    let i = indexOf.get(idCell as string);
    if (i === undefined) {
      if (isBlank(idCell)) continue;
      i = indexOf.get(readText(idCell));
      if (i === undefined) continue;
    }
    const t = row[AT];
    let at: number;
    let day: CalendarDay;
    if (t instanceof Date) {
      at = t.getTime();
      day = dayOf(t);
    } else {
      // A timestamp typed as a date (text or a serial): its day, ordered by day only.
      const d = isBlank(t) ? undefined : readDay(t, dayOf);
      if (d === undefined) {
        bad(r, isBlank(t) ? 'the Timestamp is blank' : `Timestamp ${JSON.stringify(readText(t))} is not a date`);
        continue;
      }
      day = d;
      at = d * MS_PER_DAY;
    }
    const f = row[FIELD];
    const field =
      f === '' || f === undefined || f === null ? undefined : f === 'Value' || f === 'Expected Close' ? f : fieldOf(f);
    if (field === undefined) {
      if (!isBlank(f) && readText(f).toLowerCase() !== 'stage') continue;
      const to = stageIndex(row[TO]);
      let from = stageIndex(row[FROM]);
      if (from === NOT_YET && readText(row[VIA]) === 'import') from = to;
      if (from === -1 || to === -1) continue; // a name the table does not know: cannot be rolled back
      b.stageMove(i, day, at, from, to);
      continue;
    }
    if (day < b.from) continue; // before the period: changes nothing
    const note = row[NOTE];
    if (note !== '' && readText(note) === UNKNOWN_BEFORE) continue; // records the new value only
    const v = row[FROM];
    const close = field === 'Expected Close';
    const old = close
      ? v instanceof Date
        ? dayOf(v)
        : fieldNumber(field, v, dayOf)
      : typeof v === 'number'
        ? v
        : fieldNumber(field, v, dayOf);
    b.fieldChange(i, close, day, at, old);
  }
}
