/**
 * Priority (#12.3): which open deals to work first, as a score from 0 to 100 with its reasons.
 *
 *   score = 100 x (wV x value + wC x close + wS x stage + wT x stale + wF x followUp) / (wV + wC + wS + wT + wF)
 *
 * Each factor is 0..1:
 * - value: the deal's weighted value (Value x its Probability, else its stage's) / the largest
 *   weighted value among the open deals scored together (0 when that is 0 or less; negatives 0);
 * - close: 1 when Expected Close is today or past, falling linearly to 0 at the close horizon
 *   (days ahead); 0 beyond it or without a date;
 * - stage: the stage's position among the open stages / their number (Lead Generation 1/5 ... Negotiation 5/5);
 * - stale: 0 while fresh; when stale, the days over the stage's Stale after / that limit, at most 1
 *   (full at twice the limit; a limit of 0 counts 1 as soon as stale);
 * - followUp: days Next Step Due is past (due before today) / FOLLOW_UP_FULL_DAYS, at most 1.
 * The weights w are named settings; all weights 0 gives every deal 0. Scores are rounded to one decimal.
 * Closed deals have no score. The reasons are the factors that added to the score, largest
 * contribution first, the value and the stage said together ("$48k in Negotiation").
 */
import { overdueDays } from './follow-ups';
import { weightedValue } from './weighted-value';
import { CalendarDay } from './calendar';
import { DealRecord } from './deals';
import type { NamedSettings, NumberSetting } from './named-settings';
import { staleness } from './staleness';
import { StageTable } from './stages';

/** Hoisted: per-row code reads no global (src/core/numbers.ts). */
const round = Math.round;

const weight = (what: string, defaultValue: number, help: string): NumberSetting => ({
  label: `Priority weight: ${what}`,
  defaultValue,
  min: 0,
  max: 100,
  integer: false,
  help,
});

export const PRIORITY_WEIGHT_VALUE = weight('value', 30, "How much a deal's weighted value counts in its priority.");
export const PRIORITY_WEIGHT_CLOSE = weight(
  'close date',
  25,
  'How much a near (or passed) Expected Close counts in priority.',
);
export const PRIORITY_WEIGHT_STAGE = weight(
  'stage',
  20,
  'How much a later stage counts (Negotiation before Lead Generation).',
);
export const PRIORITY_WEIGHT_STALE = weight('staleness', 10, 'How much being stale (days past Stale after) counts.');
export const PRIORITY_WEIGHT_FOLLOW_UP = weight('follow-up', 15, 'How much an overdue Next Step Due counts.');
export const PRIORITY_CLOSE_HORIZON: NumberSetting = {
  label: 'Priority close horizon (days)',
  defaultValue: 30,
  min: 1,
  max: 365,
  integer: true,
  help: 'Deals closing within this many days gain priority, more the sooner they close.',
};

/** Days overdue at which the follow-up factor is full. */
export const FOLLOW_UP_FULL_DAYS = 7;

/** The weights divided by their sum (all 0 when they sum to 0), and the close horizon. */
export interface PriorityWeights {
  readonly value: number;
  readonly close: number;
  readonly stage: number;
  readonly stale: number;
  readonly followUp: number;
  readonly horizon: number;
}

export function priorityWeights(settings: NamedSettings): PriorityWeights {
  const v = settings.value(PRIORITY_WEIGHT_VALUE);
  const c = settings.value(PRIORITY_WEIGHT_CLOSE);
  const s = settings.value(PRIORITY_WEIGHT_STAGE);
  const t = settings.value(PRIORITY_WEIGHT_STALE);
  const f = settings.value(PRIORITY_WEIGHT_FOLLOW_UP);
  const sum = v + c + s + t + f;
  const k = sum > 0 ? 100 / sum : 0;
  return {
    value: v * k,
    close: c * k,
    stage: s * k,
    stale: t * k,
    followUp: f * k,
    horizon: settings.value(PRIORITY_CLOSE_HORIZON),
  };
}

/** Per stage index: its position among the open stages / their number; 0 for closed stages. */
export function stageFactors(table: StageTable): Float64Array {
  const out = new Float64Array(table.stages.length);
  let open = 0;
  for (const s of table.stages) if (s.outcome === 'Open') open++;
  let rank = 0;
  for (const s of table.stages) if (s.outcome === 'Open') out[s.index] = ++rank / open;
  return out;
}

export function valueFactor(weighted: number, largest: number): number {
  return largest > 0 && weighted > 0 ? weighted / largest : 0;
}

/** `closeIn`: days from today to Expected Close (negative: passed; NaN: no date). */
export function closeFactor(closeIn: number, horizon: number): number {
  if (closeIn !== closeIn || closeIn >= horizon) return 0;
  return closeIn <= 0 ? 1 : 1 - closeIn / horizon;
}

/** `days` since the last touch against the stage's limit (NaN: no limit or no date). */
export function staleFactor(days: number, limit: number): number {
  if (!(days > limit)) return 0;
  if (!(limit > 0)) return 1;
  const x = (days - limit) / limit;
  return x < 1 ? x : 1;
}

/** `overdue`: days Next Step Due is before today (0 or less, or NaN: not overdue). */
export function followUpFactor(overdue: number): number {
  return overdue > 0 ? (overdue >= FOLLOW_UP_FULL_DAYS ? 1 : overdue / FOLLOW_UP_FULL_DAYS) : 0;
}

/** Rounded to one decimal. */
export function roundScore(x: number): number {
  return round(x * 10) / 10;
}

export type PriorityFactor = 'value' | 'close' | 'stage' | 'stale' | 'followUp';

export interface DealPriority {
  readonly deal: DealRecord;
  readonly score: number;
  /** Each factor's points (weight x factor), summing to the score before rounding. */
  readonly points: Readonly<Record<PriorityFactor, number>>;
  readonly closeIn: number;
  readonly staleDays: number;
  readonly overdue: number;
  readonly reason: string;
}

/**
 * The open deals' priorities, highest first (ties: larger weighted value, then sheet row). The
 * value factor compares each deal with the largest weighted value among `deals`' open deals, so
 * pass the whole pipeline even when showing one owner's deals.
 */
export function prioritize(
  deals: readonly DealRecord[],
  table: StageTable,
  today: CalendarDay,
  w: PriorityWeights,
): DealPriority[] {
  const stageOf = stageFactors(table);
  let largest = 0;
  for (const d of deals) if (d.stage.outcome === 'Open') largest = Math.max(largest, weightedValue(d));
  const out: DealPriority[] = [];
  for (const d of deals) {
    if (d.stage.outcome !== 'Open') continue;
    const closeIn = d.expectedClose - today;
    const s = staleness(d, today);
    const staleDays = s.kind === 'stale' ? s.days : NaN;
    const overdue = overdueDays(d, today);
    const points = {
      value: w.value * valueFactor(weightedValue(d), largest),
      close: w.close * closeFactor(closeIn, w.horizon),
      stage: w.stage * (stageOf[d.stage.index] as number),
      stale: s.kind === 'stale' ? w.stale * staleFactor(s.days, s.limit) : 0,
      followUp: w.followUp * followUpFactor(overdue),
    };
    const score = roundScore(points.value + points.close + points.stage + points.stale + points.followUp);
    out.push({ deal: d, score, points, closeIn, staleDays, overdue, reason: '' });
  }
  out.sort((a, b) => b.score - a.score || weightedValue(b.deal) - weightedValue(a.deal) || a.deal.row - b.deal.row);
  return out.map((p) => ({ ...p, reason: priorityReason(p) }));
}

/** "$950", "$12.5k", "$48k", "$1.2M": money in a few characters. */
export function compactMoney(n: number): string {
  const sign = n < 0 ? '-' : '';
  const a = Math.abs(n);
  const short = (x: number, unit: string): string =>
    `${sign}$${x >= 100 ? Math.round(x) : Math.round(x * 10) / 10}${unit}`;
  if (a >= 999_950) return short(a / 1e6, 'M');
  if (a >= 1000) return short(a / 1000, 'k');
  return `${sign}$${Math.round(a)}`;
}

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** The reasons, largest contribution first: "$48k in Negotiation, closes in 6 days, follow-up overdue 3 days". */
export function priorityReason(p: Omit<DealPriority, 'reason'>): string {
  const d = p.deal;
  const phrases: { points: number; text: string }[] = [];
  const { value, stage } = p.points;
  if (value > 0 && stage > 0)
    phrases.push({ points: Math.max(value, stage), text: `${compactMoney(d.value)} in ${d.stage.name}` });
  else if (value > 0) phrases.push({ points: value, text: compactMoney(d.value) });
  else if (stage > 0) phrases.push({ points: stage, text: `in ${d.stage.name}` });
  if (p.points.close > 0) {
    const n = p.closeIn;
    const text =
      n > 0 ? `closes in ${plural(n, 'day')}` : n === 0 ? 'closes today' : `close date passed ${plural(-n, 'day')} ago`;
    phrases.push({ points: p.points.close, text });
  }
  if (p.points.stale > 0)
    phrases.push({ points: p.points.stale, text: `no activity for ${plural(p.staleDays, 'day')}` });
  if (p.points.followUp > 0)
    phrases.push({ points: p.points.followUp, text: `follow-up overdue ${plural(p.overdue, 'day')}` });
  // Stable sort: equal points keep the order above.
  phrases.sort((a, b) => b.points - a.points);
  const text = phrases.map((x) => x.text).join(', ');
  return text === '' ? 'no priority signals' : text.charAt(0).toUpperCase() + text.slice(1);
}
