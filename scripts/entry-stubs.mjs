/**
 * Reads src/main.ts and returns its exported functions with their JSDoc and parameter names, to be
 * emitted as top-level `function NAME(params)` declarations delegating into the bundle. Sheets reads
 * custom-function help from the JSDoc directly above such a declaration.
 */
import { readFileSync } from 'node:fs';

const EXPORTED = /(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export function (\w+)\s*\(([^)]*)\)/g;

/** Splits a TypeScript parameter list at top-level commas and keeps the names. */
function parameterNames(list) {
  const names = [];
  let depth = 0;
  let current = '';
  for (const ch of list) {
    if ('<([{'.includes(ch)) depth++;
    if ('>)]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) { names.push(current); current = ''; } else current += ch;
  }
  if (current.trim() !== '') names.push(current);
  return names.map((p) => p.trim().replace(/^\.\.\./, '').split(/[?:=\s]/)[0]).filter(Boolean);
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
    .map((e) => `${e.jsdoc}\nfunction ${e.name}(${e.params.join(', ')}) {\n  return ${globalName}.${e.name}(${e.params.join(', ')});\n}\n`)
    .join('\n');
}
