/** Instants as text in the spreadsheet's time zone, by Apps Script's Utilities.formatDate. */

/** "2026-03-01 09:30 (Europe/Berlin)": when a run started or a summary was built, in the sheet's zone. */
export function instantText(d: Date, timeZone: string): string {
  return `${Utilities.formatDate(d, timeZone, 'yyyy-MM-dd HH:mm')} (${timeZone})`;
}

/** The calendar day ("2026-03-01") and the hour (0-23) of `d` in the zone. */
export function dayAndHourIn(d: Date, timeZone: string): { day: string; hour: number } {
  return { day: Utilities.formatDate(d, timeZone, 'yyyy-MM-dd'), hour: Number(Utilities.formatDate(d, timeZone, 'H')) };
}
