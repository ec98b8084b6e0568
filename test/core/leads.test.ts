/** src/core/leads.ts: leads needed = ceil(amount / (average won deal x win rate)). */
import { leadsNeededOf } from '../../src/core/leads';

const counts = (won: number, lost: number, wonValue: number) => ({ open: 0, won, lost, openValue: 0, wonValue });

test('by hand: the README example, exact quotients, nothing to win', () => {
  // avg 4000, win rate 2/3: 20000 / (4000 x 2/3) = 7.5 -> 8
  expect(leadsNeededOf(20000, counts(2, 1, 8000))).toEqual({ ok: true, leads: 8 });
  // 3 closed, 1 won at 1000: 1000 / 333.33 = 3 exactly (floating point gives 3.0000000000000004 one way round)
  expect(leadsNeededOf(1000, counts(1, 2, 1000))).toEqual({ ok: true, leads: 3 });
  expect(leadsNeededOf(0.1 + 0.2, counts(1, 0, 0.3))).toEqual({ ok: true, leads: 1 });
  expect(leadsNeededOf(1001, counts(1, 2, 1000))).toEqual({ ok: true, leads: 4 });
  expect(leadsNeededOf(0, counts(0, 0, 0))).toEqual({ ok: true, leads: 0 });
  expect(leadsNeededOf(-5, counts(2, 1, 8000))).toEqual({ ok: true, leads: 0 });
});

test('no closed deals, or no won value: no answer', () => {
  expect(leadsNeededOf(100, counts(0, 0, 0))).toEqual({ ok: false, reason: 'no closed deals' });
  expect(leadsNeededOf(100, counts(0, 3, 0))).toEqual({ ok: false, reason: 'no won value' });
  expect(leadsNeededOf(100, counts(2, 3, 0))).toEqual({ ok: false, reason: 'no won value' });
});

test('against avg x rate over many cases: the smallest whole number of leads whose expected wins reach the amount', () => {
  for (let won = 1; won < 12; won++)
    for (let lost = 0; lost < 12; lost++)
      for (const amount of [1, 999, 5000, 123456.78]) {
        const wonValue = won * 1234.5;
        const perLead = (wonValue / won) * (won / (won + lost));
        const r = leadsNeededOf(amount, counts(won, lost, wonValue));
        if (!r.ok) throw new Error('expected an answer');
        expect(r.leads * perLead).toBeGreaterThanOrEqual(amount * (1 - 1e-9));
        expect((r.leads - 1) * perLead).toBeLessThan(amount);
      }
});
