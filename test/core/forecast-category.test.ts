/**
 * src/core/forecast-category.ts: a typed category is read case-insensitively and kept; a blank one
 * takes the stage's default (by win probability); closed deals are Closed / Omitted; an unknown one
 * is a data problem naming the row and value, and the deal still counts.
 */
import { defaultDeal, defaultTableStage } from '../../fixtures/deal-records';
import { DEFAULT_STAGES } from '../../fixtures/stages';
import { zoneDayReader } from '../../src/core/calendar';
import { mapHeaders } from '../../src/core/columns';
import { parseDeals } from '../../src/core/deals';
import { categoryOf, defaultCategory, readCategory } from '../../src/core/forecast-category';
import { defaultStageTable } from '../../src/core/settings';
import { makeStageTable } from '../../src/core/stages';

test('typed categories in any case and spacing; blank is null; anything else is unknown', () => {
  expect(['commit', ' COMMIT ', 'Best case', 'best-case', 'BESTCASE', 'pipeline', 'Omitted'].map(readCategory)).toEqual(
    ['Commit', 'Commit', 'Best case', 'Best case', 'Best case', 'Pipeline', 'Omitted'],
  );
  expect(readCategory('')).toBeNull();
  expect(readCategory('  ')).toBeNull();
  expect(readCategory('Upside')).toBeUndefined();
  expect(readCategory(3)).toBeUndefined();
  expect(readCategory('Closed')).toBeUndefined(); // Closed is the add-on's word for won deals, not a choice
});

test('the default stages default as the README says: 75% and up Commit, 50% and up Best case, else Pipeline', () => {
  // Independent: the README's table, per default stage.
  const expected: Record<string, string> = {
    'Lead Generation': 'Pipeline',
    'Initial Contact': 'Pipeline',
    Qualification: 'Pipeline',
    Proposal: 'Best case',
    Negotiation: 'Commit',
    'Closed Won': 'Closed',
    'Closed Lost': 'Omitted',
  };
  for (const s of DEFAULT_STAGES) expect(defaultCategory(defaultTableStage(s.name))).toBe(expected[s.name]);
});

test('thresholds on a custom stage table: 0.75 Commit, 0.7499 Best case, 0.5 Best case, 0.4999 Pipeline', () => {
  const stage = (name: string, probability: number) => ({
    name,
    index: 0,
    probability,
    outcome: 'Open' as const,
    staleAfter: null,
    requirements: [],
    nextStepRequired: false,
    cleanupAfter: null,
    color: null,
  });
  const t = makeStageTable([stage('A', 0.75), stage('B', 0.7499), stage('C', 0.5), stage('D', 0.4999)]);
  expect(t.stages.map(defaultCategory)).toEqual(['Commit', 'Best case', 'Best case', 'Pipeline']);
});

test("an open deal's typed category wins over its stage's; closed deals are Closed or Omitted whatever is typed", () => {
  expect(categoryOf(defaultDeal('Lead Generation', { forecastCategory: 'commit' }))).toBe('Commit');
  expect(categoryOf(defaultDeal('Negotiation', { forecastCategory: 'Pipeline' }))).toBe('Pipeline');
  expect(categoryOf(defaultDeal('Negotiation', { forecastCategory: 'omitted' }))).toBe('Omitted');
  expect(categoryOf(defaultDeal('Negotiation'))).toBe('Commit');
  expect(categoryOf(defaultDeal('Proposal', { forecastCategory: 'Upside' }))).toBe('Best case'); // unknown: default
  expect(categoryOf(defaultDeal('Closed Won', { forecastCategory: 'Pipeline' }))).toBe('Closed');
  expect(categoryOf(defaultDeal('Closed Lost', { forecastCategory: 'Commit' }))).toBe('Omitted');
});

test('an unknown category on the Deals tab is a data problem naming row and value; the deal still counts', () => {
  const headers = ['Deal ID', 'Deal', 'Stage', 'Value', 'Forecast Category'];
  const { deals, problems } = parseDeals(
    [
      ['D-1', 'Acme', 'Proposal', 100, 'Upside'],
      ['D-2', 'Beta', 'Proposal', 200, 'best case'],
      ['D-3', 'Core', 'Proposal', 300, ''],
    ],
    mapHeaders(headers),
    defaultStageTable(),
    zoneDayReader('UTC'),
  );
  expect(deals.map((d) => [d.id, d.forecastCategory, categoryOf(d)])).toEqual([
    ['D-1', 'Upside', 'Best case'],
    ['D-2', 'best case', 'Best case'],
    ['D-3', '', 'Best case'],
  ]);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ row: 2, column: 'Forecast Category', value: '"Upside"' });
  expect(problems[0]?.problem).toMatch(/not a forecast category \(use Commit, Best case, Pipeline, Omitted/);
});
