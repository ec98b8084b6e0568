/** A deal's weighted value: Won 100%, Lost 0%, an open deal its own Probability when filled, else its stage's. */
import { DealRecord } from './deals';

export function weightedValue(d: DealRecord): number {
  if (d.stage.outcome === 'Won') return d.value;
  if (d.stage.outcome === 'Lost') return 0;
  return d.value * (d.override === d.override ? d.override : d.stage.probability);
}
