/** Builds the playground: the page's script and the server, into build/playground/ (never into dist/). */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function buildPlayground() {
  await build({
    entryPoints: [join(root, 'playground/client/app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    outfile: join(root, 'build/playground/app.js'),
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(root, 'playground/server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: join(root, 'build/playground/server.cjs'),
    logLevel: 'warning',
  });
  return join(root, 'build/playground/server.cjs');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildPlayground();
