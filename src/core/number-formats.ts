/**
 * Number formats as Sheets reports them. A cell nobody has formatted reports Sheets' "Automatic"
 * format, the pattern "0.###############" (getNumberFormat() never returns "" for it in Sheets;
 * "General" and "" come from other writers and older files). All three mean "no format chosen".
 */

/** The pattern Sheets reports for its automatic format. */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';

/** True when a cell's number format is the default one: nobody chose a format for it. */
export function isDefaultNumberFormat(format: string | null | undefined): boolean {
  if (format === null || format === undefined) return true;
  const f = format.trim();
  return f === '' || f === AUTOMATIC_NUMBER_FORMAT || f.toLowerCase() === 'general';
}
