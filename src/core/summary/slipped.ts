/**
 * Slipped deals: open deals whose Expected Close was pushed later at least SLIP_MIN_PUSHES times or
 * by SLIP_MIN_DAYS days in all (src/core/field-history.ts), most days first; the pushed-out value
 * (their Value) on the first row; the list capped with "... and N more".
 */
import { isSlipped, parseFieldChanges, Slip, slipsById } from '../field-history';
import { DealRecord } from '../deals';
import { pushCapped } from './capped-list';
import { DEFINITIONS, MONEY } from './definitions';
import { Section } from './input';

export const slippedSection: Section = ({ deals, history, readZone }, out) => {
  const slips = slipsById(parseFieldChanges(history, readZone));
  const list: { d: DealRecord; s: Slip }[] = [];
  let value = 0;
  for (const d of deals) {
    const s = slips.get(d.id);
    if (d.stage.outcome !== 'Open' || !isSlipped(s)) continue;
    list.push({ d, s });
    value += d.value;
  }
  list.sort((a, b) => b.s.days - a.s.days || b.s.pushes - a.s.pushes || a.d.row - b.d.row);
  const top = out.header('Slipped deals (close date pushed)', 'Deals', 'Pushed-out value');
  out.note(top, 1, DEFINITIONS.slipped);
  const total = out.row('Open deals slipped', list.length, value);
  out.format(total, 3, 1, 1, MONEY);
  if (list.length === 0) return;
  out.header('Deal ID', 'Deal', 'Owner', 'Stage', 'Pushes', 'Days slipped', 'Value');
  const start = out.nextRow;
  pushCapped(
    out,
    list,
    ({ d, s }) => [d.id, d.name, d.owner, d.stage.name, s.pushes, s.days, d.value],
    (n) => `... and ${n} more slipped deals (see the Health column on Deals)`,
  );
  out.format(start, 7, Math.min(list.length, 200), 1, MONEY);
};
