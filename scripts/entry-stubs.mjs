/**
 * The top-level declarations of dist/Code.js. Apps Script calls only top-level functions, and Sheets
 * reads custom-function help from the JSDoc directly above such a declaration, so each stub carries
 * its JSDoc and delegates into the bundle:
 * - entry points (menu, triggers, sidebar calls): the exported functions of src/main.ts with their JSDoc;
 * - custom functions: generated from src/functions/catalog.ts (loaded with loadCatalog).
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const EXPORTED = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export function (\w+)\s*\(([^)]*)\)/g;

/** Splits a TypeScript parameter list at top-level commas and keeps the names. */
function parameterNames(list) {
  const names = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if ('<([{'.includes(ch)) depth++;
    if ('>)]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      names.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') names.push(current);
  return names
    .map(
      (p) =>
        p
          .trim()
          .replace(/^\.\.\./, '')
          .split(/[?:=\s]/)[0],
    )
    .filter(Boolean);
}

export function readEntryPoints(file) {
  const source = readFileSync(file, 'utf8');
  const entries = [];
  for (const m of source.matchAll(EXPORTED)) {
    entries.push({ jsdoc: m[1].replace(/^[ \t]+\*/gm, ' *'), name: m[2], params: parameterNames(m[3]) });
  }
  return entries;
}

export function renderStubs(entries, globalName) {
  return entries
    .map(
      (e) =>
        `${e.jsdoc}\nfunction ${e.name}(${e.params.join(', ')}) {\n  return ${globalName}.${e.name}(${e.params.join(', ')});\n}\n`,
    )
    .join('\n');
}

/** The catalog's data (implementations dropped), compiled from TypeScript with esbuild. */
export async function loadCatalog(catalogFile) {
  const out = await build({
    entryPoints: [catalogFile],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'silent',
  });
  const mod = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`);
  return mod.CATALOG.map(({ name, description, example, params, returns }) => ({
    name,
    description,
    example,
    params,
    returns,
  }));
}

/** Wraps text into JSDoc lines of at most `width` characters. */
function wrap(text, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The JSDoc Sheets shows for a custom function: description, example, parameters, return. */
export function customFunctionJsdoc(spec) {
  const noComment = (s) => s.replace(/\*\//g, '* /');
  const lines = [...wrap(noComment(spec.description)), '', `Example: ${noComment(spec.example)}`, ''];
  for (const p of spec.params)
    lines.push(`@param {${p.type}} ${p.optional ? `[${p.name}]` : p.name} ${noComment(p.help)}`);
  lines.push(
    `@return ${spec.returns.type ? `{${spec.returns.type}} ` : ''}${noComment(spec.returns.help)}`,
    '@customfunction',
  );
  return `/**\n${lines.map((l) => (l === '' ? ' *' : ` * ${l}`)).join('\n')}\n */`;
}

/**
 * A custom function's stub: named parameters for Sheets' help; the parameter list ("stages,
 * [stage_table]") and every argument passed on to the argument checks of src/functions/call.ts.
 */
export function renderCustomFunctionStubs(catalog, globalName, dispatcher) {
  return catalog
    .map((f) => {
      const list = f.params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(', ');
      return `${customFunctionJsdoc(f)}\nfunction ${f.name}(${f.params.map((p) => p.name).join(', ')}) {\n  return ${globalName}.${dispatcher}(${JSON.stringify(f.name)}, ${JSON.stringify(list)}, arguments);\n}\n`;
    })
    .join('\n');
}
