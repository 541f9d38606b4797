import type { Money, UnifiedErrorCode } from '@org/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';

/** Persisted session statuses (the Prisma enum, restated so the domain does not import Prisma). */
export type SessionStatus = 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'FAILED' | 'REVOKED' | 'OUTCOME_UNKNOWN';

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

/** A payment session as the service sees it (one row of `payment_sessions`). */
export interface SessionRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly merchantSessionId: string;
  readonly idempotencyKey: string | null;
  readonly requestFingerprint: string;
  readonly amount: Money;
  readonly testMode: boolean;
  readonly status: SessionStatus;
  readonly tokenCiphertext: Uint8Array | null;
  readonly encryptionKeyId: string | null;
  readonly expiresAt: Date | null;
  readonly httpStatus: number | null;
  readonly error: SessionError | null;
  readonly attemptCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly revokedAt: Date | null;
}

/** The status a reader should see: an ACTIVE session past `expiresAt` is EXPIRED. */
export function effectiveStatus(session: Pick<SessionRecord, 'status' | 'expiresAt'>, now: Date): SessionStatus {
  if (session.status === 'ACTIVE' && session.expiresAt !== null && session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return session.status;
}
