/** What a custom function may ask of its surroundings; src/main.ts supplies it from Apps Script. */
import { ZoneDays } from '../core/calendar';
import { CellGrid } from '../core/values';
import { SettingsReader } from './stage-table';

export interface FunctionContext {
  readonly readSettings: SettingsReader;
  /** Reads the settings tab's named settings (Setting | Value, J:K); undefined without the tab. */
  readonly readNamedSettings?: () => CellGrid | undefined;
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
