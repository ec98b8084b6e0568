/** What Check settings reports besides the stage table: shared Deal IDs, typed changes still waiting to be logged. */
import { duplicateIdProblems, findDuplicateIds } from '../core/duplicate-ids';
import { formatDataProblem } from '../core/deals';
import { Book } from '../sheets/book';
import { readColumnText, readColumns, FIRST_DATA_ROW } from '../sheets/deals-sheet';
import { tabName } from '../sheets/book-info';
import { editTriggerRecord } from '../sheets/edit-trigger';
import { documentProperties } from '../sheets/platform';
import { readQueuedEdits } from '../sheets/queued-edits-store';
import { TabRegistry } from '../sheets/tab-registry';

export function dataCheckLines(book: Book, registry: TabRegistry = new TabRegistry(book)): string[] {
  const lines: string[] = [];
  const deals = registry.find('deals');
  const idCol = deals ? readColumns(deals).dealId : undefined;
  if (deals && idCol !== undefined) {
    const problems = duplicateIdProblems(
      findDuplicateIds(readColumnText(deals, idCol), FIRST_DATA_ROW),
      tabName(deals),
    );
    if (problems.length > 0) lines.push('Data problems:', ...problems.map((p) => `- ${formatDataProblem(p)}`));
  }
  const props = documentProperties();
  const trigger = editTriggerRecord(props);
  if (trigger)
    lines.push(`Typed edits are logged by ${trigger.owner || 'a user'}'s on-edit trigger (daily automation).`);
  const waiting = readQueuedEdits(props).reduce((n, q) => n + q.edit.changes.length, 0);
  if (waiting > 0)
    lines.push(
      `${waiting} typed stage change${waiting === 1 ? ' is' : 's are'} waiting to be logged by the next edit or move.`,
    );
  return lines;
}
