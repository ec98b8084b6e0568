/** src/core/history.ts: a deal's latest stage is the row with the latest Timestamp, wherever it sits. */
import {
  reachedByIdFromRows,
  historyCells,
  HISTORY_HEADERS,
  historyReach,
  lastStageById,
  parseHistory,
  reachedById,
} from '../../src/core/history';
import { defaultStageTable } from '../../src/core/settings';

const row = (iso: string | '', id: string, from: string, to: string) => [
  iso === '' ? '' : new Date(iso),
  id,
  'Deal',
  from,
  to,
];

test('newest-first history: the latest Timestamp wins, not the last row', () => {
  const entries = parseHistory([
    row('2026-03-03', 'D-1', 'B', 'C'),
    row('2026-03-02', 'D-1', 'A', 'B'),
    row('2026-03-01', 'D-1', '', 'A'),
    row('2026-02-01', 'D-2', '', 'X'),
  ]);
  expect(Object.fromEntries(lastStageById(entries))).toEqual({ 'D-1': 'C', 'D-2': 'X' });
});

test('rows without a date are older than any dated row; among equal times the lower row wins', () => {
  const entries = parseHistory([
    row('2026-03-01', 'D-1', '', 'A'),
    row('', 'D-1', 'A', 'Undated'),
    row('2026-03-01', 'D-2', '', 'P'),
    row('2026-03-01', 'D-2', 'P', 'Q'),
    row('', 'D-3', '', 'U1'),
    row('', 'D-3', 'U1', 'U2'),
  ]);
  expect(Object.fromEntries(lastStageById(entries))).toEqual({ 'D-1': 'A', 'D-2': 'Q', 'D-3': 'U2' });
});

test('random order: the answer does not depend on row order', () => {
  const rows = Array.from({ length: 30 }, (_, i) =>
    row(`2026-01-${String(1 + i).padStart(2, '0')}`, `D-${i % 3}`, '', `S${i}`),
  );
  const expected = { 'D-0': 'S27', 'D-1': 'S28', 'D-2': 'S29' };
  for (let k = 0; k < 5; k++) {
    const shuffled = [...rows].sort(() => Math.random() - 0.5);
    expect(Object.fromEntries(lastStageById(parseHistory(shuffled)))).toEqual(expected);
  }
});

describe('parsing and the reach of each deal', () => {
  test('historyCells: the record in HISTORY_HEADERS order', () => {
    const at = new Date(Date.UTC(2026, 10, 23, 15));
    expect([...HISTORY_HEADERS]).toEqual([
      'Timestamp',
      'Deal ID',
      'Deal',
      'From',
      'To',
      'Changed by',
      'Via',
      'Note',
      'Field',
    ]);
    expect(
      historyCells({
        at,
        dealId: 'D-1',
        deal: 'Acme',
        from: 'Lead Generation',
        to: 'Proposal',
        changedBy: 'ann@x',
        via: 'sidebar',
        note: 'n',
      }),
    ).toEqual([at, 'D-1', 'Acme', 'Lead Generation', 'Proposal', 'ann@x', 'sidebar', 'n', '']);
  });

  test('parseHistory: rows without a Deal ID or a To are ignored; a Timestamp that is not a date is NaN; text trimmed', () => {
    const t = new Date(Date.UTC(2026, 0, 2));
    expect(
      parseHistory([
        [t, ' D-1 ', 'x', ' A ', ' B '],
        [t, '', 'x', 'A', 'B'],
        [t, 'D-2', 'x', 'A', ''],
        ['yesterday', 'D-3', 'x', '', 'C'],
        [],
      ]),
    ).toEqual([
      { at: t.getTime(), dealId: 'D-1', from: 'A', to: 'B' },
      { at: NaN, dealId: 'D-3', from: '', to: 'C' },
    ]);
  });

  test('reachedById: the highest open or won stage named in From or To; lost and unknown stages reach nothing', () => {
    const e = (dealId: string, from: string, to: string) => ({ at: NaN, dealId, from, to });
    const reach = reachedById(
      [
        e('D-1', '', 'Lead Generation'),
        e('D-1', 'Lead Generation', 'negotiation'),
        e('D-1', 'Negotiation', 'Qualification'), // went back: still reached 4
        e('D-2', 'Proposal', 'Closed Lost'), //   From counts: 3
        e('D-3', '', 'Closed Lost'),
        e('D-3', 'Pitch', 'Closed Lost'), // nothing reached: -1
        e('D-4', 'Negotiation', 'Closed Won'), // 5
      ],
      defaultStageTable(),
    );
    expect(Object.fromEntries(reach)).toEqual({ 'D-1': 4, 'D-2': 3, 'D-3': -1, 'D-4': 5 });
  });

  test('historyReach: aligned with the deal IDs; a blank ID or one without history is NO_HISTORY (-2)', () => {
    const reach = new Map([
      ['D-1', 4],
      ['D-3', -1],
    ]);
    expect([...historyReach(['D-1', '', 'D-2', 'D-3'], reach)]).toEqual([4, -2, -2, -1]);
  });
});

test('reachedByIdFromRows gives what reachedById(parseHistory(rows)) gives, field rows, blanks and unknowns included', () => {
  const table = defaultStageTable();
  const names = [
    'Lead Generation',
    'Qualification',
    'Proposal',
    'Negotiation',
    'Closed Won',
    'Closed Lost',
    'Nope',
    '',
  ];
  let seed = 7;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const rows = Array.from({ length: 2000 }, (_, i) => [
    new Date(Date.UTC(2026, 0, 1 + (i % 300))),
    rnd(10) === 0 ? '' : ` D-${rnd(150)} `,
    'Deal',
    names[rnd(names.length)] as string,
    names[rnd(names.length)] as string,
    'x',
    'edit',
    '',
    rnd(5) === 0 ? 'Value' : rnd(7) === 0 ? 'Stage' : '',
  ]);
  // Independent: the highest open/won stage index over From and To of each ID's stage rows, by hand.
  const expected = new Map<string, number>();
  for (const r of rows) {
    const id = String(r[1]).trim();
    if (id === '' || r[4] === '' || r[8] === 'Value') continue;
    let top = expected.get(id) ?? -1;
    for (const name of [r[3], r[4]] as string[]) {
      const k = [
        'Lead Generation',
        'Initial Contact',
        'Qualification',
        'Proposal',
        'Negotiation',
        'Closed Won',
      ].indexOf(name);
      if (k > top) top = k;
    }
    expected.set(id, top);
  }
  expect(reachedByIdFromRows(rows, table)).toEqual(expected);
  expect(reachedByIdFromRows(rows, table)).toEqual(reachedById(parseHistory(rows), table));
});
