import type { Secret } from '@prism-sessions/masking';
import type { Money } from '@prism-sessions/domain-types';
import type { ConnectorId } from '../connectors/connector-registry';
import type { SessionError } from './session-error';

/** Persisted session statuses (the Prisma enum, restated so the domain does not import Prisma). */
export type SessionStatus = 'PENDING' | 'ACTIVE' | 'EXPIRED' | 'FAILED' | 'REVOKED' | 'OUTCOME_UNKNOWN';

/** A payment session as the service sees it (one row of `payment_sessions`). */
export interface SessionRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  /** The stored connector account whose credentials were used; null for x-connector-config. */
  readonly connectorAccountId: string | null;
  readonly merchantSessionId: string;
  readonly idempotencyKey: string | null;
  readonly requestFingerprint: string;
  readonly amount: Money;
  readonly testMode: boolean;
  readonly status: SessionStatus;
  /**
   * The gateway token, kept after expiry (never revealed again) and deleted on revocation. Opened
   * (decrypted) on first use, so reading a row never pays for, or fails on, a token nobody reveals.
   */
  readonly token: Secret<string> | null;
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
