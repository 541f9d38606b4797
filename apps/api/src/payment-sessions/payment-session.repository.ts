import type { ConnectorId, CurrencyCode, UnifiedErrorCode } from '@org/domain-types';
import { Prisma, type PaymentSession as SessionRow, type PrismaClient } from '../generated/prisma/client';
import { sourceOf } from './error-catalog';
import type { SessionError, SessionRecord, SessionStatus } from './session-record';

const CONNECTOR_TO_DB = { nuvei: 'NUVEI', paytm: 'PAYTM' } as const;
const CONNECTOR_FROM_DB = { NUVEI: 'nuvei', PAYTM: 'paytm' } as const;

/** Fields written when a session (or a new attempt of it) is claimed. */
export interface ClaimData {
  readonly id: string;
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly merchantSessionId: string;
  readonly idempotencyKey: string | null;
  readonly requestFingerprint: string;
  readonly minorAmount: bigint;
  readonly currency: CurrencyCode;
  readonly testMode: boolean;
  readonly metadataCiphertext: Uint8Array | null;
  readonly connectorFeatureDataCiphertext: Uint8Array | null;
  readonly encryptionKeyId: string;
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
  readonly tokenCiphertext?: Uint8Array;
  readonly encryptionKeyId?: string;
  readonly expiresAt: Date | null;
  readonly error: SessionError | null;
}

/** Listing options (Relay: newest first). */
export interface ListOptions {
  readonly first: number;
  readonly after?: { readonly createdAt: Date; readonly id: string };
  readonly connector?: ConnectorId;
  readonly status?: SessionStatus;
  readonly now: Date;
}

function bytes(value: Uint8Array | null): Uint8Array<ArrayBuffer> | null {
  return value === null ? null : new Uint8Array(value);
}

function toError(row: SessionRow): SessionError | null {
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

function toRecord(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    merchantId: row.merchantId,
    connector: CONNECTOR_FROM_DB[row.connector],
    merchantSessionId: row.merchantSessionId,
    idempotencyKey: row.idempotencyKey,
    requestFingerprint: row.requestFingerprint,
    amount: { minorAmount: row.minorAmount, currency: row.currency as CurrencyCode },
    testMode: row.testMode,
    status: row.status,
    tokenCiphertext: row.tokenCiphertext,
    encryptionKeyId: row.encryptionKeyId,
    expiresAt: row.expiresAt,
    httpStatus: row.httpStatus,
    error: toError(row),
    attemptCount: row.attemptCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revokedAt: row.revokedAt,
  };
}

function errorColumns(error: SessionError | null) {
  return {
    unifiedErrorCode: (error?.unifiedCode ?? null) as UnifiedErrorCode | null,
    errorCode: error?.connector?.code ?? null,
    errorMessage: error?.connector?.message ?? null,
    errorReason: error?.connector?.reason ?? null,
    errorDescription: error?.description ?? null,
    retryable: error?.retryable ?? null,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** DB statuses a new attempt may replace (ACTIVE only when already past expiry: the service checks). */
const REPLACEABLE_STATUSES: readonly SessionStatus[] = ['FAILED', 'EXPIRED', 'OUTCOME_UNKNOWN', 'REVOKED', 'ACTIVE'];

/** The only module that talks to Prisma about sessions. Every read is scoped to a merchant. */
export class PaymentSessionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findById(merchantId: string, id: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findFirst({ where: { id, merchantId } });
    return row && toRecord(row);
  }

  async findByMerchantSessionId(merchantId: string, connector: ConnectorId, merchantSessionId: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findUnique({
      where: { merchantId_connector_merchantSessionId: { merchantId, connector: CONNECTOR_TO_DB[connector], merchantSessionId } },
    });
    return row && toRecord(row);
  }

  async findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findUnique({ where: { merchantId_idempotencyKey: { merchantId, idempotencyKey } } });
    return row && toRecord(row);
  }

  /** Inserts a new PENDING session with its first attempt. Returns null when another request won the race. */
  async claimNew(data: ClaimData, now: Date): Promise<Claim | null> {
    try {
      const row = await this.prisma.paymentSession.create({
        data: {
          id: data.id,
          merchantId: data.merchantId,
          connector: CONNECTOR_TO_DB[data.connector],
          merchantSessionId: data.merchantSessionId,
          idempotencyKey: data.idempotencyKey,
          requestFingerprint: data.requestFingerprint,
          minorAmount: data.minorAmount,
          currency: data.currency,
          testMode: data.testMode,
          status: 'PENDING',
          metadataCiphertext: bytes(data.metadataCiphertext),
          connectorFeatureDataCiphertext: bytes(data.connectorFeatureDataCiphertext),
          encryptionKeyId: data.encryptionKeyId,
          attemptCount: 1,
          createdAt: now,
          updatedAt: now,
          attempts: { create: { attemptNumber: 1, status: 'PENDING', startedAt: now } },
        },
      });
      return { session: toRecord(row), attemptNumber: 1, startedAt: now };
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /**
   * Starts a new attempt on a finished session, if nobody else did since `previous` was read
   * (compare-and-set on status and updatedAt). Returns null when another request won.
   */
  async claimRetry(previous: SessionRecord, data: ClaimData, now: Date): Promise<Claim | null> {
    if (!REPLACEABLE_STATUSES.includes(previous.status)) return null;
    const attemptNumber = previous.attemptCount + 1;
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.paymentSession.updateMany({
          where: { id: previous.id, status: previous.status, updatedAt: previous.updatedAt },
          data: {
            status: 'PENDING',
            attemptCount: attemptNumber,
            idempotencyKey: data.idempotencyKey ?? previous.idempotencyKey,
            metadataCiphertext: bytes(data.metadataCiphertext),
            connectorFeatureDataCiphertext: bytes(data.connectorFeatureDataCiphertext),
            encryptionKeyId: data.encryptionKeyId,
            revokedAt: null,
            updatedAt: now,
          },
        });
        if (updated.count === 0) return null;
        await tx.paymentSessionAttempt.create({ data: { sessionId: previous.id, attemptNumber, status: 'PENDING', startedAt: now } });
        const row = await tx.paymentSession.findUniqueOrThrow({ where: { id: previous.id } });
        return { session: toRecord(row), attemptNumber, startedAt: now };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Records the outcome of an attempt on both the attempt row and the session. */
  async completeAttempt(claim: Claim, completion: AttemptCompletion, now: Date): Promise<SessionRecord> {
    const errors = errorColumns(completion.error);
    const [row] = await this.prisma.$transaction([
      this.prisma.paymentSession.update({
        where: { id: claim.session.id },
        data: {
          status: completion.status,
          httpStatus: completion.httpStatus,
          expiresAt: completion.expiresAt,
          ...(completion.tokenCiphertext !== undefined
            ? { tokenCiphertext: bytes(completion.tokenCiphertext), encryptionKeyId: completion.encryptionKeyId ?? null }
            : {}),
          ...errors,
          updatedAt: now,
        },
      }),
      this.prisma.paymentSessionAttempt.update({
        where: { sessionId_attemptNumber: { sessionId: claim.session.id, attemptNumber: claim.attemptNumber } },
        data: {
          status: completion.status,
          httpStatus: completion.httpStatus,
          unifiedErrorCode: errors.unifiedErrorCode,
          errorCode: errors.errorCode,
          errorMessage: errors.errorMessage,
          completedAt: now,
          durationMs: now.getTime() - claim.startedAt.getTime(),
        },
      }),
    ]);
    return toRecord(row);
  }

  /** Marks a PENDING session whose owner vanished (crash) as OUTCOME_UNKNOWN, if still untouched. */
  async abandonStalePending(session: SessionRecord, now: Date): Promise<void> {
    await this.prisma.paymentSession.updateMany({
      where: { id: session.id, status: 'PENDING', updatedAt: session.updatedAt },
      data: { status: 'OUTCOME_UNKNOWN', unifiedErrorCode: 'GATEWAY_TIMEOUT', retryable: true, updatedAt: now },
    });
  }

  /**
   * Persists EXPIRED for ACTIVE sessions past their expiry. The ciphertext stays (never revealed
   * again) so a gateway "duplicate order" answer can be explained; revocation shreds it.
   */
  async persistExpired(merchantId: string, ids: readonly string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.prisma.paymentSession.updateMany({
      where: { merchantId, id: { in: [...ids] }, status: 'ACTIVE', expiresAt: { lte: now } },
      data: { status: 'EXPIRED', updatedAt: now },
    });
  }

  /** Revokes a session and shreds its token. Returns null when the merchant has no such session. */
  async revoke(merchantId: string, id: string, now: Date): Promise<SessionRecord | null> {
    await this.prisma.paymentSession.updateMany({
      where: { id, merchantId, status: { in: ['ACTIVE', 'EXPIRED', 'FAILED', 'OUTCOME_UNKNOWN'] } },
      data: { status: 'REVOKED', tokenCiphertext: null, revokedAt: now, updatedAt: now },
    });
    return this.findById(merchantId, id);
  }

  /** One page of a merchant's sessions, newest first; `first + 1` rows are read to know if more exist. */
  async list(merchantId: string, options: ListOptions): Promise<{ records: SessionRecord[]; hasNextPage: boolean }> {
    const where: Prisma.PaymentSessionWhereInput = { merchantId };
    const and: Prisma.PaymentSessionWhereInput[] = [];
    if (options.connector) where.connector = CONNECTOR_TO_DB[options.connector];
    if (options.status === 'ACTIVE') and.push({ status: 'ACTIVE', OR: [{ expiresAt: null }, { expiresAt: { gt: options.now } }] });
    else if (options.status === 'EXPIRED') and.push({ OR: [{ status: 'EXPIRED' }, { status: 'ACTIVE', expiresAt: { lte: options.now } }] });
    else if (options.status) and.push({ status: options.status });
    if (options.after) {
      const { createdAt, id } = options.after;
      and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    if (and.length > 0) where.AND = and;
    const rows = await this.prisma.paymentSession.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.first + 1 });
    return { records: rows.slice(0, options.first).map(toRecord), hasNextPage: rows.length > options.first };
  }
}
