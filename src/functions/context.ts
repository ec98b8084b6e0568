/** What a custom function may ask of its surroundings; src/main.ts supplies it from Apps Script. */
import { CalendarDay, DayReader, ZoneDays, zoneDayReader } from '../core/calendar';
import { SettingsReader } from './stage-table';

export interface FunctionContext {
  readonly readSettings: SettingsReader;
  /**
   * The spreadsheet's time zone (IANA name). Sheets passes a date cell as midnight in that zone,
   * so Dates are read there, not in the script's zone. Asked for only when a Date is met.
   */
  readonly timeZone: () => string;
  readonly now: () => Date;
}

/** Days in the spreadsheet's zone, asking for the zone when first needed (the first Date met). */
export function spreadsheetZone(ctx: FunctionContext): () => ZoneDays {
  let days: ZoneDays | undefined;
  return () => {
    if (days === undefined) days = new ZoneDays(ctx.timeZone());
    return days;
  };
}

/** Reads Dates in the spreadsheet's zone, asking for the zone on the first Date only. */
export function spreadsheetDayReader(ctx: FunctionContext): DayReader {
  const zone = spreadsheetZone(ctx);
  return (d) => zone().day(d.getTime());
}

/** Today in the spreadsheet's zone. */
export function spreadsheetToday(ctx: FunctionContext): CalendarDay {
  return zoneDayReader(ctx.timeZone())(ctx.now());
}
