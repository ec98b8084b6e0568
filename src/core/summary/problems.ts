/** Data problems: rows the job could not read or act on, open deals with no date to judge staleness by, possible duplicate deals. */
import { DataProblem } from '../deals';
import { duplicateProblems, possibleDuplicates } from '../hygiene/duplicates';
import { staleness } from '../staleness';
import { pushCapped } from './capped-list';
import { Section } from './input';

export const problemsSection: Section = ({ deals, problems, today, dealsTab }, out) => {
  out.header('Data problems', 'Row', 'Column', 'Value', 'Problem');
  const undated: DataProblem[] = deals
    .filter((d) => d.stage.outcome === 'Open' && d.stage.staleAfter !== null && staleness(d, today).kind === 'no-date')
    .map((d) => ({
      tab: dealsTab,
      row: d.row,
      column: 'Last Activity',
      value: 'blank',
      problem: 'no Last Activity, Stage Entered or Created date, so staleness cannot be judged',
    }));
  const all = [...problems, ...undated, ...duplicateProblems(possibleDuplicates(deals), dealsTab)];
  pushCapped(
    out,
    all,
    (p) => [p.tab, p.row, p.column, p.value, p.problem],
    (n) => `... and ${n} more data problems (see the Health column on Deals)`,
  );
  if (all.length === 0) out.row('No data problems.');
};
