/**
 * Named settings: the "Setting | Value | About" table to the right of the stage table on the
 * settings tab (J:L), for figures that are not per stage (priority weights, cleanup and archive
 * days, ...). Each feature lists its settings in NAMED_SETTINGS with a default; a blank or missing
 * row uses the default, an unreadable value is a problem naming its cell.
 */
import { columnLetter, foldHeader } from './columns';
import {
  PRIORITY_CLOSE_HORIZON,
  PRIORITY_WEIGHT_CLOSE,
  PRIORITY_WEIGHT_FOLLOW_UP,
  PRIORITY_WEIGHT_STAGE,
  PRIORITY_WEIGHT_STALE,
  PRIORITY_WEIGHT_VALUE,
} from './priority';
import { ARCHIVE_AFTER } from './hygiene/archive';
import type { SettingsProblem } from './settings';
import { CellGrid, CellValue, describeValue, isBlank, readNumber, readText } from './values';

export const NAMED_SETTINGS_HEADERS = ['Setting', 'Value', 'About'] as const;
/** 1-based column of "Setting" (J): one blank column (I) after the stage table's A:H. */
export const NAMED_SETTINGS_COLUMN = 10;

export interface NumberSetting {
  /** The text in the Setting column, matched ignoring case, spaces and punctuation. */
  readonly label: string;
  readonly defaultValue: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The About column: one line a manager reads. */
  readonly help: string;
}

/** Every named setting, in the order setup lists them. Features add theirs here. */
export const NAMED_SETTINGS: readonly NumberSetting[] = [
  PRIORITY_WEIGHT_VALUE,
  PRIORITY_WEIGHT_CLOSE,
  PRIORITY_WEIGHT_STAGE,
  PRIORITY_WEIGHT_STALE,
  PRIORITY_WEIGHT_FOLLOW_UP,
  PRIORITY_CLOSE_HORIZON,
  ARCHIVE_AFTER,
];

export interface NamedSettings {
  /** The setting's value: the cell's when readable, else its default. */
  value(setting: NumberSetting): number;
  readonly problems: readonly SettingsProblem[];
}

/**
 * Reads a Setting/Value grid (its first row may be the header). `origin` is the sheet row and
 * column of the grid's top-left cell, for A1 references in problems.
 */
export function parseNamedSettings(
  grid: CellGrid,
  origin: { row: number; column: number },
  tab: string,
  specs: readonly NumberSetting[] = NAMED_SETTINGS,
): NamedSettings {
  const byLabel = new Map<string, NumberSetting>();
  for (const s of specs) byLabel.set(foldHeader(s.label), s);
  const values = new Map<NumberSetting, number>();
  const problems: SettingsProblem[] = [];
  grid.forEach((row, r) => {
    const spec = byLabel.get(foldHeader(readText(row[0] as CellValue)));
    if (!spec || values.has(spec)) return;
    const cell = row[1] as CellValue;
    if (isBlank(cell)) return;
    const n = readNumber(cell);
    if (n === undefined || n < spec.min || n > spec.max || (spec.integer && !Number.isInteger(n))) {
      problems.push({
        cell: `'${tab}'!${columnLetter(origin.column)}${origin.row + r}`,
        message: `${spec.label} is ${describeValue(cell)}; use ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}, or leave it blank (${spec.defaultValue})`,
      });
      return;
    }
    values.set(spec, n);
  });
  return {
    value: (s) => values.get(s) ?? s.defaultValue,
    problems,
  };
}

/** Rows setup appends for the settings a grid does not list yet: [label, default, help]. */
export function missingNamedSettings(
  grid: CellGrid,
  specs: readonly NumberSetting[] = NAMED_SETTINGS,
): (string | number)[][] {
  const listed = new Set(grid.map((row) => foldHeader(readText(row[0] as CellValue))));
  return specs.filter((s) => !listed.has(foldHeader(s.label))).map((s) => [s.label, s.defaultValue, s.help]);
}
