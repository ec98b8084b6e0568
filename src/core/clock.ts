/** "Now" for one action: the instant, the spreadsheet's zone, and today's calendar day there. */
import { CalendarDay, DayReader, startOfDayIn, zoneDayReader } from './calendar';

export interface Clock {
  readonly timeZone: string;
  readonly readZone: DayReader;
  readonly now: Date;
  readonly today: CalendarDay;
  /** Midnight starting today in the spreadsheet's zone: what a date cell written today holds. */
  readonly todayDate: Date;
}

export function clockAt(now: Date, timeZone: string): Clock {
  const readZone = zoneDayReader(timeZone);
  const today = readZone(now);
  return { timeZone, readZone, now, today, todayDate: startOfDayIn(today, timeZone) };
}
