/** src/core/columns.ts: Deals-tab columns found by header text with aliases; A1 column letters. */
import {
  CHECKBOX_COLUMNS,
  COLUMN_KEYS,
  COLUMN_LABELS,
  columnForHeader,
  columnLetter,
  DATE_COLUMNS,
  foldHeader,
  mapHeaders,
  MONEY_COLUMNS,
  OPTIONAL_COLUMNS,
} from '../../src/core/columns';
import { DEAL_HEADERS } from '../../fixtures/deals';

test('foldHeader drops case, spaces and punctuation but keeps # and %', () => {
  expect(foldHeader(' Close-Date ')).toBe('closedate');
  expect(foldHeader('Deal #')).toBe('deal#');
  expect(foldHeader('Probability %')).toBe('probability%');
  expect(foldHeader('Stage_Entered (date)')).toBe('stageentereddate');
});

test('headers and their common aliases name the known columns; anything else names none', () => {
  const cases: [string, string | undefined][] = [
    ['Amount', 'value'],
    ['Deal Size', 'value'],
    ['REP', 'owner'],
    ['Sales  Rep', 'owner'],
    ['Close Date', 'expectedClose'],
    ['close_date', 'expectedClose'],
    ['Opportunity Name', 'deal'],
    ['Account', 'company'],
    ['Deal Stage', 'stage'],
    ['Win %', 'probability'],
    ['Deal #', 'dealId'],
    ['Last Contacted', 'lastActivity'],
    ['Stage Date', 'stageEntered'],
    ['Date Created', 'created'],
    ['Reason Lost', 'lostReason'],
    ['Deal Health', 'health'],
    ['Notes', undefined],
    ['', undefined],
    ['Deals', undefined],
    ['Value 2', undefined],
  ];
  expect(cases.map(([h]) => [h, columnForHeader(h)])).toEqual(cases);
});

test('every label the add-on writes is read back as its own column', () => {
  expect(COLUMN_KEYS.filter((k) => columnForHeader(COLUMN_LABELS[k]) !== k)).toEqual([]);
  expect(COLUMN_KEYS.filter((k) => !OPTIONAL_COLUMNS.includes(k)).map((k) => COLUMN_LABELS[k])).toEqual(DEAL_HEADERS);
  expect(OPTIONAL_COLUMNS.map((k) => COLUMN_LABELS[k])).toEqual([
    'Forecast Category',
    'Snoozed Until',
    'Snooze Reason',
  ]);
});

test('mapHeaders: zero-based index per known column, the first match wins, blanks and unknowns skipped', () => {
  expect(mapHeaders(['Notes', 'Amount', null, 'Value', 'stage', undefined, 'Deal ID'])).toEqual({
    value: 1,
    stage: 4,
    dealId: 6,
  });
  expect(mapHeaders([])).toEqual({});
  const all = mapHeaders(DEAL_HEADERS);
  expect(DEAL_HEADERS.map((_, i) => i).filter((i) => Object.values(all).indexOf(i) < 0)).toEqual([]);
});

test('the column groups: BANT checkboxes, the dates, the money column', () => {
  expect([...CHECKBOX_COLUMNS]).toEqual(['budget', 'authority', 'need', 'timeline']);
  expect([...DATE_COLUMNS]).toEqual([
    'expectedClose',
    'created',
    'stageEntered',
    'lastActivity',
    'nextStepDue',
    'snoozedUntil',
  ]);
  expect([...MONEY_COLUMNS]).toEqual(['value']);
});

test('columnLetter: A..Z, then AA; ZZ is 701, AAA 702', () => {
  // Letters are bijective base 26: index = sum of (letter 1..26) x 26^position, minus 1.
  const index = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0) - 1;
  expect([0, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetter)).toEqual([
    'A',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
    'XFD',
  ]);
  for (let i = 0; i < 20_000; i += 7)
    if (index(columnLetter(i)) !== i) throw new Error(`columnLetter(${i}) = ${columnLetter(i)}`);
});
