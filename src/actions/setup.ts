/**
 * Set up pipeline: creates what is missing and adopts what exists. Never moves, clears or rewrites
 * a user's cell, never replaces a team's own validation; running it twice changes nothing the
 * second time. Tabs are remembered by sheet ID (TabRegistry), so a renamed Deals tab stays the
 * Deals tab and no other tab with Stage/Value headers is ever adopted once one is remembered.
 * Deal IDs and the "import" history rows are one write plan, found again by content just before
 * the write (a sort or inserted row meanwhile never puts an ID on the wrong deal).
 */
import { COLUMN_KEYS, COLUMN_LABELS, OPTIONAL_COLUMNS } from '../core/columns';
import { cellsOf, DataProblem, formatDataProblem } from '../core/deals';
import { duplicateIdProblems, duplicateRows, findDuplicateIds } from '../core/duplicate-ids';
import { HistoryRecord } from '../core/history';
import { CellValue, readText } from '../core/values';
import { WritePlan } from '../core/write-plan';
import { Book, Sheet } from '../sheets/book';
import { tabName, tabNamed } from '../sheets/book-info';
import { readDealIdCounter, writeDealIdCounter } from '../sheets/deal-id-counter';
import { applyDealsFormats } from '../sheets/deals-format';
import { allDealIds, appendHeaders, DealsTable, readDealsTable } from '../sheets/deals-sheet';
import { ensureFieldHeader, ensureHistoryTab, historyTabProblem, readHistory } from '../sheets/history-sheet';
import { withDocumentLock } from '../sheets/lock';
import { documentProperties } from '../sheets/platform';
import { ensureSettingsTab, stageNamesRange } from '../sheets/settings-sheet';
import { TabRegistry, TABS } from '../sheets/tab-registry';
import { applyPlan, PLAN_ATTEMPTS } from '../sheets/write-plan';
import { dealIdWrites } from './deal-ids';
import { clockOf, currentUser, UserError } from './pipeline-context';
import { logQueuedEdits } from './queued-edits';
import { ColorsResult, refreshStageColors } from './stage-colors';

export interface SetupReport {
  created: string[];
  addedColumns: string[];
  assignedIds: number;
  adopted: string | undefined;
  loggedStages: number;
  /** Columns left as the team set them up, and why. */
  kept: string[];
  /** Stage colors: the Stage column's rules written, blank Color cells filled, or why not (#14). */
  colors: ColorsResult | undefined;
  problems: DataProblem[];
}

export function setupPipeline(book: Book): SetupReport {
  return withDocumentLock(20_000, () => {
    const registry = new TabRegistry(book);
    const report: SetupReport = {
      created: [],
      addedColumns: [],
      assignedIds: 0,
      adopted: undefined,
      loggedStages: 0,
      kept: [],
      colors: undefined,
      problems: [],
    };
    const settings = ensureSettingsTab(registry);
    if (settings.created) report.created.push(tabName(settings.sheet));
    const sheet = dealsTab(book, registry, report);
    const before = readDealsTable(sheet);
    report.addedColumns = appendHeaders(
      sheet,
      before,
      COLUMN_KEYS.filter((k) => before.columns[k] === undefined && !OPTIONAL_COLUMNS.includes(k)).map(
        (k) => COLUMN_LABELS[k],
      ),
    );
    const history = ensureHistoryTab(registry);
    if (history.created) report.created.push(tabName(history.sheet));
    // A history tab made before field changes gets its Field header (I1), when its header is ours.
    else if (historyTabProblem(history.sheet) === undefined) ensureFieldHeader(history.sheet);
    logQueuedEdits(book);
    let table = readDealsTable(sheet);
    report.kept = applyDealsFormats(sheet, table.columns, table.rows.length, stageNamesRange(settings.sheet));
    report.colors = refreshStageColors(book, registry, true);
    const props = documentProperties();
    for (let attempt = 1; ; attempt++) {
      const { plan, assigned, logged, next } = idsAndImports(book, registry, table, readDealIdCounter(props));
      const applied = applyPlan({ deals: sheet, history: history.sheet }, plan);
      if (applied.ok) {
        if (next !== undefined) writeDealIdCounter(props, next);
        report.assignedIds = assigned;
        report.loggedStages = logged;
        break;
      }
      if (attempt >= PLAN_ATTEMPTS)
        throw new UserError(`Set up could not give Deal IDs or log current stages: ${applied.message}`);
      table = readDealsTable(sheet);
    }
    const after = readDealsTable(sheet);
    if (after.columns.dealId !== undefined)
      report.problems = duplicateIdProblems(
        findDuplicateIds(allDealIds(after, after.columns.dealId), after.firstRow),
        after.tab,
      );
    return report;
  });
}

/**
 * The remembered Deals tab; on first setup the tab found by name or headers (then remembered). When
 * the remembered tab was deleted, only a tab named exactly "Deals" is taken in its place (never one
 * sniffed by its headers); else a new one is made.
 */
function dealsTab(book: Book, registry: TabRegistry, report: SetupReport): Sheet {
  const remembered = registry.find('deals');
  const found = remembered ?? (registry.isRemembered('deals') ? tabNamed(book, TABS.deals) : undefined);
  if (found) {
    if (!remembered || !registry.isRemembered('deals')) {
      if (tabName(found) !== TABS.deals) report.adopted = tabName(found);
      registry.remember('deals', found, false);
    }
    return found;
  }
  const sheet = registry.ensure('deals', [], { index: 0 });
  report.created.push(tabName(sheet));
  return sheet;
}

/**
 * Deal IDs for rows without one, and one "import" history row with the current stage of every deal
 * the history does not know yet (so later pasted edits, which carry no oldValue, know each deal's
 * previous stage). A Deal ID on more than one row gets no import row (it is reported instead).
 */
function idsAndImports(
  book: Book,
  registry: TabRegistry,
  table: DealsTable,
  counter: number,
): { plan: WritePlan; assigned: number; logged: number; next: number | undefined } {
  const ids = dealIdWrites(table, counter);
  const shared = duplicateRows(
    table.columns.dealId === undefined ? [] : findDuplicateIds(allDealIds(table, table.columns.dealId), table.firstRow),
  );
  const logged = new Set(readHistory(book, registry).map((e) => e.dealId));
  const now = clockOf(book).now;
  const user = currentUser();
  const history: HistoryRecord[] = [];
  table.rows.forEach((raw, i) => {
    const cells = cellsOf(raw as CellValue[], table.columns);
    const id = readText(cells('dealId')) || ids.ids.get(i) || '';
    const stage = readText(cells('stage'));
    if (id === '' || stage === '' || logged.has(id) || shared.has(table.firstRow + i)) return;
    logged.add(id);
    history.push({
      at: now,
      dealId: id,
      deal: readText(cells('deal')),
      from: '',
      to: stage,
      changedBy: user,
      via: 'import',
      note: 'Stage when the pipeline was set up',
    });
  });
  return {
    plan: { action: 'Set up pipeline', rows: ids.rows, history, needs: ['dealId'] },
    assigned: ids.rows.length,
    logged: history.length,
    next: ids.next,
  };
}

export function describeSetup(r: SetupReport): string {
  const done: string[] = [];
  if (r.created.length) done.push(`Created: ${r.created.join(', ')}.`);
  if (r.adopted) done.push(`Using your existing "${r.adopted}" tab as the deals tab.`);
  if (r.addedColumns.length) done.push(`Added columns at the end: ${r.addedColumns.join(', ')}.`);
  if (r.assignedIds) done.push(`Gave ${r.assignedIds} deal${r.assignedIds === 1 ? '' : 's'} a Deal ID.`);
  if (r.loggedStages)
    done.push(
      `Logged the current stage of ${r.loggedStages} deal${r.loggedStages === 1 ? '' : 's'} in Stage History (via import).`,
    );
  if (r.colors?.rules) done.push('Colored the Stage column by stage (after your own conditional formatting rules).');
  if (r.colors?.filled)
    done.push(
      `Filled ${r.colors.filled} blank Color cell${r.colors.filled === 1 ? '' : 's'} of the settings tab with the default colors.`,
    );
  const notes: string[] = [];
  if (r.colors?.problem) notes.push(`Stage colors not changed (fix the settings first):\n${r.colors.problem}`);
  if (r.kept.length) notes.push('Left as you set them up:', ...r.kept.map((k) => `- ${k}`));
  if (r.problems.length) notes.push('Data problems:', ...r.problems.map((p) => `- ${formatDataProblem(p)}`));
  if (done.length === (r.adopted ? 1 : 0))
    done.splice(
      0,
      done.length,
      `Everything was already set up${r.adopted ? ` (deals tab: "${r.adopted}")` : ''}; nothing changed.`,
    );
  return [...done, ...notes].join('\n');
}
