import type { SessionError, SessionRecord } from './session-record';

/** Why a session that once succeeded hands out no token now. */
export function inactiveError(status: SessionRecord['status']): SessionError {
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
