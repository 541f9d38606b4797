import { Agent } from 'undici';
import { exposeHeaders } from '@prism-sessions/masking';
import { TransportError, type HttpRequest, type HttpResponse, type HttpTransport } from '@prism-sessions/connector-interfaces';

/** Timeouts for gateway calls. */
export interface TransportTimeouts {
  /** Time allowed to open the TCP/TLS connection. */
  readonly connectTimeoutMs: number;
  /** Time allowed for the whole exchange, body included. */
  readonly totalTimeoutMs: number;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return undefined;
}

function classify(error: unknown, signal: AbortSignal): TransportError {
  if (signal.aborted) return new TransportError('timeout', true, 'No complete answer within the gateway timeout');
  const cause = error instanceof Error && 'cause' in error ? error.cause : undefined;
  const code = errorCode(cause) ?? errorCode(error);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return new TransportError('connect_timeout', false, 'Connecting to the gateway timed out');
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new TransportError('connection_refused', false, 'The gateway could not be reached');
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return new TransportError('connection_reset', true, 'The gateway closed the connection');
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return new TransportError('timeout', true, 'No complete answer within the gateway timeout');
    default:
      return new TransportError('unknown', true, 'The gateway call failed');
  }
}

/**
 * undici's own headers/body timeouts run on its coarse "fast timers" (about 0.5 s resolution), which
 * can fire up to ~0.5 s early: they are only a backstop, this much after the total timeout, which the
 * abort signal (a precise Node timer) enforces.
 */
const UNDICI_TIMEOUT_BACKSTOP_MS = 1_000;

/** Response headers as undici's `request` gives them (lower-cased names; repeated ones as arrays). */
function flatHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const name of Object.keys(headers)) {
    const value = headers[name];
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

/**
 * The only outbound HTTP code of the service: undici's `request` API on a keep-alive `Agent` (one
 * connection pool per gateway origin), with a connect timeout and a total timeout (abort signal) on
 * every call. `request` skips what `fetch` adds for browsers (WHATWG `Request`/`Response`/`Headers`
 * objects, body cloning, CORS bookkeeping): the cheaper client for a server (ADR 0023). Redirects
 * are not followed (upstream disables them). Errors are reported as {@link TransportError} without
 * any request data.
 */
export class GatewayHttpTransport implements HttpTransport {
  readonly #agent: Agent;
  readonly #totalTimeoutMs: number;

  constructor(timeouts: TransportTimeouts) {
    this.#agent = new Agent({
      connect: { timeout: timeouts.connectTimeoutMs },
      headersTimeout: timeouts.totalTimeoutMs + UNDICI_TIMEOUT_BACKSTOP_MS,
      bodyTimeout: timeouts.totalTimeoutMs + UNDICI_TIMEOUT_BACKSTOP_MS,
      keepAliveTimeout: 10_000,
    });
    this.#totalTimeoutMs = timeouts.totalTimeoutMs;
  }

  async send(request: HttpRequest): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(this.#totalTimeoutMs);
    try {
      const url = new URL(request.url);
      // fetch refuses credentials in a URL; so do we (they would otherwise be silently dropped).
      if (url.username !== '' || url.password !== '') throw new TransportError('unknown', false, 'The gateway URL must not carry credentials');
      const response = await this.#agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: exposeHeaders(request.headers),
        body: request.body ?? null,
        signal,
      });
      const body = await response.body.text();
      return { status: response.statusCode, headers: flatHeaders(response.headers), body };
    } catch (error) {
      if (error instanceof TransportError) throw error;
      throw classify(error, signal);
    }
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.#agent.close();
  }
}
