/**
 * Who may talk to the playground. The server listens on 127.0.0.1 only, but any web page the user
 * visits can still send requests to it, and a DNS-rebinding page can arrive under its own host
 * name. So every request must name this server in Host (localhost, 127.0.0.1 or [::1] with our
 * port); an Origin, when sent, must be one of those; and a request that changes anything must be a
 * same-origin POST of application/json carrying the per-start token the served page holds.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { TOKEN_HEADER } from '../api-types';

const LOCAL_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** What the request is for: a page or file (GET), an API read (GET), or an API change (POST). */
export type RequestKind = 'page' | 'read' | 'change';

export interface Refusal {
  status: number;
  error: string;
}

export interface GuardedRequest {
  method?: string | undefined;
  headers: IncomingHttpHeaders;
}

const one = (h: string | string[] | undefined): string | undefined => (Array.isArray(h) ? h[0] : h);

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Undefined when the request may go ahead; otherwise the status and the reason. */
export function refusal(req: GuardedRequest, kind: RequestKind, port: number, token: string): Refusal | undefined {
  const hosts = LOCAL_HOSTS.map((h) => `${h}:${port}`);
  const host = one(req.headers.host)?.toLowerCase();
  if (!host || !hosts.includes(host))
    return {
      status: 403,
      error: `Refused: Host ${JSON.stringify(host ?? '')} is not this playground (${hosts.join(', ')}).`,
    };
  const origin = one(req.headers.origin);
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
    return { status: 403, error: `Refused: requests from ${origin} may not use the playground.` };
  // Browsers say where a request comes from; another site (even another port of localhost) may not read the API.
  const site = one(req.headers['sec-fetch-site']);
  if (kind !== 'page' && site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, error: `Refused: a ${site} request may not use the playground's API.` };
  if (kind !== 'change') return undefined;
  if (req.method !== 'POST') return { status: 405, error: 'Changes are POST requests.' };
  if (origin === undefined)
    return { status: 403, error: 'Refused: a change must come from the playground page (no Origin header).' };
  const type = one(req.headers['content-type'])?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json')
    return {
      status: 415,
      error: `Refused: the playground's API takes application/json, not ${type ?? 'a body without a Content-Type'}.`,
    };
  if (!sameToken(one(req.headers[TOKEN_HEADER]), token))
    return { status: 403, error: "Refused: the request does not carry this run's playground token; reload the page." };
  return undefined;
}
