/** Date cells as Sheets passes them to a custom function: midnight of the calendar day in the spreadsheet's zone. */
import { wallToInstant } from '../../emulator/time';

/** Midnight starting "yyyy-mm-dd" in `zone`. */
export function midnightIn(iso: string, zone: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return wallToInstant(y, m, d, zone);
}
