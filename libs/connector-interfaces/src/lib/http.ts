import type { MaskableHeaders } from '@prism-sessions/masking';

/** HTTP methods our gateways use. */
export type HttpMethod = 'GET' | 'POST';

/**
 * A fully built outbound request. `body` holds the exact bytes to send: signatures are computed
 * over them, so transports must not re-serialise. Secret header values stay wrapped until the
 * transport exposes them on the wire.
 */
export interface HttpRequest {
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Absolute URL, query string included. */
  readonly url: string;
  /** Headers; secrets stay `Secret` until `exposeHeaders` at the socket. */
  readonly headers: MaskableHeaders;
  /** The exact body bytes (UTF-8 text), if any. */
  readonly body?: string;
}

/** A gateway answer as received: status, lower-cased headers and the raw body text. */
export interface HttpResponse {
  /** HTTP status code. */
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The raw body text (empty string when there is none). */
  readonly body: string;
}

/**
 * Sends requests. Implemented by the application (fetch with timeouts) and by test doubles;
 * libraries never implement it. Must throw {@link TransportError} for network failures and
 * resolve with any HTTP status the gateway answered (never throw for 4xx/5xx, never follow redirects).
 *
 * @example
 * const transport: HttpTransport = {
 *   async send(request) {
 *     try {
 *       const res = await fetch(request.url, { method: request.method, headers: exposeHeaders(request.headers), body: request.body, redirect: 'manual' });
 *       return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
 *     } catch {
 *       throw new TransportError('unknown', true, 'fetch failed'); // classify timeouts/refusals precisely in real code
 *     }
 *   },
 * };
 */
export interface HttpTransport {
  /** Sends one request and resolves with the gateway's answer, whatever its status. */
  send(request: HttpRequest): Promise<HttpResponse>;
}

/** How a transport failed before an HTTP answer arrived. */
export type TransportFailureKind =
  /** No connection within the connect timeout: the request never left. */
  | 'connect_timeout'
  /** Connection refused / host unreachable: the request never left. */
  | 'connection_refused'
  /** Connected and sent, but no complete answer within the total timeout. */
  | 'timeout'
  /** The connection dropped mid-exchange. */
  | 'connection_reset'
  /** Anything else. */
  | 'unknown';

/**
 * Thrown by an {@link HttpTransport} when no HTTP answer arrived. `requestSent` says whether the
 * gateway may have received (and acted on) the request. `executeFlow` turns it into a `NetworkError`
 * and does not copy its message, so the message may name the URL.
 *
 * @example
 * throw new TransportError('connect_timeout', false, 'connect timeout after 3000 ms');
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    /** How the exchange failed. */
    readonly kind: TransportFailureKind,
    /** Whether any request bytes may have reached the gateway (decides `connection_reset` / `unknown`). */
    readonly requestSent: boolean,
    message: string,
  ) {
    super(message);
  }
}
