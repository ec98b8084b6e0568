/** src/core/requirements.ts: the entry-requirement grammar (DOMAIN.md) and whether a deal meets an item. */
import { dealCells } from '../../fixtures/deal-records';
import { isMet, parseRequirements, Requirement } from '../../src/core/requirements';

const one = (text: string): Requirement => {
  const p = parseRequirements(text);
  if (!p.ok || p.requirements.length !== 1) throw new Error(`expected one requirement from ${text}`);
  return p.requirements[0] as Requirement;
};

describe('parseRequirements', () => {
  test('"Column" means filled; "Column > n" and ">= n" compare numbers; labels use the column\'s own name', () => {
    expect(parseRequirements('Budget, Authority')).toEqual({
      ok: true,
      requirements: [
        { column: 'budget', op: 'filled', threshold: 0, label: 'Budget' },
        { column: 'authority', op: 'filled', threshold: 0, label: 'Authority' },
      ],
    });
    expect(one('Value > 0')).toEqual({ column: 'value', op: '>', threshold: 0, label: 'Value > 0' });
    expect(one('Deal Size >= 5000')).toEqual({ column: 'value', op: '>=', threshold: 5000, label: 'Value >= 5000' });
    expect(one('amount>=$5000.50')).toEqual({ column: 'value', op: '>=', threshold: 5000.5, label: 'Value >= 5000.5' });
    // A thousands separator is part of the number, not a separator between requirements.
    expect(parseRequirements('Value >= 5,000, Need')).toEqual({
      ok: true,
      requirements: [
        { column: 'value', op: '>=', threshold: 5000, label: 'Value >= 5000' },
        { column: 'need', op: 'filled', threshold: 0, label: 'Need' },
      ],
    });
    expect(parseRequirements('Value > 1,250,000;Budget,Authority')).toMatchObject({
      ok: true,
      requirements: [{ threshold: 1250000 }, { column: 'budget' }, { column: 'authority' }],
    });
    expect(one('close date')).toEqual({ column: 'expectedClose', op: 'filled', threshold: 0, label: 'Expected Close' });
  });

  test('items split on commas, semicolons and new lines; blank items are skipped; blank text needs nothing', () => {
    const p = parseRequirements('Budget,, ;Need\nOwner ; ');
    expect(p.ok && p.requirements.map((r) => r.label)).toEqual(['Budget', 'Need', 'Owner']);
    expect(parseRequirements('')).toEqual({ ok: true, requirements: [] });
    expect(parseRequirements('  ')).toEqual({ ok: true, requirements: [] });
  });

  test('an unknown column or a threshold that is not a number is an error naming the item', () => {
    expect(parseRequirements('Budget, Budgett')).toEqual({
      ok: false,
      error: 'unknown column "Budgett" in requirement "Budgett"',
    });
    expect(parseRequirements('Foo > 5')).toEqual({ ok: false, error: 'unknown column "Foo" in requirement "Foo > 5"' });
    expect(parseRequirements('Value > lots')).toEqual({
      ok: false,
      error: '"lots" is not a number in requirement "Value > lots"',
    });
  });
});

describe('isMet', () => {
  test('a checkbox column must be ticked: TRUE or text a person means as ticked', () => {
    const budget = one('Budget');
    for (const v of [true, 'TRUE', 'yes', 'x', 1, ' Y '])
      expect([v, isMet(budget, dealCells({ budget: v }))]).toEqual([v, true]);
    for (const v of [false, 'FALSE', '', 'no', 0, 2, 'maybe'])
      expect([v, isMet(budget, dealCells({ budget: v }))]).toEqual([v, false]);
  });

  test('any other column must be non-blank (FALSE counts as blank, 0 does not)', () => {
    const owner = one('Owner');
    for (const v of ['Ann', 0, 'FALSE', new Date(0)])
      expect([v, isMet(owner, dealCells({ owner: v }))]).toEqual([v, true]);
    for (const v of ['', '   ', null, undefined, false])
      expect([v, isMet(owner, dealCells({ owner: v }))]).toEqual([v, false]);
  });

  test('> is strict and >= is not; text numbers are read; unreadable or blank cells fail', () => {
    const positive = one('Value > 0');
    const atLeast = one('Value >= 5000');
    const cases: [unknown, boolean, boolean][] = [
      [1, true, false],
      [0, false, false],
      [-1, false, false],
      ['$5,000', true, true],
      [5000, true, true],
      [4999.99, true, false],
      ['', false, false],
      ['tbd', false, false],
      [true, false, false],
    ];
    expect(
      cases.map(([v]) => [
        v,
        isMet(positive, dealCells({ value: v as never })),
        isMet(atLeast, dealCells({ value: v as never })),
      ]),
    ).toEqual(cases);
  });
});
