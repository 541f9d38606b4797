import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

/** An answer read with node:http; `complete` is false when the connection dropped mid-body. */
export interface RawResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly complete: boolean;
}

/** Options of {@link rawRequest}. */
export interface RawRequestInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | readonly Buffer[];
}

/**
 * One request over a fresh connection (no keep-alive pool), for specs that need socket-level
 * behaviour fetch hides. Rejects with the client error (e.g. `ECONNRESET`) when no answer arrives.
 */
export function rawRequest(url: string, init: RawRequestInit = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'POST', headers: init.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => undefined);
      res.on('close', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), complete: res.complete }),
      );
    });
    req.on('error', reject);
    if (typeof init.body === 'string') req.end(init.body);
    else {
      for (const chunk of init.body ?? []) req.write(chunk);
      req.end();
    }
  });
}

/** The `code` of a thrown error or of its `cause` (fetch wraps socket errors). */
export function errorCode(error: unknown): string | undefined {
  const own = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  return own ?? (cause === undefined ? undefined : errorCode(cause));
}

/** Resolves once `predicate` holds, polling every 5 ms; rejects after `timeoutMs` (generous: a busy machine). */
export async function waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
