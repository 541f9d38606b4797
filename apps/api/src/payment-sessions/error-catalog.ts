import type { ErrorSource, SessionError } from './session-record';

interface CatalogEntry {
  readonly message: string;
  readonly guidance: string;
}

// Human text for every unified code. Gateway-specific meaning goes in `description`.
const CATALOG: Readonly<Record<SessionError['unifiedCode'], CatalogEntry>> = {
  GATEWAY_REJECTED: { message: 'The gateway rejected the request', guidance: 'Check the connector details for the gateway code and fix the request or account setup.' },
  INVALID_SIGNATURE: { message: 'The gateway could not verify the request checksum/signature', guidance: 'The merchant secret or key in x-connector-config is probably wrong for this merchant id.' },
  INVALID_TIMESTAMP: { message: 'The gateway rejected the request timestamp', guidance: "Our server clock and the gateway's disagree; retry, and alert the operator if it persists." },
  INVALID_CREDENTIALS: { message: 'The gateway does not recognise the merchant credentials', guidance: 'Check merchant_id / merchant_site_id in x-connector-config and the test/live mode.' },
  SESSION_EXPIRED: { message: 'The gateway session expired', guidance: 'Create a new session.' },
  SESSION_ALREADY_USED: { message: 'The gateway session was already used for an order', guidance: 'Create a new session for each order.' },
  DUPLICATE_REQUEST: { message: 'The gateway already holds a transaction for this merchantSessionId', guidance: 'Use a new merchantSessionId for a new transaction.' },
  INVALID_REQUEST: { message: 'The gateway rejected a request parameter', guidance: 'Check the connector details for the field the gateway refused.' },
  GATEWAY_UNAVAILABLE: { message: 'The gateway failed to process the request (5xx)', guidance: 'Retry with the same merchantSessionId shortly.' },
  GATEWAY_MALFORMED_RESPONSE: { message: 'The gateway answered with a response we could not read', guidance: 'Retry; if it persists the gateway may be degraded.' },
  GATEWAY_TIMEOUT: { message: 'The gateway did not answer in time; it may have created a session we never saw', guidance: 'Retry with the same merchantSessionId; the attempt is recorded as OUTCOME_UNKNOWN.' },
  NETWORK_ERROR: { message: 'The gateway could not be reached', guidance: 'Retry with the same merchantSessionId shortly.' },
  IDEMPOTENCY_CONFLICT: { message: 'This merchantSessionId or idempotencyKey was already used with different parameters', guidance: 'Reuse it only with identical connector, amount, currency and testMode, or pick a new id.' },
  SESSION_IN_PROGRESS: { message: 'Another request for this session is still in progress', guidance: 'Retry in a moment; it will return the same result.' },
  SESSION_REVOKED: { message: 'The session was revoked by the merchant', guidance: 'Create a new session.' },
  SESSION_NOT_FOUND: { message: 'No session with this id exists for this merchant', guidance: 'Check the id; sessions are visible only to the merchant that created them.' },
  INTERNAL_ERROR: { message: 'The service failed while processing the request', guidance: 'Retry; contact support with the request id if it persists.' },
};

/** The catalogue text for a unified code. */
export function describeError(code: SessionError['unifiedCode']): CatalogEntry {
  return CATALOG[code];
}

/** The default source of a unified code. */
export function sourceOf(code: SessionError['unifiedCode']): ErrorSource {
  switch (code) {
    case 'GATEWAY_TIMEOUT':
    case 'NETWORK_ERROR':
      return 'NETWORK';
    case 'IDEMPOTENCY_CONFLICT':
    case 'SESSION_IN_PROGRESS':
      return 'IDEMPOTENCY';
    case 'INTERNAL_ERROR':
    case 'SESSION_REVOKED':
      return 'SERVICE';
    case 'SESSION_NOT_FOUND':
      return 'VALIDATION';
    default:
      return 'GATEWAY';
  }
}
