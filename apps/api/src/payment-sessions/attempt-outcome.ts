import type { ErrorResponse } from '@org/domain-types';
import { ConnectorError, NetworkError } from '@org/connector-interfaces';
import type { RegisteredConnector } from '../connectors/connector-registry';
import type { AttemptCompletion } from './payment-session.repository';
import type { SessionError, SessionRecord } from './session-record';

/** A gateway's error answer as a session error, with the code's documented meaning when known. */
export function gatewayError(connector: RegisteredConnector, error: ErrorResponse): SessionError {
  const description = connector.describeErrorCode(error.code);
  return {
    unifiedCode: error.unifiedCode,
    source: 'GATEWAY',
    retryable: error.retryable,
    ...(description !== undefined ? { description } : {}),
    connector: { code: error.code, message: error.message, ...(error.reason !== undefined ? { reason: error.reason } : {}) },
    gatewayHttpStatus: error.statusCode,
  };
}

/**
 * How an attempt ends when the gateway gave no usable answer. No answer in time (or a reset after
 * sending) is OUTCOME_UNKNOWN, never ACTIVE; a connection that never opened or an unreadable answer
 * is FAILED; anything else is an internal error (the caller logs it). The gateway said nothing we can
 * quote, so there are no connector details: our explanation goes in `description`.
 */
export function faultCompletion(error: unknown): AttemptCompletion {
  if (error instanceof NetworkError) {
    return {
      status: error.paymentMayHaveBeenProcessed ? 'OUTCOME_UNKNOWN' : 'FAILED',
      httpStatus: null,
      expiresAt: null,
      error: {
        unifiedCode: error.code === 'GATEWAY_TIMEOUT' ? 'GATEWAY_TIMEOUT' : 'NETWORK_ERROR',
        source: 'NETWORK',
        retryable: error.retryable,
        description: `${error.code}: ${error.message}`,
      },
    };
  }
  if (error instanceof ConnectorError) {
    return {
      status: 'FAILED',
      httpStatus: error.httpStatus,
      expiresAt: null,
      error: {
        unifiedCode: 'GATEWAY_MALFORMED_RESPONSE',
        source: 'GATEWAY',
        retryable: true,
        description: `${error.code}: ${error.message}${error.reason !== undefined ? ` (${error.reason})` : ''}`,
        gatewayHttpStatus: error.httpStatus,
      },
    };
  }
  return { status: 'FAILED', httpStatus: null, expiresAt: null, error: { unifiedCode: 'INTERNAL_ERROR', source: 'SERVICE', retryable: true } };
}

/** Why a gateway "duplicate order" answer (Paytm 0002) cannot be turned into a token. */
export function duplicateExplanation(previous: SessionRecord | null): string {
  if (previous?.tokenCiphertext && previous.expiresAt) {
    return `The gateway already holds this order; the token we hold for it expired at ${previous.expiresAt.toISOString()}. Use a new merchantSessionId.`;
  }
  return 'The gateway already holds this order, but we never received its token (an earlier attempt had no answer, or the order was created elsewhere). Use a new merchantSessionId.';
}
