/** Stages and the stage table: pipeline order, win probability, outcome, staleness, requirements. */
import type { Requirement } from './requirements';

export type Outcome = 'Open' | 'Won' | 'Lost';

export interface Stage {
  readonly name: string;
  /** Position in pipeline order, 0-based. */
  readonly index: number;
  /** Win probability as a fraction 0..1. */
  readonly probability: number;
  readonly outcome: Outcome;
  /** Days without a touch before an open deal is stale; null: never stale. */
  readonly staleAfter: number | null;
  readonly requirements: readonly Requirement[];
  /** Open deals in this stage need a Next Step (follow-ups, #12). */
  readonly nextStepRequired: boolean;
  /** Days without progress before cleanup offers to close an open deal as lost; null: never (#12). */
  readonly cleanupAfter: number | null;
  /** The stage's color as lower-case #rrggbb; null: the palette's color for its position (#14). */
  readonly color: string | null;
}

/** Outcome codes in StageTable.codes. */
export const OPEN = 0;
export const WON = 1;
export const LOST = 2;

export interface StageTable {
  readonly stages: readonly Stage[];
  /** Per stage index: OPEN, WON or LOST (for per-row loops). */
  readonly codes: Uint8Array;
  /** Per stage index: the weight a deal without an override has (won 1, lost 0, open its probability). */
  readonly weights: Float64Array;
  /** Looks a stage up by name, ignoring case and surrounding spaces. */
  find(name: string): Stage | undefined;
}

export function foldStageName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export function makeStageTable(stages: readonly Stage[]): StageTable {
  const byName = new Map<string, Stage>();
  for (const s of stages) byName.set(foldStageName(s.name), s);
  // Raw-text cache: the same cell text repeats across thousands of rows.
  const byRaw = new Map<string, Stage | null>();
  const codes = new Uint8Array(stages.length);
  const weights = new Float64Array(stages.length);
  stages.forEach((s, i) => {
    codes[i] = s.outcome === 'Open' ? OPEN : s.outcome === 'Won' ? WON : LOST;
    weights[i] = s.outcome === 'Open' ? s.probability : s.outcome === 'Won' ? 1 : 0;
  });
  return {
    stages,
    codes,
    weights,
    find(name: string) {
      const hit = byRaw.get(name);
      if (hit !== undefined) return hit ?? undefined;
      const s = byName.get(foldStageName(name));
      if (byRaw.size < 10_000) byRaw.set(name, s ?? null);
      return s;
    },
  };
}

/** Outcome from a stage's name when the table has no Outcome column: "won" / "lost" as words. */
export function outcomeFromName(name: string): Outcome {
  if (/\bwon\b/i.test(name)) return 'Won';
  if (/\blost\b/i.test(name)) return 'Lost';
  return 'Open';
}

export function stageNames(table: StageTable): string {
  return table.stages.map((s) => s.name).join(', ');
}
