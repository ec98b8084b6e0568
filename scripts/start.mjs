/** npm start: builds the add-on (dist/) and the playground, then serves the playground. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { buildPlayground, root } from './build-playground.mjs';

execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const server = await buildPlayground();
await import(server);
