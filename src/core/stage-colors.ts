/**
 * Stage colors (#14): every stage's background color and a readable text color on it, so the Deals
 * tab's Stage cells, the settings tab, the board and the summary's funnel chart all agree.
 *
 * A stage's color is its settings Color cell; else a colorblind-safe Okabe-Ito color: the open
 * stages take OPEN_PALETTE in order (by their position among open stages), a Won stage bluish green,
 * a Lost stage vermillion. The default stages' Color cells carry exactly these, so a blank Color
 * cell shows what the default would have been.
 */
import { Stage, StageTable } from './stages';

/** Okabe-Ito (2008), in the order the default open stages use them, then grey and black. */
export const OPEN_PALETTE: readonly string[] = [
  '#56b4e9',
  '#0072b2',
  '#cc79a7',
  '#e69f00',
  '#f0e442',
  '#999999',
  '#000000',
];
export const WON_COLOR = '#009e73';
export const LOST_COLOR = '#d55e00';

export interface StageColor {
  /** Lower-case #rrggbb. */
  readonly background: string;
  /** #000000 or #ffffff, whichever contrasts more with the background. */
  readonly text: string;
}

/** The palette color of a stage from its outcome and its position among the table's open stages. */
export function paletteColor(table: StageTable, stage: Stage): string {
  if (stage.outcome === 'Won') return WON_COLOR;
  if (stage.outcome === 'Lost') return LOST_COLOR;
  let k = 0;
  for (const s of table.stages) {
    if (s === stage || s.index === stage.index) break;
    if (s.outcome === 'Open') k++;
  }
  return OPEN_PALETTE[k % OPEN_PALETTE.length] as string;
}

/** The stage's color: its settings Color, else the palette's; with a readable text color. */
export function stageColor(table: StageTable, stage: Stage): StageColor {
  const background = stage.color ?? paletteColor(table, stage);
  return { background, text: readableTextColor(background) };
}

/** Every stage's color, in stage-table order. */
export function stageColors(table: StageTable): StageColor[] {
  return table.stages.map((s) => stageColor(table, s));
}

/** WCAG 2 relative luminance of a #rrggbb color (0 black .. 1 white). */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb color: ${hex}`);
  const n = parseInt(m[1] as string, 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio of two #rrggbb colors (1 .. 21). */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white text, whichever has the higher contrast on the background (black on a tie). */
export function readableTextColor(background: string): string {
  return contrastRatio(background, '#ffffff') > contrastRatio(background, '#000000') ? '#ffffff' : '#000000';
}
