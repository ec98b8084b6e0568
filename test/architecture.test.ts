/**
 * The shape of src/ (README, "Layout"): only src/sheets touches Apps
 * Script's services, and each folder imports only the layers below it. Read from the sources with
 * the TypeScript parser, so comments and strings never count and every import form does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');
const SRC = join(ROOT, 'src');

/** Apps Script's global services. */
const GLOBALS = new Set([
  'SpreadsheetApp',
  'ScriptApp',
  'Utilities',
  'HtmlService',
  'Session',
  'LockService',
  'PropertiesService',
  'CacheService',
  'Charts',
]);
/** The only folder that may use them. */
const SHEET_LAYER = 'sheets';
/** Files outside src/sheets allowed one mention each (src/main.ts's one-line wiring); keep it short. */
const ALLOWED_OUTSIDE: Readonly<Record<string, readonly string[]>> = {};

/** What each folder of src/ may import from (besides itself). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: ['shared'],
  shared: [],
  functions: ['core'],
  sheets: ['core'],
  actions: ['core', 'shared', 'sheets'],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

function parse(path: string, text = readFileSync(path, 'utf8')): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
}

/** Uses of an Apps Script global as a value or type query: not `x.Charts`, not `GoogleAppsScript.Charts`, not a property name. */
function globalUses(file: ts.SourceFile): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && GLOBALS.has(node.text)) {
      const p = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isQualifiedName(p) && p.right === node) ||
        ((ts.isPropertyAssignment(p) ||
          ts.isPropertySignature(p) ||
          ts.isPropertyDeclaration(p) ||
          ts.isMethodDeclaration(p) ||
          ts.isMethodSignature(p)) &&
          p.name === node);
      if (!isMemberName)
        out.push({ name: node.text, line: file.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** Every module a file imports or re-exports (static, dynamic, type-only). */
function importedModules(file: ts.SourceFile): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      out.push(node.moduleSpecifier.text);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    )
      out.push(node.arguments[0].text);
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal))
      out.push(node.argument.literal.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

/** The folder of src/ a path is in ('main' for src/main.ts), or undefined outside src/. */
function layerOf(path: string): string | undefined {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return undefined;
  const first = rel.split(sep)[0] as string;
  return first.endsWith('.ts') ? first.slice(0, -3) : first;
}

const files = sourceFiles(SRC);
const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');

test('the scanners see what they must (and only that)', () => {
  const sample = parse(
    'sample.ts',
    [
      '// SpreadsheetApp in a comment',
      "const s = 'Utilities in a string';",
      'const ui = SpreadsheetApp.getUi();',
      'type T = GoogleAppsScript.Charts.ChartType;',
      'const o = { Session: 1 }; o.Session;',
      'let q: typeof LockService;',
      "import { a } from '../sheets/x';",
      "export { b } from './y';",
      "type Z = import('../actions/z').Z;",
    ].join('\n'),
  );
  expect(globalUses(sample)).toEqual([
    { name: 'SpreadsheetApp', line: 3 },
    { name: 'LockService', line: 6 },
  ]);
  expect(importedModules(sample)).toEqual(['../sheets/x', './y', '../actions/z']);
  expect(files.length).toBeGreaterThan(50);
  expect(files.some((f) => layerOf(f) === SHEET_LAYER)).toBe(true);
});

test('only src/sheets touches Apps Script services (SpreadsheetApp, ScriptApp, Utilities, ...)', () => {
  const found: string[] = [];
  for (const path of files) {
    if (layerOf(path) === SHEET_LAYER) continue;
    const allowed = ALLOWED_OUTSIDE[rel(path)] ?? [];
    for (const use of globalUses(parse(path)))
      if (!allowed.includes(use.name)) found.push(`${rel(path)}:${use.line} ${use.name}`);
  }
  expect(found).toEqual([]);
});

test('each folder imports only the layers below it (src/core imports nothing from sheets, actions or functions)', () => {
  const found: string[] = [];
  for (const path of files) {
    const layer = layerOf(path) as string;
    const may = MAY_IMPORT[layer];
    if (!may) continue; // src/main.ts wires every layer
    for (const spec of importedModules(parse(path))) {
      if (!spec.startsWith('.')) {
        found.push(`${rel(path)} imports package ${spec}`);
        continue;
      }
      const target = layerOf(resolve(dirname(path), spec));
      if (target !== layer && !may.includes(target as string))
        found.push(`${rel(path)} imports ${spec} (${target ?? 'outside src'})`);
    }
  }
  expect(found).toEqual([]);
});
