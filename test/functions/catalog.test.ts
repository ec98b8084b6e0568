/**
 * The function catalog is the one list: the README's function table, the argument checks of the
 * shipped stubs and the playground's formula engine all follow it.
 */
import { CATALOG } from '../../src/functions/catalog';
import { CUSTOM_FUNCTIONS as PLAYGROUND_FUNCTIONS } from '../../playground/formulas';
import { tableAfter } from '../helpers/readme-example';
import { loadedEmulator } from '../helpers/workbook';

/** The rows of the first table after a heading, as cell text. */
const tableUnder = (heading: string): string[][] => tableAfter(`\n${heading}\n`);

/** Written independently of the catalog's own helper: optional parameters in brackets. */
const usage = (f: (typeof CATALOG)[number]): string =>
  `${f.name}(${f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ')})`;

test("the README's function table lists exactly the catalog, in order, with its parameters and summaries", () => {
  const rows = tableUnder('### Custom functions');
  expect(rows[0]).toEqual(['function', 'returns']);
  expect(rows.slice(1)).toEqual(CATALOG.map((f) => [`\`${usage(f)}\``, f.summary]));
});

test('every catalog entry is complete: unique name, parameters named once, optional ones last, help for each', () => {
  expect(new Set(CATALOG.map((f) => f.name)).size).toBe(CATALOG.length);
  for (const f of CATALOG) {
    expect(f.name).toMatch(/^[A-Z_]+$/);
    expect(new Set(f.params.map((p) => p.name)).size).toBe(f.params.length);
    const firstOptional = f.params.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(f.params.slice(firstOptional).every((p) => p.optional)).toBe(true);
    for (const p of f.params) expect(p.help.length).toBeGreaterThan(10);
    expect(f.description.length).toBeGreaterThan(20);
    expect(f.example.startsWith(`=${f.name}(`)).toBe(true);
  }
});

test("the playground's formula engine takes its functions and argument counts from the catalog", () => {
  expect(PLAYGROUND_FUNCTIONS).toEqual(
    Object.fromEntries(CATALOG.map((f) => [f.name, [f.params.filter((p) => !p.optional).length, f.params.length]])),
  );
});

describe('the shipped stubs check arguments against the catalog', () => {
  const emu = loadedEmulator();
  const call = (name: string, ...args: unknown[]): unknown => emu.callCustomFunction(name, ...args);
  const TABLE = [
    ['Stage', 'Win probability', 'Outcome'],
    ['Lead', 0.1, 'Open'],
    ['Won', 1, 'Won'],
    ['Lost', 0, 'Lost'],
  ];

  test('too many arguments is an error naming the function and its usage', () => {
    expect(() => call('WIN_RATE', [['Won'], ['Lost']], TABLE, 'extra')).toThrow(
      'WIN_RATE: takes at most 2 arguments but was given 3; use WIN_RATE(stages, [stage_table])',
    );
    expect(() => call('PIPELINE_VALUE', [[1]], [['Lead']], TABLE, [[0.5]])).toThrow(
      'PIPELINE_VALUE: takes at most 3 arguments but was given 4',
    );
  });

  test('a missing required argument is named, for every function', () => {
    for (const f of CATALOG) {
      const first = f.params.find((p) => !p.optional);
      expect(() => call(f.name)).toThrow(`${f.name}: ${first?.name} is missing; use ${usage(f)}`);
    }
    expect(() => call('WEIGHTED_FORECAST', [[1000]])).toThrow('WEIGHTED_FORECAST: stages is missing');
    expect(() => call('CONVERSION_RATE', [['Lead']], 'Lead', null, TABLE)).toThrow(
      'CONVERSION_RATE: to_stage is missing',
    );
  });

  test('trailing omitted optional arguments are accepted', () => {
    expect(call('WIN_RATE', [['Won'], ['Lost']], TABLE, undefined, undefined)).toBe(0.5);
    expect(call('PIPELINE_VALUE', [[1000], [2000]], [['Lead'], ['Won']], TABLE)).toBe(1000);
  });
});
