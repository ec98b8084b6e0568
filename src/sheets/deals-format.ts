/**
 * Setup's dropdown, checkboxes and number formats on the Deals tab: adopt, never overwrite. A
 * column that already carries someone's validation, or a "checkbox" column that holds other values
 * (amounts in Budget), is left alone and reported; formats go only on cells that have none.
 */
import { CHECKBOX_COLUMNS, COLUMN_LABELS, ColumnKey, ColumnMap, DATE_COLUMNS, MONEY_COLUMNS } from '../core/columns';
import { CellValue, describeValue, isBlank } from '../core/values';
import { isDefaultNumberFormat } from '../core/number-formats';
import { Range, Sheet } from './book';
import { FIRST_DATA_ROW, HEADER_ROW } from './deals-sheet';

/** Rows below the data that get dropdowns and checkboxes ahead of being typed into. */
const HEADROOM_ROWS = 500;
export const STAGE_HELP = 'Pick a stage from the Pipeline Settings tab.';
const FORMATS: Partial<Record<ColumnKey, string>> = { probability: '0%' };
for (const k of MONEY_COLUMNS) FORMATS[k] = '$#,##0';
for (const k of DATE_COLUMNS) FORMATS[k] = 'yyyy-mm-dd';

type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Applies what is missing; returns one line per column it left alone, and why. */
export function applyDealsFormats(sheet: Sheet, columns: ColumnMap, dataRows: number, stageList: Range): string[] {
  const rows = Math.min(sheet.getMaxRows() - HEADER_ROW, Math.max(dataRows, 1) + HEADROOM_ROWS);
  const skipped: string[] = [];
  if (rows < 1) return skipped;
  const column = (k: ColumnKey): Range | undefined =>
    columns[k] === undefined ? undefined : sheet.getRange(FIRST_DATA_ROW, (columns[k] as number) + 1, rows, 1);
  const stage = column('stage');
  if (stage) {
    const foreign = firstForeignRule(
      stage,
      (v) => v.getHelpText() === STAGE_HELP && String(v.getCriteriaType()) === 'VALUE_IN_RANGE',
    );
    if (foreign) skipped.push(`Stage: kept your own data validation (${foreign}); no dropdown added.`);
    else
      stage.setDataValidation(
        SpreadsheetApp.newDataValidation()
          .requireValueInRange(stageList, true)
          .setAllowInvalid(true)
          .setHelpText(STAGE_HELP)
          .build(),
      );
  }
  const checkbox = SpreadsheetApp.newDataValidation().requireCheckbox().build();
  for (const k of CHECKBOX_COLUMNS) {
    const range = column(k);
    if (!range) continue;
    const foreign = firstForeignRule(range, (v) => String(v.getCriteriaType()) === 'CHECKBOX');
    const notTick = firstNonTick(range.getValues() as CellValue[][]);
    if (foreign) skipped.push(`${COLUMN_LABELS[k]}: kept your own data validation (${foreign}); no checkboxes added.`);
    else if (notTick)
      skipped.push(`${COLUMN_LABELS[k]}: holds values that are not ticks (${notTick}), so no checkboxes were added.`);
    else range.setDataValidation(checkbox);
  }
  for (const [key, format] of Object.entries(FORMATS) as [ColumnKey, string][]) {
    const range = column(key);
    if (!range) continue;
    const current = range.getNumberFormats();
    if (current.every((r) => !isDefaultNumberFormat(r[0]))) continue;
    range.setNumberFormats(current.map((r) => [isDefaultNumberFormat(r[0]) ? format : (r[0] as string)]));
  }
  if (sheet.getFrozenRows() === 0) sheet.setFrozenRows(HEADER_ROW);
  sheet.getRange(HEADER_ROW, 1, 1, Math.max(1, sheet.getLastColumn())).setFontWeight('bold');
  return skipped;
}

/** "row 3: reject input, help "..."" for the first cell whose rule is not ours, else undefined. */
function firstForeignRule(range: Range, ours: (v: Validation) => boolean): string | undefined {
  const rules = range.getDataValidations();
  for (let i = 0; i < rules.length; i++) {
    const v = (rules[i] as (Validation | null)[])[0];
    if (v && !ours(v)) {
      const help = v.getHelpText();
      return `row ${FIRST_DATA_ROW + i}: ${v.getAllowInvalid() ? 'warns on' : 'rejects'} other input${help ? `, help "${help}"` : ''}`;
    }
  }
  return undefined;
}

/** The first value a checkbox could not hold ("5000 on row 3"), else undefined. */
function firstNonTick(values: CellValue[][]): string | undefined {
  for (let i = 0; i < values.length; i++) {
    const v = (values[i] as CellValue[])[0];
    if (!isBlank(v) && typeof v !== 'boolean') return `${describeValue(v)} on row ${FIRST_DATA_ROW + i}`;
  }
  return undefined;
}
