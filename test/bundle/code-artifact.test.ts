/** The shipped file itself: dist/Code.js as Apps Script will load it. */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CATALOG } from '../../src/functions/catalog';

const dist = join(__dirname, '..', '..', 'dist');
const code = readFileSync(join(dist, 'Code.js'), 'utf8');

// The shipped stubs must carry what the catalog says: names, parameters, types, help, example.
const CUSTOM_FUNCTIONS: Record<string, string[]> = Object.fromEntries(
  CATALOG.map((f) => [f.name, f.params.map((p) => p.name)]),
);
const OTHER_ENTRY_POINTS = [
  'onOpen',
  'onInstall',
  'onEdit',
  'menuSetUpPipeline',
  'menuMoveDeal',
  'menuCheckSettings',
  'menuRefreshSummary',
  'menuFlagStaleDeals',
  'menuTurnOnAutomation',
  'menuTurnOffAutomation',
  'menuSetAutomationHour',
  'getSelectedDeal',
  'moveDeal',
  'onAutomationTick',
  'onDealEdit',
];

describe('dist/Code.js', () => {
  test('has no import, export or require', () => {
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toMatch(/\brequire\(/);
  });

  test.each(Object.entries(CUSTOM_FUNCTIONS))(
    '%s is a top-level declaration with its named parameters and full JSDoc',
    (name, params) => {
      const decl = new RegExp(`(\\/\\*\\*(?:(?!\\*\\/)[\\s\\S])*\\*\\/)\\nfunction ${name}\\(([^)]*)\\)`).exec(code);
      expect(decl).not.toBeNull();
      const [, jsdoc, list] = decl as RegExpExecArray;
      expect((list as string).split(',').map((s) => s.trim())).toEqual(params);
      expect(jsdoc).toContain('@customfunction');
      expect(jsdoc).toMatch(/@return/);
      const spec = CATALOG.find((f) => f.name === name);
      const flat = (t: string): string => t.replace(/\n \* ?/g, ' ').replace(/\s+/g, ' ');
      for (const p of spec?.params ?? []) {
        expect(flat(jsdoc as string)).toContain(
          flat(`@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${p.help}`),
        );
      }
      expect(flat(jsdoc as string)).toContain(flat(spec?.description ?? 'missing'));
      expect(jsdoc).toContain(`Example: ${spec?.example}`);
      expect(spec?.example.startsWith(`=${name}(`)).toBe(true);
      // The stub hands the argument checks the catalog's parameter list, optional ones bracketed.
      const parameterList = (spec?.params ?? []).map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
      expect(code).toContain(
        `function ${name}(${params.join(', ')}) {\n  return DealPipeline.runCustomFunction(${JSON.stringify(name)}, ${JSON.stringify(parameterList)}, arguments);\n}`,
      );
      // A one-line description before the tags.
      expect((jsdoc as string).split('@')[0]).toMatch(/[A-Za-z]{4,}/);
    },
  );

  test.each(OTHER_ENTRY_POINTS)('%s is a top-level function declaration', (name) => {
    expect(code).toMatch(new RegExp(`^function ${name}\\(`, 'm'));
  });

  test('loads in a fresh V8 context that defines only Apps Script globals, exposing every entry point', () => {
    const ctx = vm.createContext({
      SpreadsheetApp: {},
      PropertiesService: {},
      LockService: {},
      ScriptApp: {},
      HtmlService: {},
      Session: {},
      Utilities: {},
      Logger: {},
      CacheService: {},
      Charts: {},
    });
    vm.runInContext(code, ctx);
    for (const name of [...Object.keys(CUSTOM_FUNCTIONS), ...OTHER_ENTRY_POINTS]) {
      expect(vm.runInContext(`typeof ${name}`, ctx)).toBe('function');
    }
    // The bundle does no service work at load time (custom functions load it on every call).
    expect(vm.runInContext('typeof DealPipeline', ctx)).toBe('object');
  });

  test('stays within its size budget', () => {
    expect(statSync(join(dist, 'Code.js')).size).toBeLessThanOrEqual(128 * 1024);
  });

  test('appsscript.json asks for V8 and the narrowest scopes', () => {
    const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as {
      runtimeVersion: string;
      oauthScopes: string[];
    };
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/script.scriptapp',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
  });

  test('the sidebar is one self-contained HTML file', () => {
    const html = readFileSync(join(dist, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+stylesheet/i);
    expect(html).not.toContain('INLINE_');
    expect(html).toContain('google.script.run');
    expect(html).not.toMatch(/innerHTML\s*=/);
  });
});
