/** Runs a TypeScript entry (bench, tools) on Node 20: bundles it with esbuild, dependencies external. */
import { build } from 'esbuild';
import { dirname, join, basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = process.argv[2];
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args]');
  process.exit(2);
}
const outfile = join(root, 'build', `${basename(entry, '.ts')}.cjs`);
await build({
  entryPoints: [join(root, entry)],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outfile,
  logLevel: 'warning',
});
process.argv.splice(2, 1);
await import(pathToFileURL(outfile).href);
