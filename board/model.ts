/**
 * The board's view model, pure (tested in test/board/model.test.ts): which cards a filter keeps,
 * the order within a column, and each column's count, total and weighted value.
 */
import type { BoardCard, BoardStage } from '../src/shared/board-api';

export interface BoardFilter {
  /** An owner's name exactly as on the cards; '' for everyone. */
  owner: string;
  /** Words to find in a card's name, company, owner, next step or Deal ID (case-insensitive). */
  text: string;
}

export interface BoardColumn {
  stage: BoardStage;
  cards: BoardCard[];
  count: number;
  total: number;
  weighted: number;
}

export function matches(card: BoardCard, filter: BoardFilter): boolean {
  if (filter.owner !== '' && card.owner !== filter.owner) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = `${card.name}\n${card.company}\n${card.owner}\n${card.nextStep}\n${card.dealId}`.toLowerCase();
  return words.every((w) => hay.includes(w));
}

/**
 * Within a column: cards with a priority first, highest first; then the rest by weighted value,
 * highest first; ties by value, then name, then sheet row (a stable, total order).
 */
export function byPriority(a: BoardCard, b: BoardCard): number {
  const pa = a.priority;
  const pb = b.priority;
  if (pa !== undefined && pb !== undefined && pa !== pb) return pb - pa;
  if (pa !== undefined && pb === undefined) return -1;
  if (pa === undefined && pb !== undefined) return 1;
  if (a.weighted !== b.weighted) return b.weighted - a.weighted;
  if (a.value !== b.value) return b.value - a.value;
  const byName = a.name.localeCompare(b.name);
  return byName !== 0 ? byName : a.row - b.row;
}

/** One column per stage, in pipeline order, holding the cards the filter keeps, sorted. */
export function boardColumns(
  stages: readonly BoardStage[],
  cards: readonly BoardCard[],
  filter: BoardFilter,
): BoardColumn[] {
  const columns = stages.map((stage) => ({ stage, cards: [] as BoardCard[], count: 0, total: 0, weighted: 0 }));
  const at = new Map(stages.map((s, i) => [s.name, i]));
  for (const card of cards) {
    const column = columns[at.get(card.stage) ?? -1];
    if (!column || !matches(card, filter)) continue;
    column.cards.push(card);
    column.count++;
    column.total += card.value;
    column.weighted += card.weighted;
  }
  for (const c of columns) c.cards.sort(byPriority);
  return columns;
}

/** The owners named on the cards, sorted, blanks left out. */
export function ownersOf(cards: readonly BoardCard[]): string[] {
  return [...new Set(cards.map((c) => c.owner).filter((o) => o !== ''))].sort((a, b) => a.localeCompare(b));
}

/** The identity of a card on the board: its Deal ID and the row it was read from. */
export const cardKey = (c: BoardCard): string => `${c.row}\u0000${c.dealId}`;

export const money = (n: number): string =>
  n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
