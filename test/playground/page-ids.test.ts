/** The playground page: every element id is unique (two dialogs merged with one id broke the board's frame). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('playground/public/index.html declares each id once', () => {
  const html = readFileSync(join(__dirname, '..', '..', 'playground', 'public', 'index.html'), 'utf8');
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  expect(ids.length).toBeGreaterThan(10);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});
