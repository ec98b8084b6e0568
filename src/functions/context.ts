/** What a custom function may ask of its surroundings; src/main.ts supplies it from Apps Script. */
import { CalendarDay, DayReader, zoneDayReader } from '../core/calendar';
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

/** Reads Dates in the spreadsheet's zone, asking for the zone on the first Date only. */
export function spreadsheetDayReader(ctx: FunctionContext): DayReader {
  let reader: DayReader | undefined;
  return (d) => {
    if (reader === undefined) reader = zoneDayReader(ctx.timeZone());
    return reader(d);
  };
}

/** Today in the spreadsheet's zone. */
export function spreadsheetToday(ctx: FunctionContext): CalendarDay {
  return zoneDayReader(ctx.timeZone())(ctx.now());
}
