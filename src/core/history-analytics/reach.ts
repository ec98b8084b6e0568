/** Each deal's highest reached open/won stage (funnel.ts's rule), from its current stage and Stage History. */
import { DealSet } from '../dealset';
import { reachedIndex } from '../funnel';
import { historyReach } from '../history';

export function funnelReach(
  set: DealSet,
  deals: readonly { readonly id: string }[],
  reach: Map<string, number>,
): Int32Array {
  const history = historyReach(
    deals.map((d) => d.id),
    reach,
  );
  const out = new Int32Array(set.size);
  for (let i = 0; i < set.size; i++) out[i] = reachedIndex(set, i, history);
  return out;
}
