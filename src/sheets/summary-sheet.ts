/**
 * Writes the Pipeline Summary tab whole: one setValues for the block, one setNotes, one number
 * format per block, and the three charts updated in place (found by title), never piled up.
 */
import { ChartSpec, RunStatus, SUMMARY_WIDTH, SummaryLayout, runStatusCells } from '../core/summary';
import { safeRows } from './safe-text';
import { TABS } from './tabs';

type Book = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function summarySheet(book: Book): Sheet {
  return book.getSheetByName(TABS.summary) ?? book.insertSheet(TABS.summary);
}

export function writeSummary(book: Book, layout: SummaryLayout): Sheet {
  const sheet = summarySheet(book);
  sheet.clear();
  const n = layout.rows.length;
  const range = sheet.getRange(1, 1, n, SUMMARY_WIDTH);
  range.setValues(safeRows(layout.rows));
  const notes = layout.rows.map((r) => r.map(() => ''));
  for (const note of layout.notes) (notes[note.row - 1] as string[])[note.column - 1] = note.text;
  range.setNotes(notes);
  for (const f of layout.formats) sheet.getRange(f.row, f.column, f.numRows, f.numColumns).setNumberFormat(f.format);
  for (const r of layout.headerRows) sheet.getRange(r, 1, 1, SUMMARY_WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(2);
  upsertCharts(sheet, layout.charts);
  return sheet;
}

function upsertCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const existing = sheet.getCharts();
  for (const spec of specs) {
    const same = existing.filter((c) => c.getOptions().get('title') === spec.title);
    for (const extra of same.slice(1)) sheet.removeChart(extra);
    const first = same[0];
    let builder = first ? first.modify().clearRanges() : sheet.newChart();
    builder = builder.setChartType(Charts.ChartType[spec.type]);
    for (const b of spec.ranges) builder = builder.addRange(sheet.getRange(b.row, b.column, b.numRows, b.numColumns));
    builder = builder
      .setOption('title', spec.title)
      .setOption('legend', { position: spec.key === 'funnel' ? 'none' : 'bottom' })
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
    if (first) sheet.updateChart(builder.build()); else sheet.insertChart(builder.build());
  }
}

/** Rewrites only the last-run line (row 2), so a failing job still leaves its error where managers look. */
export function writeRunStatus(book: Book, status: RunStatus): void {
  const sheet = summarySheet(book);
  sheet.getRange(2, 1, 1, SUMMARY_WIDTH).setValues(safeRows([runStatusCells(status)]));
}
