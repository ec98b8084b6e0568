/** src/core/history.ts: a deal's latest stage is the row with the latest Timestamp, wherever it sits. */
import { lastStageById, parseHistory } from '../../src/core/history';

const row = (iso: string | '', id: string, from: string, to: string) => [iso === '' ? '' : new Date(iso), id, 'Deal', from, to];

test('newest-first history: the latest Timestamp wins, not the last row', () => {
  const entries = parseHistory([row('2026-03-03', 'D-1', 'B', 'C'), row('2026-03-02', 'D-1', 'A', 'B'), row('2026-03-01', 'D-1', '', 'A'), row('2026-02-01', 'D-2', '', 'X')]);
  expect(Object.fromEntries(lastStageById(entries))).toEqual({ 'D-1': 'C', 'D-2': 'X' });
});

test('rows without a date are older than any dated row; among equal times the lower row wins', () => {
  const entries = parseHistory([row('2026-03-01', 'D-1', '', 'A'), row('', 'D-1', 'A', 'Undated'), row('2026-03-01', 'D-2', '', 'P'), row('2026-03-01', 'D-2', 'P', 'Q'), row('', 'D-3', '', 'U1'), row('', 'D-3', 'U1', 'U2')]);
  expect(Object.fromEntries(lastStageById(entries))).toEqual({ 'D-1': 'A', 'D-2': 'Q', 'D-3': 'U2' });
});

test('random order: the answer does not depend on row order', () => {
  const rows = Array.from({ length: 30 }, (_, i) => row(`2026-01-${String(1 + i).padStart(2, '0')}`, `D-${i % 3}`, '', `S${i}`));
  const expected = { 'D-0': 'S27', 'D-1': 'S28', 'D-2': 'S29' };
  for (let k = 0; k < 5; k++) {
    const shuffled = [...rows].sort(() => Math.random() - 0.5);
    expect(Object.fromEntries(lastStageById(parseHistory(shuffled)))).toEqual(expected);
  }
});
