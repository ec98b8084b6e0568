/** The follow-up part of the sidebar's deal view (#12): the cells as shown, and what Health says of them. */
import { CalendarDay, DayReader, dayToIso, readDay } from '../core/calendar';
import { DealCells } from '../core/requirements';
import { followUpStatus, followUpText } from '../core/follow-ups';
import { Stage } from '../core/stages';
import { isBlank, readText } from '../core/values';
import { FollowUpView } from '../shared/sidebar-api';

/** Next Step Due as the sidebar shows it: yyyy-mm-dd, '' when blank, else the cell's text. */
export function dueShown(cells: DealCells, readZone: DayReader): string {
  const v = cells('nextStepDue');
  if (isBlank(v)) return '';
  const day = readDay(v, readZone);
  return day === undefined ? readText(v) : dayToIso(day);
}

export function followUpView(
  cells: DealCells,
  stage: Stage | undefined,
  today: CalendarDay,
  readZone: DayReader,
): FollowUpView {
  const nextStep = readText(cells('nextStep'));
  const due = dueShown(cells, readZone);
  let status = '';
  if (stage) {
    const s = followUpStatus({ stage, nextStep, nextStepDue: readDay(cells('nextStepDue'), readZone) ?? NaN }, today);
    status = s.kind === 'due-today' ? 'Due today' : followUpText(s);
  }
  return { nextStep, due, status };
}
