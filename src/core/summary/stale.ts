/** Stale deals, most days over their stage's limit first (then by sheet row); capped with "... and N more". */
import { DealRecord } from '../deals';
import { Staleness, staleness } from '../staleness';
import { pushCapped } from './capped-list';
import { Section } from './input';

type Stale = { d: DealRecord; s: Extract<Staleness, { kind: 'stale' }> };

export const staleSection: Section = ({ deals, today }, out) => {
  out.header('Stale deals (worst first)', 'Deal', 'Owner', 'Stage', 'Days since touch', 'Limit', 'Over by');
  const stale: Stale[] = [];
  for (const d of deals) {
    const s = staleness(d, today);
    if (s.kind === 'stale') stale.push({ d, s });
  }
  stale.sort((a, b) => b.s.days - b.s.limit - (a.s.days - a.s.limit) || a.d.row - b.d.row);
  pushCapped(
    out,
    stale,
    ({ d, s }) => [d.id || `row ${d.row}`, d.name, d.owner, d.stage.name, s.days, s.limit, s.days - s.limit],
    (n) => `... and ${n} more stale deals (see the Health column on Deals)`,
  );
  if (stale.length === 0) out.row('No stale deals.');
};
