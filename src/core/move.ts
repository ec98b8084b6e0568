/**
 * A stage move asked for in the sidebar: checked against the deal as it is now, gated by the entry
 * requirements, with overrides that need a written note and Lost moves that need a reason.
 */
import { checkMove, MoveCheck } from './gates';
import { HistoryRecord, Via } from './history';
import { CellWrites } from './write-plan';
import { DealCells } from './requirements';
import { Stage, StageTable, foldStageName, stageNames } from './stages';
import { isBlank } from './values';
import type { MoveDealRequest } from '../shared/sidebar-api';

export type MovePlan =
  | {
      ok: true;
      from: Stage | undefined;
      to: Stage;
      check: MoveCheck;
      note: string;
      lostReason: string | undefined;
      overridden: boolean;
    }
  | { ok: false; reason: string; missing: readonly string[] };

const refuse = (reason: string, missing: readonly string[] = []): MovePlan => ({ ok: false, reason, missing });

export function planMove(
  table: StageTable,
  currentStageText: string,
  cells: DealCells,
  req: MoveDealRequest,
): MovePlan {
  if (foldStageName(currentStageText) !== foldStageName(req.expectedStage)) {
    return refuse(
      `This deal's stage changed to "${currentStageText || '(blank)'}" since the sidebar read it (it showed "${req.expectedStage || '(blank)'}"). Refresh and try again.`,
    );
  }
  const to = table.find(req.toStage);
  if (!to) return refuse(`"${req.toStage}" is not a stage (known: ${stageNames(table)}).`);
  const from = currentStageText === '' ? undefined : table.find(currentStageText);
  if (from && from.index === to.index) return refuse(`The deal is already in ${to.name}.`);
  const lostReason = to.outcome === 'Lost' ? req.lostReason.trim() : undefined;
  if (to.outcome === 'Lost' && lostReason === '' && isBlank(cells('lostReason'))) {
    return refuse(`Moving to ${to.name} needs a lost reason.`);
  }
  const withReason: DealCells = lostReason ? (k) => (k === 'lostReason' ? lostReason : cells(k)) : cells;
  const check = checkMove(table, from, to, withReason);
  const note = req.note.trim();
  if (!check.allMet) {
    if (!req.override) return refuse(`Moving to ${to.name} needs: ${check.missing.join(', ')}.`, check.missing);
    if (note === '')
      return refuse('An override needs a written note saying why the requirements are skipped.', check.missing);
  }
  return { ok: true, from, to, check, note, lostReason: lostReason || undefined, overridden: !check.allMet };
}

/** The Note written to Stage History for a move. */
export function historyNote(plan: Extract<MovePlan, { ok: true }>): string {
  const parts: string[] = [];
  if (plan.overridden) parts.push(`OVERRIDE (missing: ${plan.check.missing.join(', ')})`);
  if (plan.lostReason) parts.push(`Lost reason: ${plan.lostReason}`);
  if (plan.note) parts.push(plan.note);
  return parts.join('. ');
}

export type AcceptedMove = Extract<MovePlan, { ok: true }>;

/**
 * What an accepted move writes: Stage, Stage Entered and Last Activity (today), the lost reason when
 * one was given, and one history row. The plan refuses if the Stage cell no longer holds `stageText`.
 */
export function moveWrites(
  plan: AcceptedMove,
  deal: { id: string; name: string; stageText: string },
  today: Date,
  now: Date,
  changedBy: string,
  via: Via = 'sidebar',
): { cells: CellWrites; was: CellWrites; history: HistoryRecord } {
  const cells: CellWrites = { stage: plan.to.name, stageEntered: today, lastActivity: today };
  if (plan.lostReason) cells.lostReason = plan.lostReason;
  const history: HistoryRecord = {
    at: now,
    dealId: deal.id,
    deal: deal.name,
    from: plan.from ? plan.from.name : '',
    to: plan.to.name,
    changedBy,
    via,
    note: historyNote(plan),
  };
  return { cells, was: { stage: deal.stageText }, history };
}
