/** Reading the Pipeline Summary tab back in bundle tests: one section's rows, one headline figure. */
import { Emulator } from '../../emulator';
import { readTab } from './workbook';

/** The rows under the section whose first cell matches `title`, down to the next blank row. */
export function summarySection(rows: unknown[][], title: RegExp): unknown[][] {
  const start = rows.findIndex((r) => title.test(String(r[0])));
  if (start < 0) throw new Error(`no section ${String(title)}`);
  const end = rows.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return rows.slice(start + 1, end < 0 ? rows.length : end);
}

/** The value next to a label on the summary tab (a headline figure), undefined when the label is not there. */
export function summaryFigure(emu: Emulator, label: string): unknown {
  return readTab(emu, 'Pipeline Summary').find((r) => r[0] === label)?.[1];
}
