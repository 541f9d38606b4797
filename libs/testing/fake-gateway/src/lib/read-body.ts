import type { IncomingMessage } from 'node:http';

/** Largest request body the fake server reads: 1 MB. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The body as UTF-8 text, or `too-large` once it passes `limit` bytes (the rest is discarded). */
export type BodyReadResult = { readonly ok: true; readonly body: string } | { readonly ok: false; readonly reason: 'too-large' | 'aborted' };

/** Reads a request body completely, refusing more than `limit` bytes. */
export function readBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyReadResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve({ ok: false, reason: 'too-large' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      if (tooLarge) return;
      size += chunk.length;
      if (size > limit) {
        tooLarge = true;
        chunks.length = 0;
        resolve({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!tooLarge) resolve({ ok: true, body: Buffer.concat(chunks).toString('utf8') });
    });
    // After 'end' these are no-ops (the promise is settled); before it, the client went away.
    request.on('close', () => resolve({ ok: false, reason: 'aborted' }));
    request.on('error', () => resolve({ ok: false, reason: 'aborted' }));
  });
}
