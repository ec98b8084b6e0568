/** What a custom function may ask of its surroundings; src/main.ts supplies it from Apps Script. */
import { CalendarDay, DayReader } from '../core/calendar';
import { SettingsReader } from './stage-table';

export interface FunctionContext {
  readonly readSettings: SettingsReader;
  /** Calendar day of a Date as Sheets passed it. */
  readonly readZone: DayReader;
  readonly today: () => CalendarDay;
}
