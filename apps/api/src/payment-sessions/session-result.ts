import type { SessionError, SessionRecord } from './session-record';

/** Why a session that once succeeded hands out no token now. */
export function inactiveError(status: SessionRecord['status']): SessionError {
  return status === 'REVOKED'
    ? { unifiedCode: 'SESSION_REVOKED', source: 'SERVICE', retryable: false }
    : { unifiedCode: 'SESSION_EXPIRED', source: 'SERVICE', retryable: true, description: 'The stored token expired; send the request again to open a new gateway session.' };
}

/** HTTP-style status for a session without a live token. */
export function statusCodeOf(httpStatus: number | null, error: SessionError): number {
  switch (error.unifiedCode) {
    case 'IDEMPOTENCY_CONFLICT':
    case 'SESSION_IN_PROGRESS':
      return 409;
    case 'SESSION_REVOKED':
      return 410;
    default:
      break;
  }
  if (error.source === 'SERVICE') return error.unifiedCode === 'SESSION_EXPIRED' ? 410 : 500;
  if (httpStatus !== null && httpStatus >= 400) return httpStatus;
  return 422; // the gateway declined with HTTP 2xx
}
