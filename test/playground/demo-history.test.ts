/**
 * The demo workbook shows the history features with real content: the summary's time in stage,
 * bottleneck, set vs observed probabilities and forecast accuracy (from six months of seeded
 * forecast snapshots), and the Forecast tab's history formulas evaluate without errors.
 */
import { Emulator } from '../../emulator';
import { buildDemo } from '../../playground/demo';
import { recalculate } from '../../playground/formulas';
import { summarySection as section } from '../helpers/summary-tab';
import { readTab } from '../helpers/workbook';

test('the demo summary has time in stage, a bottleneck, observed probabilities and forecast accuracy', () => {
  const emu = new Emulator({ timeZone: 'America/New_York' }).load();
  buildDemo(emu);
  const rows = readTab(emu, 'Pipeline Summary');
  const time = section(rows, /^Time in stage/);
  expect(time.slice(0, 5).every((r) => (r[1] as number) > 10)).toBe(true);
  expect(time[5]?.[0]).toBe('Bottleneck');
  expect(section(rows, /^Stuck deals/).length).toBeGreaterThan(5);
  const calibration = section(rows, /^Win probability by stage/);
  expect(calibration.every((r) => (r[3] as number) > 20)).toBe(true);
  const accuracy = section(rows, /^Forecast accuracy/);
  expect(accuracy.length).toBeGreaterThan(8);
  expect(accuracy.at(-1)?.[0]).toBe('Mean absolute error');
  const { errors } = recalculate(emu);
  expect([...(errors.get('Forecast')?.entries() ?? [])]).toEqual([]);
  const forecast = readTab(emu, 'Forecast');
  expect(forecast[1]?.[7]).toBeGreaterThan(0.5);
  expect(forecast[2]?.[7]).toBeGreaterThan(0);
});

test('the demo names its deals so that possible duplicates are the exception, not most of Data problems', () => {
  const emu = new Emulator({ timeZone: 'America/New_York' }).load();
  buildDemo(emu);
  const problems = section(readTab(emu, 'Pipeline Summary'), /^Data problems$/);
  const duplicates = problems.filter((r) => /possibly the same deal/.test(String(r[4])));
  const open = readTab(emu, 'Deals')
    .slice(1)
    .filter((r) => !/^Closed/.test(String(r[4])));
  // A handful, as a real pipeline has; never a tenth of the open deals.
  expect(duplicates.length).toBeLessThan(open.length / 10);
});
