import type { MaskableHeaders } from '@org/masking';

/** HTTP methods our gateways use. */
export type HttpMethod = 'GET' | 'POST';

/**
 * A fully built outbound request. `body` holds the exact bytes to send: signatures are computed
 * over them, so transports must not re-serialise. Secret header values stay wrapped until the
 * transport exposes them on the wire.
 */
export interface HttpRequest {
  readonly method: HttpMethod;
  readonly url: string;
  readonly headers: MaskableHeaders;
  readonly body?: string;
}

/** A gateway answer as received: status, lower-cased headers and the raw body text. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Sends requests. Implemented by the application (fetch with timeouts) and by test doubles;
 * libraries never implement it. Must throw {@link TransportError} for network failures and
 * resolve with any HTTP status the gateway answered.
 */
export interface HttpTransport {
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
 * gateway may have received (and acted on) the request.
 */
export class TransportError extends Error {
  override readonly name = 'TransportError';

  constructor(
    readonly kind: TransportFailureKind,
    readonly requestSent: boolean,
    message: string,
  ) {
    super(message);
  }
}
