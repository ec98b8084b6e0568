/**
 * Turns a POST body into its typed request, or throws BadRequest naming the field: no handler sees
 * a value of the wrong type, an out-of-range number or an over-long text.
 */
import type { PostPath, PostRoutes, PromptAnswer } from '../api-types';
import { MAX_CELL_CHARS } from '../import/limits';

export class BadRequest extends Error {}

type Json = Record<string, unknown>;

export function jsonObject(body: Buffer): Json {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new BadRequest('The request body is not JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new BadRequest('The request body must be a JSON object.');
  return value as Json;
}

function text(o: Json, key: string, max = MAX_CELL_CHARS): string {
  const v = o[key];
  if (typeof v !== 'string') throw new BadRequest(`"${key}" must be text.`);
  if (v.length > max)
    throw new BadRequest(
      `"${key}" is ${v.length.toLocaleString('en-US')} characters; the most is ${max.toLocaleString('en-US')}.`,
    );
  return v;
}

function whole(o: Json, key: string, min: number, max: number): number {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new BadRequest(`"${key}" must be a whole number from ${min} to ${max}.`);
  return v;
}

function answers(o: Json): PromptAnswer[] {
  const v = o.answers ?? [];
  if (!Array.isArray(v) || v.length > 10) throw new BadRequest('"answers" must be a list of at most 10 answers.');
  return v.map((a: unknown) => {
    if (typeof a !== 'object' || a === null) throw new BadRequest('Each answer must be an object.');
    const x = a as Json;
    return x.text === undefined
      ? { button: text(x, 'button', 20) }
      : { button: text(x, 'button', 20), text: text(x, 'text', 1000) };
  });
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** Sheet rows and columns reach at most this far (Sheets: 10 million cells; columns to ZZZ). */
const MAX_ROW = 10_000_000;
const MAX_COLUMN = 18_278;

export const parseRequest: { [P in PostPath]: (o: Json) => PostRoutes[P]['request'] } = {
  '/api/select': (o) => ({
    sheet: text(o, 'sheet', 100),
    row: whole(o, 'row', 1, MAX_ROW),
    col: whole(o, 'col', 1, MAX_COLUMN),
  }),
  '/api/tab': (o) => ({ sheet: text(o, 'sheet', 100) }),
  '/api/edit': (o) => ({
    sheet: text(o, 'sheet', 100),
    row: whole(o, 'row', 1, MAX_ROW),
    col: whole(o, 'col', 1, MAX_COLUMN),
    value: typeof o.value === 'boolean' ? o.value : text(o, 'value'),
  }),
  '/api/menu': (o) => ({ fn: text(o, 'fn', 100), answers: answers(o) }),
  '/api/run': (o) => {
    if (o.args !== undefined && !Array.isArray(o.args)) throw new BadRequest('"args" must be a list.');
    return { fn: text(o, 'fn', 100), args: (o.args as unknown[] | undefined) ?? [] };
  },
  '/api/trigger': (o) => ({ id: text(o, 'id', 100) }),
  '/api/advance': (o) => ({ hours: whole(o, 'hours', 1, 24 * 31) }),
  '/api/close-sidebar': () => ({}),
  '/api/close-dialog': () => ({}),
  '/api/reset': () => ({}),
  '/api/import': (o) => {
    const content = text(o, 'content', Number.MAX_SAFE_INTEGER);
    if (!BASE64.test(content)) throw new BadRequest('"content" must be the file in base64.');
    if (typeof o.formulas !== 'boolean') throw new BadRequest('"formulas" must be true or false.');
    return { name: text(o, 'name', 255), formulas: o.formulas, content };
  },
};
