/**
 * A stage cell as a stage index, BLANK or UNKNOWN, one lookup per distinct cell text. Text is found
 * by name (case and spaces ignored); any other value (a number, as in stage "1") by its text, as
 * the jobs read the Deals tab.
 */
import { StageTable } from '../core/stages';
import { CellValue, isBlank, readText } from '../core/values';

export const BLANK = -1;
export const UNKNOWN = -2;

export interface StageCoder {
  /** Codes of the cell texts met so far: hot loops try this first. */
  readonly known: Map<string, number>;
  code(v: CellValue): number;
}

export function stageCoder(table: StageTable): StageCoder {
  const known = new Map<string, number>();
  return {
    known,
    code(v) {
      if (typeof v !== 'string' && isBlank(v)) return BLANK;
      const text = typeof v === 'string' ? v : readText(v);
      let k = known.get(text);
      if (k === undefined) {
        k = text.trim() === '' ? BLANK : (table.find(text)?.index ?? UNKNOWN);
        known.set(text, k);
      }
      return k;
    },
  };
}
