/**
 * npm run build -> dist/: Code.js (top-level entry points with their JSDoc, then the bundle),
 * appsscript.json, and each HTML file self-contained (JS and CSS inlined).
 */
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCatalog, readEntryPoints, renderCustomFunctionStubs, renderStubs } from './entry-stubs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const GLOBAL = 'DealPipeline';
/**
 * Apps Script loads the whole file for every custom-function call: keep it small. 100 KiB after
 * round two's trust work (write plans, queued edits, tab registry); 224 KiB for round three's
 * capabilities (follow-ups, digest, priority, cleanup, history analytics, board server). What the
 * budget guards is load time: bench/run.ts measures it (about 1.5 ms at 186 KiB, against the hundreds
 * of ms a custom-function call takes in Sheets) and the README records it.
 */
export const CODE_BUDGET_BYTES = 224 * 1024;

mkdirSync(dist, { recursive: true });
const started = Date.now();

const bundle = await build({
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: GLOBAL,
  target: 'es2019',
  platform: 'neutral',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
});
const entries = readEntryPoints(join(root, 'src/main.ts'));
const catalog = await loadCatalog(join(root, 'src/functions/catalog.ts'));
const header = `// Deal Pipeline for Google Sheets: built by scripts/build.mjs from src/. Do not edit.\n`;
const stubs = `${renderCustomFunctionStubs(catalog, GLOBAL, 'runCustomFunction')}\n${renderStubs(entries, GLOBAL)}`;
const code = `${header}\n${stubs}\n${bundle.outputFiles[0].text}`;
writeFileSync(join(dist, 'Code.js'), code);
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));

// Each page: dist/<Page>.html from <dir>/<base>.html, .css and .ts.
for (const [page, dir, base] of [
  ['Sidebar', 'sidebar', 'sidebar'],
  ['Board', 'board', 'board'],
  ['Cleanup', 'sidebar', 'cleanup-dialog'],
]) {
  const js = await build({
    entryPoints: [join(root, `${dir}/${base}.ts`)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
  });
  const css = readFileSync(join(root, `${dir}/${base}.css`), 'utf8');
  const template = readFileSync(join(root, `${dir}/${base}.html`), 'utf8');
  const script = js.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const html = template.replace('/*INLINE_CSS*/', () => css).replace('/*INLINE_JS*/', () => script);
  writeFileSync(join(dist, `${page}.html`), html);
}

const size = statSync(join(dist, 'Code.js')).size;
console.log(
  `dist/Code.js ${(size / 1024).toFixed(1)} KiB (budget ${CODE_BUDGET_BYTES / 1024} KiB), ${catalog.length} custom functions, ${entries.length} other entry points, built in ${Date.now() - started} ms`,
);
if (size > CODE_BUDGET_BYTES) {
  console.error(`dist/Code.js is over its size budget`);
  process.exit(1);
}
