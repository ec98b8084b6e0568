/**
 * Stale rows are highlighted by one conditional-format rule on the Health column (text starting
 * with "Stale:"), so users' own colours are never overwritten. Kept once, alongside their rules.
 */
import { Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';

export const STALE_COLOR = '#fce8e6';
const PREFIX = 'Stale:';

type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export function ensureStaleHighlight(sheet: Sheet, healthCol: number): void {
  const rules = sheet.getConditionalFormatRules();
  const range = sheet.getRange(FIRST_DATA_ROW, healthCol + 1, Math.max(1, sheet.getMaxRows() - HEADER_ROW), 1);
  const isOurs = (r: Rule): boolean => {
    const ranges = r.getRanges();
    return (
      ranges.length === 1 &&
      (ranges[0] as GoogleAppsScript.Spreadsheet.Range).getColumn() === healthCol + 1 &&
      ruleText(r) === PREFIX
    );
  };
  const mine = rules.filter(isOurs);
  if (mine.length === 1 && (mine[0] as Rule).getRanges()[0]?.getA1Notation() === range.getA1Notation()) return;
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenTextStartsWith(PREFIX)
    .setBackground(STALE_COLOR)
    .setRanges([range])
    .build();
  sheet.setConditionalFormatRules([...rules.filter((r) => !isOurs(r)), rule]);
}

function ruleText(r: Rule): string | undefined {
  const cond = r.getBooleanCondition?.();
  if (!cond) return undefined;
  const values = cond.getCriteriaValues();
  return typeof values[0] === 'string' ? values[0] : undefined;
}
