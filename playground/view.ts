/** What the browser shows of a tab: display text, formats, checkboxes, dropdowns, notes, colours, charts. */
import type { Emulator, EmuSheet } from '../emulator';
import { displayText } from '../emulator/cells';
import type { CellView, ChartView, SheetView } from './api-types';
import type { Computed } from './formulas';

export const MAX_VIEW_ROWS = 3000;
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

export function sheetView(emu: Emulator, sheet: EmuSheet, computed: Computed | undefined): SheetView {
  return emu.counter.quiet(() => {
    const d = sheet._data();
    const tz = emu.book.getSpreadsheetTimeZone();
    const spills = computed?.spills.get(sheet.getName());
    const errors = computed?.errors.get(sheet.getName());
    let lastRow = d.lastRow();
    let lastCol = d.lastColumn();
    for (const k of spills?.keys() ?? []) {
      const [r, c] = k.split(',').map(Number) as [number, number];
      lastRow = Math.max(lastRow, r + 1);
      lastCol = Math.max(lastCol, c + 1);
    }
    const rows = Math.min(MAX_VIEW_ROWS, d.maxRows, Math.max(lastRow + 20, 30));
    const columns = Math.min(d.maxColumns, Math.max(lastCol + 2, 8));
    const rules = sheet._rules();
    const cells: CellView[][] = [];
    for (let r = 0; r < rows; r++) {
      const row: CellView[] = [];
      for (let c = 0; c < columns; c++) {
        const key = `${r},${c}`;
        const spilled = spills?.get(key);
        const v = spilled ?? d.get(r, c);
        const format = d.meta(d.formats, r, c);
        const cell: CellView = { t: displayText(v, format, tz) };
        const f = d.meta(d.formulas, r, c);
        if (f) cell.f = f;
        if (spilled !== undefined) cell.spill = true;
        if (typeof v === 'number') cell.num = true;
        if (!f && v !== '')
          cell.v = isDate(v)
            ? displayText(v, 'yyyy-mm-dd', tz)
            : typeof v === 'boolean'
              ? v
                ? 'TRUE'
                : 'FALSE'
              : String(v);
        const note = d.meta(d.notes, r, c);
        if (note) cell.n = note;
        const err = errors?.get(key);
        if (err) cell.err = err;
        const bg = d.meta(d.backgrounds, r, c);
        if (bg) cell.bg = bg;
        const fc = d.meta(d.fontColors, r, c);
        if (fc) cell.fc = fc;
        if (d.meta(d.fontWeights, r, c) === 'bold') cell.b = true;
        const rule = d.meta(d.validations, r, c);
        if (rule?.type === 'CHECKBOX') cell.cb = v === true;
        else if (rule) cell.dd = sheet._wrapValidation(rule)._options();
        for (const cf of rules) {
          const x = cf._rule();
          const inside = x.ranges.some((rg) => {
            const [r0, c0, nr, nc] = rg._bounds();
            return r + 1 >= r0 && r + 1 < r0 + nr && c + 1 >= c0 && c + 1 < c0 + nc;
          });
          // The first rule (top of the list) that matches a cell gives it its format, as in Sheets.
          if (inside && (x.background || x.fontColor) && cf._matchesText(cell.t)) {
            if (x.background) cell.bg = x.background;
            if (x.fontColor) cell.fc = x.fontColor;
            break;
          }
        }
        row.push(cell);
      }
      cells.push(row);
    }
    const charts = sheet._charts().map((ch): ChartView => {
      const [labels, ...series] = ch.ranges.map((rg) => rg._peekValues());
      const label = (v: unknown): string => (isDate(v) ? displayText(v, 'yyyy-mm-dd', tz) : String(v ?? ''));
      const columnsOf = (grid: unknown[][]): unknown[][] => (grid[0] ?? []).map((_, j) => grid.map((row) => row[j]));
      const num = (x: unknown): number => (typeof x === 'number' ? x : 0);
      const valueColumns = series.flatMap((g) => columnsOf(g));
      const colors = Array.isArray(ch.options.colors) ? ch.options.colors.map(String) : undefined;
      const base = {
        title: String(ch.options.title ?? ''),
        type: ch.type,
        anchor: { row: ch.position.row, column: ch.position.column },
        ...(colors ? { colors } : {}),
        stacked: ch.options.isStacked === true,
      };
      // Rows and columns switched: the value columns' headers are the categories, each row a series.
      if (ch.transposed)
        return {
          ...base,
          labels: valueColumns.map((col) => label(col[0])),
          series: (labels ?? []).slice(1).map((r, i) => ({
            name: label(r[0]),
            data: valueColumns.map((col) => num(col[i + 1])),
          })),
        };
      return {
        ...base,
        labels: (labels ?? []).slice(1).map((r) => label(r[0])),
        series: valueColumns.map((col) => ({ name: String(col[0] ?? ''), data: col.slice(1).map(num) })),
      };
    });
    return {
      name: sheet.getName(),
      rows,
      columns,
      frozenRows: sheet.getFrozenRows(),
      cells,
      charts,
      truncated: d.lastRow() > MAX_VIEW_ROWS,
    };
  });
}
