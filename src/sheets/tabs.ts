/** Tab names and finding the deals tab. */
import { mapHeaders } from '../core/columns';

export const TABS = {
  deals: 'Deals',
  settings: 'Pipeline Settings',
  history: 'Stage History',
  summary: 'Pipeline Summary',
  snapshots: 'Pipeline Snapshots',
} as const;

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const GENERATED: string[] = [TABS.settings, TABS.history, TABS.summary, TABS.snapshots];

/** The Deals tab by name, else the first other tab whose header row has Stage and Deal or Value. */
export function findDealsSheet(book: Book): Sheet | undefined {
  const named = book.getSheetByName(TABS.deals);
  if (named) return named;
  for (const sheet of book.getSheets()) {
    if (GENERATED.includes(sheet.getName()) || sheet.getLastRow() < 1) continue;
    const headers = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0] ?? [];
    const map = mapHeaders(headers);
    if (map.stage !== undefined && (map.deal !== undefined || map.value !== undefined)) return sheet;
  }
  return undefined;
}
