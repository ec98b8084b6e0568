/** By owner: open deals, pipeline, weighted, won value and win rate per owner, largest weighted first. */
import { weightOf } from '../dealset';
import { MONEY, PERCENT } from './definitions';
import { Section } from './input';

interface OwnerTotals {
  open: number;
  pipeline: number;
  weighted: number;
  won: number;
  wonCount: number;
  lost: number;
}

export const NO_OWNER = '(no owner)';

export const ownersSection: Section = ({ deals, set }, out) => {
  out.header('By owner', 'Open deals', 'Pipeline', 'Weighted', 'Won value', 'Win rate');
  const owners = new Map<string, OwnerTotals>();
  deals.forEach((d, i) => {
    const key = d.owner || NO_OWNER;
    let o = owners.get(key);
    if (!o) {
      o = { open: 0, pipeline: 0, weighted: 0, won: 0, wonCount: 0, lost: 0 };
      owners.set(key, o);
    }
    if (d.stage.outcome === 'Open') {
      o.open++;
      o.pipeline += d.value;
    }
    if (d.stage.outcome === 'Won') {
      o.won += d.value;
      o.wonCount++;
    }
    if (d.stage.outcome === 'Lost') o.lost++;
    o.weighted += d.value * weightOf(set, i);
  });
  const list = [...owners.entries()].sort((a, b) => b[1].weighted - a[1].weighted || a[0].localeCompare(b[0]));
  const start = out.nextRow;
  for (const [name, o] of list)
    out.row(name, o.open, o.pipeline, o.weighted, o.won, o.wonCount + o.lost ? o.wonCount / (o.wonCount + o.lost) : '');
  out.format(start, 3, list.length, 3, MONEY);
  out.format(start, 6, list.length, 1, PERCENT);
};
