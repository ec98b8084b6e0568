/** Formatting the time of a job's run for the summary tab. */

export interface Formatting { pattern: string }

export function formatInstant(d: Date, timeZone: string, fmt: Formatting): string {
  return `${Utilities.formatDate(d, timeZone, fmt.pattern)} (${timeZone})`;
}
