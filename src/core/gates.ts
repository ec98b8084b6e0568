/**
 * Which requirements a move needs (DOMAIN.md "Forward moves are gated"), and whether they are met.
 */
import { DealCells, Requirement, isMet } from './requirements';
import { Stage, StageTable } from './stages';

export type MoveKind = 'same' | 'forward' | 'win' | 'lose' | 'backward' | 'reopen';

export interface GateItem {
  readonly stage: string;
  readonly requirement: Requirement;
  readonly met: boolean;
}

export interface MoveCheck {
  readonly kind: MoveKind;
  readonly items: readonly GateItem[];
  readonly allMet: boolean;
  /** Labels of unmet items, "Budget (Proposal)". */
  readonly missing: readonly string[];
}

/** Stages whose requirements a move from `from` (undefined: no stage yet) to `to` must meet. */
export function stagesToPass(
  table: StageTable,
  from: Stage | undefined,
  to: Stage,
): { kind: MoveKind; stages: Stage[] } {
  if (from && from.index === to.index) return { kind: 'same', stages: [] };
  if (to.outcome === 'Lost') return { kind: 'lose', stages: [to] };
  const fromIndex = from ? from.index : -1;
  if (from && from.outcome !== 'Open') return { kind: 'reopen', stages: to.outcome === 'Won' ? [to] : [] };
  if (to.outcome === 'Won') {
    const passed = table.stages.filter((s) => s.outcome === 'Open' && s.index > fromIndex);
    return { kind: 'win', stages: [...passed, to] };
  }
  if (to.index < fromIndex) return { kind: 'backward', stages: [] };
  const passed = table.stages.filter((s) => s.outcome === 'Open' && s.index > fromIndex && s.index <= to.index);
  return { kind: 'forward', stages: passed };
}

export function checkMove(table: StageTable, from: Stage | undefined, to: Stage, cells: DealCells): MoveCheck {
  const { kind, stages } = stagesToPass(table, from, to);
  const items: GateItem[] = [];
  for (const stage of stages) {
    for (const requirement of stage.requirements)
      items.push({ stage: stage.name, requirement, met: isMet(requirement, cells) });
  }
  const missing = items.filter((i) => !i.met).map((i) => `${i.requirement.label} (${i.stage})`);
  return { kind, items, allMet: missing.length === 0, missing };
}

/**
 * Requirements a deal sitting in `stage` should have met on its way there: those of every open
 * stage up to and including its own (for a Won deal, all open stages and Won's own). Used to mark
 * deals whose stage was typed in past their requirements.
 */
export function unmetForCurrentStage(table: StageTable, stage: Stage, cells: DealCells): string[] {
  return checkMove(table, undefined, stage, cells).missing.slice();
}
