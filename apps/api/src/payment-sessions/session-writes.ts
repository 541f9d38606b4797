import type { AccessTokenSource } from '../connector-state/access-tokens';
import type { Secret } from '@prism-sessions/masking';
import type { CurrencyCode } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';
import type { SessionError } from './session-error';
import type { SessionRecord, SessionStatus } from './session-record';

/** Fields written when a session (or a new attempt of it) is claimed. */
export interface ClaimData {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly connectorAccountId: string | null;
  /** The payment the session belongs to (wallet session tokens); null otherwise. */
  readonly paymentId: string | null;
  readonly merchantSessionId: string;
  readonly idempotencyKey: string | null;
  readonly requestFingerprint: string;
  readonly minorAmount: bigint;
  readonly currency: CurrencyCode;
  readonly testMode: boolean;
  readonly metadata: Secret<string> | null;
  readonly connectorFeatureData: Secret<string> | null;
}

/** A claimed attempt: the session is PENDING and this process owns the gateway call. */
export interface Claim {
  readonly session: SessionRecord;
  readonly attemptNumber: number;
  readonly startedAt: Date;
}

/** Final state of one attempt. */
export interface AttemptCompletion {
  readonly status: Extract<SessionStatus, 'ACTIVE' | 'FAILED' | 'OUTCOME_UNKNOWN'>;
  /** HTTP status the gateway answered with; null when it did not answer. */
  readonly httpStatus: number | null;
  /** A new token to store (sealed with the current key); absent leaves the stored one as it is. */
  readonly token?: Secret<string>;
  readonly expiresAt: Date | null;
  readonly error: SessionError | null;
  /** Where the attempt's connector access token came from (connectors that need one only). */
  readonly accessTokenSource?: AccessTokenSource;
}
