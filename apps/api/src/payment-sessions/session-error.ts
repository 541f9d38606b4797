import type { UnifiedErrorCode } from '@prism-sessions/domain-types';
import type { SessionStatus } from './session-record';

/** Unified codes the service itself produces, beside the gateway-derived ones. */
export type ServiceErrorCode = 'IDEMPOTENCY_CONFLICT' | 'SESSION_IN_PROGRESS' | 'SESSION_REVOKED' | 'SESSION_NOT_FOUND' | 'INTERNAL_ERROR';

/** Which side a failure came from. */
export type ErrorSource = 'VALIDATION' | 'CONFIGURATION' | 'NETWORK' | 'GATEWAY' | 'IDEMPOTENCY' | 'SERVICE';

/** A failure as stored on the session and reported in the payload. Never holds secrets. */
export interface SessionError {
  readonly unifiedCode: UnifiedErrorCode | ServiceErrorCode;
  readonly source: ErrorSource;
  readonly retryable: boolean;
  /** Replaces the catalogue's default description (e.g. the gateway code's documented meaning). */
  readonly description?: string;
  readonly connector?: { readonly code?: string; readonly message?: string; readonly reason?: string };
  readonly gatewayHttpStatus?: number;
}

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
  ACCESS_TOKEN_EXPIRED: {
    message: 'The gateway refused the connector access token (expired or revoked)',
    guidance: 'Retry: the service fetches a new access token. If you passed state.accessToken, pass a live one or none.',
  },
  SESSION_EXPIRED: { message: 'The gateway session expired', guidance: 'Create a new session.' },
  SESSION_ALREADY_USED: { message: 'The gateway session was already used for an order', guidance: 'Create a new session for each order.' },
  DUPLICATE_REQUEST: { message: 'The gateway already holds a transaction for this merchantSessionId', guidance: 'Use a new merchantSessionId for a new transaction.' },
  INVALID_REQUEST: { message: 'The gateway rejected a request parameter', guidance: 'Check the connector details for the field the gateway refused.' },
  GATEWAY_UNAVAILABLE: { message: 'The gateway failed to process the request (5xx)', guidance: 'Retry with the same merchantSessionId shortly.' },
  GATEWAY_MALFORMED_RESPONSE: { message: 'The gateway answered with a response we could not read', guidance: 'Retry; if it persists the gateway may be degraded.' },
  GATEWAY_SIGNATURE_INVALID: {
    message: 'The gateway’s answer did not carry a valid signature, so its token was discarded',
    guidance: 'Use a new merchantSessionId. If it persists, check that the merchant key belongs to this merchant id, and alert the operator: the answer may have been altered in transit.',
  },
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

/** Why a session that once succeeded hands out no token now. */
export function inactiveError(status: SessionStatus): SessionError {
  return status === 'REVOKED'
    ? { unifiedCode: 'SESSION_REVOKED', source: 'SERVICE', retryable: false }
    : { unifiedCode: 'SESSION_EXPIRED', source: 'SERVICE', retryable: true, description: 'The stored token expired; send the request again to open a new gateway session.' };
}

/** HTTP-style status for a session without a live token, from the error and the gateway's own status. */
export function statusCodeOf(gatewayHttpStatus: number | null, error: SessionError): number {
  switch (error.unifiedCode) {
    case 'IDEMPOTENCY_CONFLICT':
    case 'SESSION_IN_PROGRESS':
      return 409;
    case 'SESSION_REVOKED':
      return 410;
    case 'GATEWAY_TIMEOUT':
      return 504;
    case 'NETWORK_ERROR':
      return 502;
    case 'GATEWAY_SIGNATURE_INVALID':
      return 502; // an answer we refuse to trust is a bad gateway answer, whatever its HTTP status
    case 'GATEWAY_MALFORMED_RESPONSE':
      // An unreadable error page keeps the gateway's own 4xx/5xx; an unreadable "success" is a bad gateway.
      return gatewayHttpStatus !== null && gatewayHttpStatus >= 400 ? gatewayHttpStatus : 502;
    default:
      break;
  }
  if (error.source === 'SERVICE') return error.unifiedCode === 'SESSION_EXPIRED' ? 410 : 500;
  if (gatewayHttpStatus !== null && gatewayHttpStatus >= 400) return gatewayHttpStatus;
  return 422; // the gateway declined with HTTP 2xx
}

/** The error columns of `payment_sessions`, by Prisma field name (attempt rows have the first three). */
export interface ErrorColumns {
  readonly unifiedErrorCode: UnifiedErrorCode | null;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly errorReason: string | null;
  readonly errorDescription: string | null;
  readonly retryable: boolean | null;
}

/** How an error is stored: the source is not, it is derived from the code again on read. */
export function errorColumns(error: SessionError | null): ErrorColumns {
  return {
    // The column is free text: service codes (INTERNAL_ERROR) are stored beside the gateway ones.
    unifiedErrorCode: (error?.unifiedCode ?? null) as UnifiedErrorCode | null,
    errorCode: error?.connector?.code ?? null,
    errorMessage: error?.connector?.message ?? null,
    errorReason: error?.connector?.reason ?? null,
    errorDescription: error?.description ?? null,
    retryable: error?.retryable ?? null,
  };
}

/** The stored error of a row (null when it has none); the row's HTTP status is the gateway's. */
export function errorFromColumns(row: Omit<ErrorColumns, 'unifiedErrorCode'> & { readonly unifiedErrorCode: string | null; readonly httpStatus: number | null }): SessionError | null {
  if (row.unifiedErrorCode === null) return null;
  const unifiedCode = row.unifiedErrorCode as SessionError['unifiedCode'];
  const hasConnectorDetails = row.errorCode !== null || row.errorMessage !== null || row.errorReason !== null;
  return {
    unifiedCode,
    source: sourceOf(unifiedCode),
    retryable: row.retryable ?? false,
    ...(row.errorDescription !== null ? { description: row.errorDescription } : {}),
    ...(hasConnectorDetails
      ? { connector: { ...(row.errorCode !== null && { code: row.errorCode }), ...(row.errorMessage !== null && { message: row.errorMessage }), ...(row.errorReason !== null && { reason: row.errorReason }) } }
      : {}),
    ...(row.httpStatus !== null ? { gatewayHttpStatus: row.httpStatus } : {}),
  };
}
