/**
 * Writes the add-on's own Pipeline Summary tab (see generated-tab.ts) whole: the block (values and notes) is built in full before the
 * first write; the tab grows when the block is longer than it; one setValues replaces the old
 * summary over the span of both (so a failure before it leaves the old summary whole); then notes,
 * one number format per block, bold headers, and the three charts updated in place (by title).
 */
import { ChartSpec, RunStatus, SUMMARY_WIDTH, SummaryCell, SummaryLayout, runStatusCells } from '../core/summary';
import { Sheet } from './book';
import { safeRows } from './safe-text';
import { ensureRows } from './append-rows';

/** The block's cells and notes, text made safe, every row SUMMARY_WIDTH wide (pure). */
export function summaryBlock(layout: SummaryLayout): { values: SummaryCell[][]; notes: string[][] } {
  const values = safeRows(padGrid<SummaryCell>(layout.rows, layout.rows.length, SUMMARY_WIDTH, ''));
  const notes = padGrid<string>([], layout.rows.length, SUMMARY_WIDTH, '');
  for (const note of layout.notes) {
    const row = notes[note.row - 1];
    if (!row || note.column < 1 || note.column > SUMMARY_WIDTH)
      throw new Error(`Summary note outside the block: row ${note.row}, column ${note.column}`);
    row[note.column - 1] = note.text;
  }
  return { values, notes };
}

export function writeSummary(sheet: Sheet, layout: SummaryLayout): void {
  const block = summaryBlock(layout);
  // Cover the old summary too, so its leftover rows are blanked by the same write.
  const height = Math.max(block.values.length, sheet.getLastRow());
  const width = Math.max(SUMMARY_WIDTH, sheet.getLastColumn());
  const values = padGrid<SummaryCell>(block.values, height, width, '');
  const notes = padGrid<string>(block.notes, height, width, '');
  ensureRows(sheet, height);
  const range = sheet.getRange(1, 1, height, width);
  range.setValues(values);
  range.clearFormat();
  range.setNotes(notes);
  for (const f of layout.formats) sheet.getRange(f.row, f.column, f.numRows, f.numColumns).setNumberFormat(f.format);
  for (const r of layout.headerRows) sheet.getRange(r, 1, 1, SUMMARY_WIDTH).setFontWeight('bold');
  sheet.setFrozenRows(2);
  upsertCharts(sheet, layout.charts);
}

/** A height x width grid of `fill`, with `rows` copied into its top-left corner. */
function padGrid<T>(rows: readonly (readonly T[])[], height: number, width: number, fill: T): T[][] {
  const out: T[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    const src = rows[r];
    const row: T[] = new Array(width);
    for (let c = 0; c < width; c++) row[c] = src !== undefined && c < src.length ? (src[c] as T) : fill;
    out[r] = row;
  }
  return out;
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
    // A series per row (Sheets' switch rows/columns) gives each row its own color from 'colors'
    // (EmbeddedChartBuilder.setTransposeRowsAndColumns; Gviz option colors, one per series); the
    // legend then names the rows.
    builder = builder
      .setTransposeRowsAndColumns(spec.seriesPerRow === true)
      .setOption('title', spec.title)
      .setOption('legend', { position: spec.seriesPerRow ? 'right' : 'bottom' })
      // A waterfall as stacked columns over an invisible base series (Gviz options isStacked and
      // series colors, which EmbeddedColumnChartBuilder.setOption passes on:
      // https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder).
      .setOption('isStacked', spec.stacked === true)
      .setOption('series', spec.stacked ? { 0: { color: 'transparent', visibleInLegend: false } } : {})
      .setPosition(spec.anchor.row, spec.anchor.column, 0, 0);
    if (spec.colors) builder = builder.setOption('colors', [...spec.colors]);
    if (first) sheet.updateChart(builder.build());
    else sheet.insertChart(builder.build());
  }
}

/** Rewrites only the last-run line (row 2), so a failing job still leaves its error where managers look. */
export function writeRunStatus(sheet: Sheet, status: RunStatus): void {
  sheet.getRange(2, 1, 1, SUMMARY_WIDTH).setValues(safeRows([runStatusCells(status)]));
}
