/**
 * The add-on's conditional-format rules on the Deals tab's Stage column (#14), planned among the
 * sheet's other rules. One rule per stage: text exactly the stage name -> its background and text
 * color.
 *
 * Ownership: a rule is the add-on's when it is a "text is exactly" rule on a single range whose
 * (text, background, text color) is one the add-on recorded when it last wrote its rules (a document
 * property). Every other rule is the user's and is kept as it is, in its order: a user's own rule on
 * the Stage column, or one of ours the user recoloured in Sheets, is never replaced or removed.
 *
 * Order: Sheets gives a cell the format of the first rule (top of the list) that matches it. New
 * rules go after all of the user's rules, so a team's own formatting wins over the stage colors;
 * later updates put ours back where the first of them was (a user who moved them up keeps that).
 */
import { StageTable } from './stages';
import { stageColors } from './stage-colors';

export interface StageRule {
  readonly stage: string;
  readonly background: string;
  readonly text: string;
}

/** What the planner needs to know of an existing rule. */
export interface RuleFacts {
  /** The boolean criteria type's name ("TEXT_EQUAL_TO", ...); null for gradient rules. */
  readonly type: string | null;
  readonly values: readonly unknown[];
  readonly background: string | null;
  readonly fontColor: string | null;
  /** A1 notation of each range the rule applies to. */
  readonly ranges: readonly string[];
}

export interface RulePlan {
  /** Indexes of the existing rules to keep, in order. */
  readonly keep: number[];
  /** Where ours go in the kept list (0 = before all kept rules). */
  readonly insertAt: number;
  readonly rules: StageRule[];
  /** The record of our rules to store after writing. */
  readonly signatures: string[];
  /** Our rules are already exactly these, on the target range, in one block: write nothing. */
  readonly unchanged: boolean;
}

const SEP = '\u001f';
const lower = (s: string | null): string => (s ?? '').toLowerCase();

export function signatureOf(rule: StageRule): string {
  return [rule.stage, lower(rule.background), lower(rule.text)].join(SEP);
}

function factsSignature(f: RuleFacts): string | undefined {
  if (f.type !== 'TEXT_EQUAL_TO' || f.ranges.length !== 1 || typeof f.values[0] !== 'string') return undefined;
  return [f.values[0], lower(f.background), lower(f.fontColor)].join(SEP);
}

export function isOwnedRule(f: RuleFacts, owned: ReadonlySet<string>): boolean {
  const sig = factsSignature(f);
  return sig !== undefined && owned.has(sig);
}

/** One rule per stage of the table, in pipeline order. */
export function stageRules(table: StageTable): StageRule[] {
  const colors = stageColors(table);
  return table.stages.map((s, i) => {
    const c = colors[i] as { background: string; text: string };
    return { stage: s.name, background: c.background, text: c.text };
  });
}

/**
 * Which existing rules stay, and where the stage rules go. `target` is the A1 notation of the Stage
 * column's data range; `owned` the recorded signatures of the add-on's rules.
 */
export function planStageRules(
  existing: readonly RuleFacts[],
  table: StageTable,
  target: string,
  owned: ReadonlySet<string>,
): RulePlan {
  const rules = stageRules(table);
  const signatures = rules.map(signatureOf);
  const keep: number[] = [];
  let insertAt = -1;
  const ours: number[] = [];
  existing.forEach((f, i) => {
    if (isOwnedRule(f, owned)) {
      if (insertAt < 0) insertAt = keep.length;
      ours.push(i);
    } else keep.push(i);
  });
  const contiguous = ours.every((k, j) => j === 0 || k === (ours[j - 1] as number) + 1);
  const unchanged =
    ours.length === rules.length &&
    contiguous &&
    ours.every((k, j) => {
      const f = existing[k] as RuleFacts;
      return factsSignature(f) === signatures[j] && f.ranges[0] === target;
    });
  return { keep, insertAt: insertAt < 0 ? keep.length : insertAt, rules, signatures, unchanged };
}
