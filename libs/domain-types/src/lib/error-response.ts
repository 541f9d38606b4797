import type { AttemptStatus } from './attempt-status';

/**
 * Connector-independent meaning of a failure, so dashboards can react without knowing every
 * gateway's code table. The gateway's own code is always kept next to it in {@link ErrorResponse}.
 */
export const UNIFIED_ERROR_CODES = [
  /** The gateway declined the request for a reason we have no specific mapping for. */
  'GATEWAY_REJECTED',
  /** Checksum or signature did not verify (Nuvei 1001, Paytm checksum errors): wrong secret or key. */
  'INVALID_SIGNATURE',
  /** Request timestamp outside the gateway's window (Nuvei 1021): clock skew. */
  'INVALID_TIMESTAMP',
  /** Merchant identifiers or client credentials the gateway does not know (Nuvei 1013/1022, PayPal `invalid_client`). */
  'INVALID_CREDENTIALS',
  /**
   * The connector access token we called with was expired or revoked (PayPal 401 `invalid_token`):
   * fetch a new one and retry.
   */
  'ACCESS_TOKEN_EXPIRED',
  /** The session token expired (Nuvei 1069, Paytm 1006). */
  'SESSION_EXPIRED',
  /** The session token was already used for an order (Nuvei 1064). */
  'SESSION_ALREADY_USED',
  /** The gateway says it already saw this order / request id (Paytm 0002). */
  'DUPLICATE_REQUEST',
  /** The gateway rejected a request parameter. */
  'INVALID_REQUEST',
  /** The gateway answered 5xx: a fault on its side, retryable. */
  'GATEWAY_UNAVAILABLE',
  /** The gateway answered with a body we could not interpret. */
  'GATEWAY_MALFORMED_RESPONSE',
  /**
   * The gateway's answer carried a signature that was missing or did not verify with the merchant's
   * key (e.g. a Paytm `head.signature` over the answer's `body`): the answer may not come from the
   * gateway or was altered in transit, so anything it carried (a token) was discarded. Not retryable
   * as is: check the merchant key and the network path.
   */
  'GATEWAY_SIGNATURE_INVALID',
  /** No answer in time; the gateway may or may not have processed the request. */
  'GATEWAY_TIMEOUT',
  /** The connection failed or was reset. */
  'NETWORK_ERROR',
] as const;

/** One of {@link UNIFIED_ERROR_CODES}. */
export type UnifiedErrorCode = (typeof UNIFIED_ERROR_CODES)[number];

/**
 * A gateway's error answer, normalised (upstream `ErrorResponse`). Produced by connectors from
 * "200 + error body", 4xx and 5xx answers. Never contains credentials or tokens.
 */
export interface ErrorResponse {
  /** The gateway's own code (`"1001"`, `"0002"`), or the HTTP status for bodies without one. */
  readonly code: string;
  /** The gateway's message (or a generic one for non-JSON bodies). */
  readonly message: string;
  /** Longer reason from the gateway, or a truncated raw body for unparseable answers. */
  readonly reason?: string;
  /** HTTP status the gateway answered with. */
  readonly statusCode: number;
  /** Upstream's attempt status for this error (Paytm: FAILURE for 4xx, PENDING for 5xx), if any. */
  readonly attemptStatus?: AttemptStatus;
  /** Our connector-independent classification. */
  readonly unifiedCode: UnifiedErrorCode;
  /** Whether sending the same request again may succeed (5xx, timeouts). */
  readonly retryable: boolean;
}
