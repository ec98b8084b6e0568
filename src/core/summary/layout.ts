/**
 * The Pipeline Summary tab as data: rows of cells, notes, number formats and chart specs. Sections
 * append to one LayoutBuilder top to bottom; the sheet layer writes the result whole.
 */
export type SummaryCell = string | number;
export const SUMMARY_WIDTH = 7;

export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}
export interface Note {
  readonly row: number;
  readonly column: number;
  readonly text: string;
}

export interface ChartSpec {
  readonly key: 'funnel' | 'forecast' | 'trend' | 'changes';
  readonly title: string;
  readonly type: 'BAR' | 'COLUMN' | 'LINE';
  /** Stacked series, the first drawn invisible: a waterfall's base. */
  readonly stacked?: boolean;
  /** Ranges on the summary tab, 1-based; the first is the category column. */
  readonly ranges: Block[];
  readonly anchor: { row: number; column: number };
  /**
   * One series per row of the ranges (Sheets' "switch rows / columns"), so each row can have its own
   * color: the funnel's bars are its stages (#14).
   */
  readonly seriesPerRow?: boolean;
  /** Series colors, in series order (the stages' colors for the funnel). */
  readonly colors?: readonly string[];
}

export interface SummaryLayout {
  readonly rows: SummaryCell[][];
  readonly notes: Note[];
  readonly formats: (Block & { format: string })[];
  readonly headerRows: number[];
  readonly charts: ChartSpec[];
  /** Where the last-run status sits, so a failing job can rewrite just that. */
  readonly statusRow: number;
}

export class LayoutBuilder {
  readonly rows: SummaryCell[][] = [];
  readonly notes: Note[] = [];
  readonly formats: (Block & { format: string })[] = [];
  readonly headerRows: number[] = [];
  readonly charts: ChartSpec[] = [];

  /** The 1-based row the next `row()` call will fill. */
  get nextRow(): number {
    return this.rows.length + 1;
  }

  /** Appends a row (padded or cut to SUMMARY_WIDTH); returns its 1-based row number. */
  row(...cells: SummaryCell[]): number {
    const row = cells.slice(0, SUMMARY_WIDTH);
    while (row.length < SUMMARY_WIDTH) row.push('');
    this.rows.push(row);
    return this.rows.length;
  }

  /** A bold header row. */
  header(...cells: SummaryCell[]): number {
    const r = this.row(...cells);
    this.headerRows.push(r);
    return r;
  }

  note(row: number, column: number, text: string): void {
    this.notes.push({ row, column, text });
  }

  /** A number format over a block; nothing for an empty block. */
  format(row: number, column: number, numRows: number, numColumns: number, format: string): void {
    if (numRows > 0) this.formats.push({ row, column, numRows, numColumns, format });
  }

  chart(spec: ChartSpec): void {
    this.charts.push(spec);
  }

  finish(statusRow: number): SummaryLayout {
    return {
      rows: this.rows,
      notes: this.notes,
      formats: this.formats,
      headerRows: this.headerRows,
      charts: this.charts,
      statusRow,
    };
  }
}
