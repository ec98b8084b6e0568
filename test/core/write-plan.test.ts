/** src/core/write-plan.ts: finding planned rows again and cutting writes into contiguous blocks. */
import fc from 'fast-check';
import { mapHeaders } from '../../src/core/columns';
import {
  cellBlocks,
  changedSince,
  KEEP,
  locateRows,
  missingColumns,
  rowFingerprint,
  WritePlan,
} from '../../src/core/write-plan';

const plan = (rows: WritePlan['rows']): WritePlan => ({ action: 'Test', rows, history: [], needs: ['dealId'] });
const byId = (id: string, row: number) => ({ key: { by: 'id' as const, id }, row, cells: { stage: 'x' } });

describe('locateRows', () => {
  const fresh = (ids: string[], rows?: unknown[][]) => ({
    tab: 'Deals',
    firstRow: 2,
    ids,
    rows: rows as never,
    healthColumn: 2,
  });

  test('an ID alone on its planned row stays; after a sort it is found where it went', () => {
    expect(locateRows(plan([byId('D-2', 3)]), fresh(['D-1', 'D-2', 'D-3']))).toEqual({ ok: true, rows: [3] });
    expect(locateRows(plan([byId('D-2', 3)]), fresh(['D-3', 'D-1', 'D-2']))).toEqual({ ok: true, rows: [4] });
  });

  test('a missing or shared ID refuses the whole plan, naming the rows', () => {
    expect(locateRows(plan([byId('D-1', 2), byId('D-9', 3)]), fresh(['D-1', 'D-2']))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/D-9 is no longer on the Deals tab/),
    });
    expect(locateRows(plan([byId('D-1', 2)]), fresh(['D-1', 'D-2', ' D-1 ']))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/D-1 is on rows 2 and 4/),
    });
  });

  test('a content key prefers its planned row, else the one row with the same cells (Health ignored), else refuses', () => {
    const a = ['', 'Acme', 'old health'];
    const key = { by: 'content' as const, fingerprint: rowFingerprint(a, 2) };
    const w = { key, row: 3, cells: { dealId: 'D-7' } };
    expect(
      locateRows(
        plan([w]),
        fresh(
          ['', ''],
          [
            ['', 'Beta', ''],
            ['', 'Acme', 'new health'],
          ],
        ),
      ),
    ).toEqual({ ok: true, rows: [3] });
    expect(
      locateRows(
        plan([w]),
        fresh(
          ['', '', ''],
          [
            ['', 'Zed', ''],
            ['', 'Beta', ''],
            ['', 'Acme', ''],
          ],
        ),
      ),
    ).toEqual({ ok: true, rows: [4] });
    expect(
      locateRows(
        plan([w]),
        fresh(
          ['', ''],
          [
            ['', 'Acme!', ''],
            ['', 'Beta', ''],
          ],
        ),
      ),
    ).toMatchObject({ ok: false });
    expect(
      locateRows(
        plan([w]),
        fresh(
          ['', '', '', ''],
          [
            ['', 'Zed', ''],
            ['', 'Beta', ''],
            ['', 'Acme', ''],
            ['', 'Acme', ''],
          ],
        ),
      ),
    ).toMatchObject({ ok: false });
  });

  test('two plan rows aimed at one sheet row refuse', () => {
    expect(locateRows(plan([byId('D-1', 2), byId('D-1', 2)]), fresh(['D-1']))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/Two changes/),
    });
  });
});

test('rowFingerprint: dates by instant, types kept apart, trailing blanks and the skipped column ignored', () => {
  expect(rowFingerprint(['a', 1, ''], undefined)).toBe(rowFingerprint(['a', 1], undefined));
  expect(rowFingerprint(['a', 1], undefined)).not.toBe(rowFingerprint(['a', '1'], undefined));
  expect(rowFingerprint([new Date(5)], undefined)).toBe(rowFingerprint([new Date(5)], undefined));
  expect(rowFingerprint([new Date(5)], undefined)).not.toBe(rowFingerprint([new Date(6)], undefined));
  expect(rowFingerprint(['a', 'h1'], 1)).toBe(rowFingerprint(['a', 'h2'], 1));
});

test('missingColumns names what the header row lacks, in label form', () => {
  const columns = mapHeaders(['Deal ID', 'Stage']);
  expect(
    missingColumns(
      plan([{ key: { by: 'id', id: 'D-1' }, row: 2, cells: { stage: 'x', lastActivity: 1, lostReason: 'r' } }]),
      columns,
    ),
  ).toEqual(['Last Activity', 'Lost Reason']);
});

test('changedSince reports a written cell whose text moved on since the plan read it', () => {
  const columns = mapHeaders(['Deal ID', 'Stage']);
  const p = plan([{ key: { by: 'id', id: 'D-1' }, row: 2, cells: { stage: 'Won' }, was: { stage: 'Proposal' } }]);
  expect(changedSince(p, [5], columns, () => 'Proposal')).toBeUndefined();
  expect(changedSince(p, [5], columns, (r, c) => (r === 5 && c === 1 ? 'Lost' : ''))).toMatch(
    /Stage on row 5 changed to "Lost"/,
  );
});

describe('cellBlocks', () => {
  const columns = mapHeaders(['Deal ID', 'Stage', 'Stage Entered', 'Last Activity', 'Notes', 'Health']);

  test('adjacent columns share a block; rows between planned ones are kept', () => {
    const blocks = cellBlocks(
      [
        { row: 2, cells: { stageEntered: 'a', lastActivity: 'b', health: 'h2' } },
        { row: 5, cells: { stageEntered: 'c', health: 'h5' } },
      ],
      columns,
    );
    expect(blocks).toEqual([
      {
        row: 2,
        column: 2,
        cells: [
          ['a', 'b'],
          [KEEP, KEEP],
          [KEEP, KEEP],
          ['c', KEEP],
        ],
      },
      { row: 2, column: 5, cells: [['h2'], [KEEP], [KEEP], ['h5']] },
    ]);
  });

  test('property: every planned cell is in exactly one block at its place; the block count depends on columns only', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 2, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.subarray(['stage', 'stageEntered', 'health'] as const, { minLength: 1 }),
        (rows, keys) => {
          const writes = rows.map((row) => ({ row, cells: Object.fromEntries(keys.map((k) => [k, `${k}@${row}`])) }));
          const blocks = cellBlocks(writes, columns);
          const adjacentGroups = new Set(keys.map((k) => (k === 'health' ? 'h' : 'se'))).size;
          expect(blocks).toHaveLength(adjacentGroups);
          for (const w of writes) {
            for (const k of keys) {
              const col = columns[k] as number;
              const hits = blocks.filter(
                (b) =>
                  col >= b.column &&
                  col < b.column + (b.cells[0] as unknown[]).length &&
                  w.row >= b.row &&
                  w.row < b.row + b.cells.length,
              );
              expect(hits).toHaveLength(1);
              const b = hits[0]!;
              expect(b.cells[w.row - b.row]?.[col - b.column]).toBe(`${k}@${w.row}`);
            }
          }
          const planned = rows.length * keys.length;
          const nonKeep = blocks.reduce((n, b) => n + b.cells.flat().filter((v) => v !== KEEP).length, 0);
          expect(nonKeep).toBe(planned);
        },
      ),
    );
  });
});

test('changedSince ignores a "was" for a cell the plan does not write, or a column the tab lacks; blanks read "(blank)"', () => {
  const columns = mapHeaders(['Deal ID', 'Stage']);
  const notWritten = plan([
    { key: { by: 'id', id: 'D-1' }, row: 2, cells: { health: 'x' }, was: { stage: 'Proposal' } },
  ]);
  expect(changedSince(notWritten, [2], columns, () => 'Lost')).toBeUndefined();
  const noColumn = plan([
    { key: { by: 'id', id: 'D-1' }, row: 2, cells: { lostReason: 'x' }, was: { lostReason: '' } },
  ]);
  expect(changedSince(noColumn, [2], columns, () => 'typed')).toBeUndefined();
  const blank = plan([{ key: { by: 'id', id: 'D-1' }, row: 2, cells: { stage: 'Won' }, was: { stage: 'Proposal' } }]);
  expect(changedSince(blank, [7], columns, () => '')).toBe(
    'Stage on row 7 changed to "(blank)" while this ran (it was "Proposal").',
  );
});
