/** The daily tables' reader and once-a-day append (Pipeline and Forecast Snapshots), on the TypeScript sources. */
import { Emulator } from '../../emulator';
import { startOfDayIn, zoneDayReader } from '../../src/core/calendar';
import { appendToday, readDailyRows } from '../../src/sheets/daily-table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
const ZONE = 'America/New_York';
const readZone = zoneDayReader(ZONE);
const DAY = Date.UTC(2026, 2, 8) / 86_400_000;

function table(): { emu: Emulator; sheet: Sheet } {
  const emu = new Emulator({ timeZone: ZONE });
  const s = emu.book.insertSheet('Daily');
  s.getRange(1, 1, 1, 3).setValues([['Date', 'Stage', 'Deals']]);
  return { emu, sheet: s as unknown as Sheet };
}

test('appends a day once: a second append for the same day (another run got there first) writes nothing', () => {
  const { sheet } = table();
  const date = startOfDayIn(DAY, ZONE);
  expect(appendToday(sheet, [[date, 'Proposal', 2]], DAY, readZone, ['yyyy-mm-dd'])).toBe(true);
  expect(appendToday(sheet, [[date, 'Proposal', 9]], DAY, readZone, ['yyyy-mm-dd'])).toBe(false);
  expect(appendToday(sheet, [], DAY + 1, readZone, ['yyyy-mm-dd'])).toBe(false);
  const next = startOfDayIn(DAY + 1, ZONE);
  expect(
    appendToday(
      sheet,
      [
        [next, 'Won', 1],
        [next, 'Lost', 3],
      ],
      DAY + 1,
      readZone,
      ['yyyy-mm-dd', '@'],
    ),
  ).toBe(true);
  expect(sheet.getRange(2, 1, 3, 3).getValues()).toEqual([
    [date, 'Proposal', 2],
    [next, 'Won', 1],
    [next, 'Lost', 3],
  ]);
  expect(sheet.getRange(2, 1, 3, 2).getNumberFormats()).toEqual([
    ['yyyy-mm-dd', expect.anything()],
    ['yyyy-mm-dd', '@'],
    ['yyyy-mm-dd', '@'],
  ]);
  expect(sheet.getLastRow()).toBe(4);
});

test('reads each row with a readable day in column A; others, and those the parser refuses, are left out', () => {
  const { sheet } = table();
  const date = startOfDayIn(DAY, ZONE);
  sheet.getRange(2, 1, 4, 3).setValues([
    [date, 'Proposal', 2],
    ['not a date', 'Won', 1],
    [date, 'skip', 5],
    [date, 'Lost', 3],
  ]);
  const rows = readDailyRows(sheet, 3, readZone, (r, day) => (r[1] === 'skip' ? undefined : { day, stage: r[1] }));
  expect(rows).toEqual([
    { day: DAY, stage: 'Proposal' },
    { day: DAY, stage: 'Lost' },
  ]);
  expect(readDailyRows(table().sheet, 3, readZone, () => 1)).toEqual([]);
});
