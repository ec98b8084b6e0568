/**
 * The stage-color rules on the Deals tab's Stage column (planned in src/core/stage-color-rules.ts):
 * the user's own conditional-format rules are kept as they are, in their order; only the add-on's
 * rules (recorded in a document property) are replaced, and nothing is written when they are
 * already right.
 */
import { planStageRules, RuleFacts } from '../core/stage-color-rules';
import { StageTable } from '../core/stages';
import { DocumentProperties, Range, Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';
import { PROPERTY_KEYS } from './property-keys';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

function factsOf(rule: Rule): RuleFacts {
  const cond = rule.getBooleanCondition();
  return {
    type: cond ? String(cond.getCriteriaType()) : null,
    values: cond ? cond.getCriteriaValues() : [],
    background: cond ? cond.getBackground() : null,
    fontColor: cond ? cond.getFontColor() : null,
    ranges: rule.getRanges().map((r) => r.getA1Notation()),
  };
}

function ownedSignatures(props: DocumentProperties): Set<string> {
  try {
    const list: unknown = JSON.parse(props.getProperty(PROPERTY_KEYS.stageColorRules) ?? '[]');
    return new Set(Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : []);
  } catch {
    return new Set();
  }
}

/** The Stage column's data cells, header excluded, to the sheet's last row. */
export function stageColumnRange(sheet: Sheet, stageCol: number): Range {
  return sheet.getRange(FIRST_DATA_ROW, stageCol + 1, Math.max(1, sheet.getMaxRows() - HEADER_ROW), 1);
}

/** Puts the stage-color rules in place; returns whether anything was written. */
export function applyStageColorRules(
  sheet: Sheet,
  stageCol: number,
  table: StageTable,
  props: DocumentProperties,
): boolean {
  const existing = sheet.getConditionalFormatRules();
  const range = stageColumnRange(sheet, stageCol);
  const plan = planStageRules(existing.map(factsOf), table, range.getA1Notation(), ownedSignatures(props));
  if (plan.unchanged) return false;
  const ours = plan.rules.map((r) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo(r.stage)
      .setBackground(r.background)
      .setFontColor(r.text)
      .setRanges([range])
      .build(),
  );
  const kept = plan.keep.map((i) => existing[i] as Rule);
  // Recorded before the write (old and new), so rules written by a run that fails after it are still known as ours.
  const owned = ownedSignatures(props);
  props.setProperty(PROPERTY_KEYS.stageColorRules, JSON.stringify([...new Set([...owned, ...plan.signatures])]));
  sheet.setConditionalFormatRules([...kept.slice(0, plan.insertAt), ...ours, ...kept.slice(plan.insertAt)]);
  props.setProperty(PROPERTY_KEYS.stageColorRules, JSON.stringify(plan.signatures));
  return true;
}
