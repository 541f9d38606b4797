import type { Secret } from '@prism-sessions/masking';
import type { AttemptStatus } from '@prism-sessions/domain-types';
import { ConnectorError, NetworkError } from '@prism-sessions/connector-interfaces';
import type { SessionError } from './session-error';
import type { SessionRecord } from './session-record';
import type { AttemptCompletion } from './session-writes';

/**
 * What one gateway call produced, with everything connector-specific already resolved: a token, an
 * error answer (with the gateway's own verdict on the attempt, if it gave one), or, when there was
 * no usable answer, the exception the call threw.
 */
export type GatewayOutcome =
  | { readonly status: 'SUCCESS'; readonly httpStatus: number; readonly token: Secret<string>; readonly expiresInSeconds?: number }
  | { readonly status: 'FAILURE'; readonly httpStatus: number; readonly error: SessionError; readonly attemptStatus?: AttemptStatus }
  | { readonly status: 'FAULT'; readonly error: unknown };

/** What {@link completionOf} needs besides the outcome. */
export interface CompletionContext {
  readonly now: Date;
  /** How long the connector's tokens live (unless the answer says), and how much earlier we stop handing them out. */
  readonly tokenLifetimeSeconds: number;
  readonly expiryMarginSeconds: number;
  /** The session as it was before this attempt; null for a first attempt. */
  readonly previous: SessionRecord | null;
}

/** How an attempt ends, and the token to hand back (the new one, or the live one we already held). */
export interface MappedAttempt {
  readonly completion: AttemptCompletion;
  readonly token?: Secret<string>;
}

/**
 * Maps a gateway outcome to the attempt's completion. Pure: the same outcome and context always give
 * the same completion.
 */
export function completionOf(outcome: GatewayOutcome, context: CompletionContext): MappedAttempt {
  if (outcome.status === 'FAULT') return { completion: faultCompletion(outcome.error) };
  const { httpStatus } = outcome;
  if (outcome.status === 'SUCCESS') {
    const lifetimeSeconds = outcome.expiresInSeconds ?? context.tokenLifetimeSeconds;
    const lifetimeMs = Math.max(0, lifetimeSeconds - context.expiryMarginSeconds) * 1000;
    const expiresAt = new Date(context.now.getTime() + lifetimeMs);
    return { token: outcome.token, completion: { status: 'ACTIVE', httpStatus, token: outcome.token, expiresAt, error: null } };
  }
  const { previous } = context;
  if (outcome.error.unifiedCode === 'DUPLICATE_REQUEST') {
    // Paytm 0002: the gateway already has this orderId. If we hold its live token, hand that back.
    if (previous !== null && holdsLiveToken(previous, context.now)) {
      return { token: previous.token, completion: { status: 'ACTIVE', httpStatus, expiresAt: previous.expiresAt, error: null } };
    }
    return { completion: { status: 'FAILED', httpStatus, expiresAt: null, error: { ...outcome.error, description: duplicateExplanation(previous) } } };
  }
  // A gateway that marks its own error PENDING (Paytm 5xx) may still have acted: outcome unknown.
  const status = outcome.attemptStatus === 'PENDING' ? 'OUTCOME_UNKNOWN' : 'FAILED';
  return { completion: { status, httpStatus, expiresAt: null, error: outcome.error } };
}

function holdsLiveToken(session: SessionRecord, now: Date): session is SessionRecord & { token: Secret<string>; expiresAt: Date } {
  return session.status !== 'REVOKED' && session.token !== null && session.expiresAt !== null && session.expiresAt.getTime() > now.getTime();
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
  if (previous?.token && previous.expiresAt) {
    return `The gateway already holds this order; the token we hold for it expired at ${previous.expiresAt.toISOString()}. Use a new merchantSessionId.`;
  }
  return 'The gateway already holds this order, but we never received its token (an earlier attempt had no answer, or the order was created elsewhere). Use a new merchantSessionId.';
}
