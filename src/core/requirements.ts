/**
 * Entry requirements: "Budget, Authority", "Value > 0", "Deal Size >= 5000".
 * `Column` means a ticked checkbox (BANT columns) or a non-blank cell; `Column > n` / `>= n` compare numbers.
 */
import { CHECKBOX_COLUMNS, COLUMN_LABELS, ColumnKey, columnForHeader } from './columns';
import { CellValue, isBlank, readCheckbox, readNumber } from './values';

export interface Requirement {
  readonly column: ColumnKey;
  readonly op: 'filled' | '>' | '>=';
  readonly threshold: number;
  /** As a person reads it: "Budget", "Value > 0". */
  readonly label: string;
}

export type RequirementParse = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

const ITEM = /^(.+?)\s*(>=|>)\s*(.+)$/;
/** Items are separated by `;`, new lines, or commas that are not thousands separators ("Value >= 5,000, Need"). */
const SEPARATOR = /[;\n]|,(?!\d{3}(?!\d))/;

export function parseRequirements(text: string): RequirementParse {
  const requirements: Requirement[] = [];
  for (const raw of text.split(SEPARATOR)) {
    const item = raw.trim();
    if (item === '') continue;
    const m = ITEM.exec(item);
    const name = m ? (m[1] as string) : item;
    const column = columnForHeader(name);
    if (column === undefined) return { ok: false, error: `unknown column "${name.trim()}" in requirement "${item}"` };
    if (m) {
      const threshold = readNumber(m[3] as string);
      if (threshold === undefined)
        return { ok: false, error: `"${(m[3] as string).trim()}" is not a number in requirement "${item}"` };
      const op = m[2] as '>' | '>=';
      requirements.push({ column, op, threshold, label: `${COLUMN_LABELS[column]} ${op} ${threshold}` });
    } else {
      requirements.push({ column, op: 'filled', threshold: 0, label: COLUMN_LABELS[column] });
    }
  }
  return { ok: true, requirements };
}

/** Reads a known column of one deal. */
export type DealCells = (column: ColumnKey) => CellValue;

export function isMet(req: Requirement, cells: DealCells): boolean {
  const v = cells(req.column);
  if (req.op === 'filled') return CHECKBOX_COLUMNS.includes(req.column) ? readCheckbox(v) : !isBlank(v) && v !== false;
  const n = readNumber(v);
  if (n === undefined) return false;
  return req.op === '>' ? n > req.threshold : n >= req.threshold;
}
