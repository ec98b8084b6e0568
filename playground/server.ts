/**
 * npm start: the local playground. Serves the page, the real built sidebar, and a JSON API over one
 * PlaygroundSession, on 127.0.0.1 only (see docs/PLAYGROUND-SECURITY.md for what it refuses and why).
 * PORT (or --port N) chooses the port, 0 picks a free one; --data FILE where the workbook is saved.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createPlayground } from './http/app';
import { PlaygroundSession } from './session';

/** The project folder: the nearest one up from here holding package.json (this file runs bundled from build/). */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const root = projectRoot(__dirname);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const port = Number(arg('port') ?? process.env.PORT ?? 8787);
const dataFile = resolve(arg('data') ?? process.env.PLAYGROUND_DATA ?? join(root, 'playground-data', 'workbook.json'));
const session = new PlaygroundSession(dataFile, join(root, 'dist'));

createPlayground(root, session)
  .listen(port)
  .then(
    (actual) => {
      console.log(`Deal Pipeline playground: http://localhost:${actual}/  (workbook saved in ${dataFile})`);
    },
    (e: Error) => {
      console.error(`The playground could not listen on 127.0.0.1:${port}: ${e.message}`);
      process.exitCode = 1;
    },
  );
