/** The JSON-safe view of one deal the sidebar shows. */
import { CalendarDay, DayReader, dayToIso, readDay } from '../core/calendar';
import { cellsOf } from '../core/deals';
import { checkMove } from '../core/gates';
import { StageTable } from '../core/stages';
import { CellValue, readNumber, readText } from '../core/values';
import { DealView } from '../shared/sidebar-api';
import { DealsTable } from '../sheets/deals-sheet';
import { followUpView } from './follow-up-view';

/** A close date cell as the sidebar shows it: yyyy-mm-dd, '' when blank, else the cell's text. */
export function closeText(v: CellValue, readZone: DayReader): string {
  const day = readDay(v, readZone);
  return day === undefined ? readText(v) : dayToIso(day);
}

export function dealView(
  table: StageTable,
  deals: DealsTable,
  rowIndex: number,
  today: CalendarDay,
  readZone: DayReader,
): DealView {
  const raw = deals.rows[rowIndex] as CellValue[];
  const cells = cellsOf(raw, deals.columns);
  const stageText = readText(cells('stage'));
  const current = stageText === '' ? undefined : table.find(stageText);
  const entered = readDay(cells('stageEntered'), readZone);
  const snoozed = readDay(cells('snoozedUntil'), readZone);
  return {
    dealId: readText(cells('dealId')),
    row: rowIndex + deals.firstRow,
    name: readText(cells('deal')),
    company: readText(cells('company')),
    owner: readText(cells('owner')),
    value: readNumber(cells('value')) ?? 0,
    stage: current ? current.name : stageText,
    daysInStage: entered === undefined ? null : Math.max(0, today - entered),
    lostReason: readText(cells('lostReason')),
    snoozedUntil: snoozed === undefined ? '' : dayToIso(snoozed),
    snoozeReason: readText(cells('snoozeReason')),
    expectedClose: closeText(cells('expectedClose'), readZone),
    stages: table.stages.map((s) => {
      const check = checkMove(table, current, s, cells);
      return {
        name: s.name,
        outcome: s.outcome,
        kind: check.kind,
        allMet: check.allMet,
        items: check.items.map((i) => ({ stage: i.stage, label: i.requirement.label, met: i.met })),
        nextStepRequired: s.nextStepRequired,
      };
    }),
    followUp: followUpView(cells, current, today, readZone),
  };
}
