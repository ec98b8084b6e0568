/**
 * The playground's API types live in one module (playground/api-types.ts) that the server and the
 * page both import; the page declares none of its own, so the two cannot drift apart again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const playground = join(__dirname, '..', '..', 'playground');
const source = (file: string): string => readFileSync(join(playground, file), 'utf8');

test('the page declares no interfaces or type aliases: its API shapes come from api-types.ts', () => {
  const files = readdirSync(join(playground, 'client')).filter((f) => f.endsWith('.ts'));
  expect(files.length).toBeGreaterThan(0);
  for (const f of files) {
    const text = source(join('client', f));
    expect({ file: f, declarations: text.match(/^\s*(export\s+)?(interface|type)\s+\w+/gm) ?? [] }).toEqual({
      file: f,
      declarations: [],
    });
  }
  expect(source('client/app.ts')).toMatch(/from '\.\.\/api-types'/);
});

test('the server side imports the same module for what it sends and reads', () => {
  const modules = ['view.ts', 'session.ts', 'http/api-routes.ts', 'http/parse-requests.ts', 'http/app.ts'];
  expect(modules.filter((f) => /from '(\.\.?\/)+api-types'/.test(source(f)))).toEqual(modules);
  // The handlers are typed route by route from the shared PostRoutes table.
  expect(source('http/api-routes.ts')).toMatch(
    /\[P in PostPath\]: \(input: PostRoutes\[P\]\['request'\]\) => PostRoutes\[P\]\['response'\]/,
  );
});
