/**
 * Reads a request body up to a limit, counting bytes as they arrive: a declared Content-Length over
 * the limit is refused before reading, and a longer stream is cut off at the limit (the caller
 * answers 413 and drops the rest), so no body is ever held past its cap.
 */
import type { IncomingMessage } from 'node:http';

/** Any JSON request but an import: edits carry at most one cell of text. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

export class BodyTooLarge extends Error {}

/** The body, or BodyTooLarge with `tooLarge` (or a generic message) once it passes `limit` bytes. */
export function readBody(
  req: IncomingMessage,
  limit: number,
  tooLarge = `The request is larger than ${limit.toLocaleString('en-US')} bytes, the most this route takes.`,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLarge(tooLarge));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLarge(tooLarge));
        return;
      }
      chunks.push(c);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
