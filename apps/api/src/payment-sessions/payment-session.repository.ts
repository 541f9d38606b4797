import type { Secret } from '@prism-sessions/masking';
import type { CurrencyCode } from '@prism-sessions/domain-types';
import { fromDbConnector, toDbConnector } from '../connectors/connector-db';
import type { ConnectorId } from '../connectors/connector-registry';
import { connectorFeatureDataAad, metadataAad, tokenAad } from '../crypto/column-aad';
import type { FieldEncryptor } from '../crypto/field-encryption';
import { secretOpenedOnUse } from '../crypto/secret-opened-on-use';
import { Prisma, type PaymentSession as SessionRow, type PrismaClient } from '../generated/prisma/client';
import { errorColumns, errorFromColumns } from './session-error';
import type { SessionRecord, SessionStatus } from './session-record';
import type { AttemptCompletion, Claim, ClaimData } from './session-writes';


// The session columns under the Prisma model's field names, so raw rows map exactly like Prisma's.
const SESSION_COLUMNS = Prisma.raw(
  [
    'id', 'merchant_id AS "merchantId"', 'connector', 'connector_account_id AS "connectorAccountId"', 'merchant_session_id AS "merchantSessionId"', 'idempotency_key AS "idempotencyKey"',
    'request_fingerprint AS "requestFingerprint"', 'minor_amount AS "minorAmount"', 'currency', 'test_mode AS "testMode"', 'status',
    'token_ciphertext AS "tokenCiphertext"', 'metadata_ciphertext AS "metadataCiphertext"',
    'connector_feature_data_ciphertext AS "connectorFeatureDataCiphertext"', 'encryption_key_id AS "encryptionKeyId"', 'expires_at AS "expiresAt"',
    'http_status AS "httpStatus"', 'unified_error_code AS "unifiedErrorCode"', 'error_code AS "errorCode"', 'error_message AS "errorMessage"',
    'error_reason AS "errorReason"', 'error_description AS "errorDescription"', 'retryable', 'attempt_count AS "attemptCount"',
    'revoked_at AS "revokedAt"', 'created_at AS "createdAt"', 'updated_at AS "updatedAt"',
  ].join(', '),
);

/** Listing options (Relay: newest first). */
export interface ListOptions {
  readonly first: number;
  readonly after?: { readonly createdAt: Date; readonly id: string };
  readonly connector?: ConnectorId;
  readonly status?: SessionStatus;
  readonly now: Date;
}

function toRecord(row: SessionRow, encryptor: FieldEncryptor): SessionRecord {
  const { id, tokenCiphertext: sealed, encryptionKeyId } = row;
  return {
    id: row.id,
    merchantId: row.merchantId,
    connector: fromDbConnector(row.connector),
    connectorAccountId: row.connectorAccountId,
    merchantSessionId: row.merchantSessionId,
    idempotencyKey: row.idempotencyKey,
    requestFingerprint: row.requestFingerprint,
    amount: { minorAmount: row.minorAmount, currency: row.currency as CurrencyCode },
    testMode: row.testMode,
    status: row.status,
    token: sealed === null ? null : secretOpenedOnUse(() => encryptor.decrypt(sealed, encryptionKeyId ?? '', tokenAad(id))),
    expiresAt: row.expiresAt,
    httpStatus: row.httpStatus,
    error: errorFromColumns(row),
    attemptCount: row.attemptCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    revokedAt: row.revokedAt,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** DB statuses a new attempt may replace (ACTIVE only when already past expiry: the claim protocol checks). */
const REPLACEABLE_STATUSES: readonly SessionStatus[] = ['FAILED', 'EXPIRED', 'OUTCOME_UNKNOWN', 'REVOKED', 'ACTIVE'];

/**
 * The only module that talks to Prisma about sessions. Every read is scoped to a merchant. Secrets
 * go in and come out as `Secret`s: they are sealed here, bound to their row and column (AAD), with
 * the key id on the row.
 */
export class PaymentSessionRepository {
  readonly #toRecord = (row: SessionRow): SessionRecord => toRecord(row, this.encryptor);

  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryptor: FieldEncryptor,
  ) {}

  #seal(value: Secret<string> | null, aad: string): Uint8Array<ArrayBuffer> | null {
    return value === null ? null : new Uint8Array(this.encryptor.encrypt(value.expose(), aad));
  }

  async findById(merchantId: string, id: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findFirst({ where: { id, merchantId } });
    return row && this.#toRecord(row);
  }

  async findByMerchantSessionId(merchantId: string, connector: ConnectorId, merchantSessionId: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findUnique({
      where: { merchantId_connector_merchantSessionId: { merchantId, connector: toDbConnector(connector), merchantSessionId } },
    });
    return row && this.#toRecord(row);
  }

  async findByIdempotencyKey(merchantId: string, idempotencyKey: string): Promise<SessionRecord | null> {
    const row = await this.prisma.paymentSession.findUnique({ where: { merchantId_idempotencyKey: { merchantId, idempotencyKey } } });
    return row && this.#toRecord(row);
  }

  /**
   * Inserts a new PENDING session with its first attempt, in one statement (the hot path of every new
   * session). When a session with the same merchantSessionId already exists, the same statement
   * returns it instead (the hot path of every replay): `existing` is that row, or null when the
   * conflict was on the idempotency key or the row was committed after the statement's snapshot
   * (a concurrent insert); the caller then looks it up.
   */
  async claimNew(data: ClaimData, now: Date): Promise<{ readonly claim: Claim } | { readonly claim: null; readonly existing: SessionRecord | null }> {
    const connector = toDbConnector(data.connector);
    const metadata = this.#seal(data.metadata, metadataAad(data.id));
    const connectorFeatureData = this.#seal(data.connectorFeatureData, connectorFeatureDataAad(data.id));
    const rows = await this.prisma.$queryRaw<(SessionRow & { claimed: boolean })[]>`
      WITH inserted AS (
        INSERT INTO payment_sessions (id, merchant_id, connector, connector_account_id, payment_id, merchant_session_id, idempotency_key, request_fingerprint,
          minor_amount, currency, test_mode, status, metadata_ciphertext, connector_feature_data_ciphertext,
          encryption_key_id, attempt_count, created_at, updated_at)
        VALUES (${data.id}::uuid, ${data.merchantId}::uuid, ${connector}::"Connector", ${data.connectorAccountId}::uuid, ${data.paymentId}, ${data.merchantSessionId},
          ${data.idempotencyKey}, ${data.requestFingerprint}, ${data.minorAmount}, ${data.currency}, ${data.testMode}, 'PENDING',
          ${metadata}, ${connectorFeatureData}, ${this.encryptor.currentKeyId}, 1, ${now}, ${now})
        ON CONFLICT DO NOTHING
        RETURNING ${SESSION_COLUMNS}
      ), attempt AS (
        INSERT INTO payment_session_attempts (id, session_id, attempt_number, status, started_at)
        SELECT gen_random_uuid(), id, 1, 'PENDING', ${now} FROM inserted
      )
      SELECT true AS claimed, * FROM inserted
      UNION ALL
      SELECT false AS claimed, ${SESSION_COLUMNS} FROM payment_sessions
      WHERE NOT EXISTS (SELECT 1 FROM inserted)
        AND merchant_id = ${data.merchantId}::uuid AND connector = ${connector}::"Connector" AND merchant_session_id = ${data.merchantSessionId}`;
    const row = rows[0];
    if (row?.claimed) return { claim: { session: this.#toRecord(row), attemptNumber: 1, startedAt: now } };
    return { claim: null, existing: row ? this.#toRecord(row) : null };
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
            connectorAccountId: data.connectorAccountId,
            ...(data.paymentId !== null ? { paymentId: data.paymentId } : {}),
            idempotencyKey: data.idempotencyKey ?? previous.idempotencyKey,
            metadataCiphertext: this.#seal(data.metadata, metadataAad(previous.id)),
            connectorFeatureDataCiphertext: this.#seal(data.connectorFeatureData, connectorFeatureDataAad(previous.id)),
            encryptionKeyId: this.encryptor.currentKeyId,
            revokedAt: null,
            updatedAt: now,
          },
        });
        if (updated.count === 0) return null;
        await tx.paymentSessionAttempt.create({ data: { sessionId: previous.id, attemptNumber, status: 'PENDING', startedAt: now } });
        const row = await tx.paymentSession.findUniqueOrThrow({ where: { id: previous.id } });
        return { session: this.#toRecord(row), attemptNumber, startedAt: now };
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Records the outcome of an attempt on the attempt row and the session, in one statement. */
  async completeAttempt(claim: Claim, completion: AttemptCompletion, now: Date): Promise<SessionRecord> {
    const errors = errorColumns(completion.error);
    const token =
      completion.token !== undefined
        ? Prisma.sql`, token_ciphertext = ${this.#seal(completion.token, tokenAad(claim.session.id))}, encryption_key_id = ${this.encryptor.currentKeyId}`
        : Prisma.empty;
    const rows = await this.prisma.$queryRaw<SessionRow[]>`
      WITH updated AS (
        UPDATE payment_sessions SET status = ${completion.status}::"SessionStatus", http_status = ${completion.httpStatus},
          expires_at = ${completion.expiresAt}, unified_error_code = ${errors.unifiedErrorCode}, error_code = ${errors.errorCode},
          error_message = ${errors.errorMessage}, error_reason = ${errors.errorReason}, error_description = ${errors.errorDescription},
          retryable = ${errors.retryable}, updated_at = ${now} ${token}
        WHERE id = ${claim.session.id}::uuid
        RETURNING ${SESSION_COLUMNS}
      ), attempt AS (
        UPDATE payment_session_attempts SET status = ${completion.status}::"SessionStatus", http_status = ${completion.httpStatus},
          unified_error_code = ${errors.unifiedErrorCode}, error_code = ${errors.errorCode}, error_message = ${errors.errorMessage},
          completed_at = ${now}, duration_ms = ${now.getTime() - claim.startedAt.getTime()}, access_token_source = ${completion.accessTokenSource ?? null}
        WHERE session_id = ${claim.session.id}::uuid AND attempt_number = ${claim.attemptNumber}
      )
      SELECT * FROM updated`;
    const row = rows[0];
    if (!row) throw new Error('Session row vanished before its attempt completed');
    return this.#toRecord(row);
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

  /** The sessions opened for one of the merchant's payments, oldest first. */
  async listByPayment(merchantId: string, paymentId: string): Promise<SessionRecord[]> {
    const rows = await this.prisma.paymentSession.findMany({ where: { merchantId, paymentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return rows.map(this.#toRecord);
  }

  /** One page of a merchant's sessions, newest first; `first + 1` rows are read to know if more exist. */
  async list(merchantId: string, options: ListOptions): Promise<{ records: SessionRecord[]; hasNextPage: boolean }> {
    const where: Prisma.PaymentSessionWhereInput = { merchantId };
    const and: Prisma.PaymentSessionWhereInput[] = [];
    if (options.connector) where.connector = toDbConnector(options.connector);
    if (options.status === 'ACTIVE') and.push({ status: 'ACTIVE', OR: [{ expiresAt: null }, { expiresAt: { gt: options.now } }] });
    else if (options.status === 'EXPIRED') and.push({ OR: [{ status: 'EXPIRED' }, { status: 'ACTIVE', expiresAt: { lte: options.now } }] });
    else if (options.status) and.push({ status: options.status });
    if (options.after) {
      const { createdAt, id } = options.after;
      and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    if (and.length > 0) where.AND = and;
    const rows = await this.prisma.paymentSession.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: options.first + 1 });
    return { records: rows.slice(0, options.first).map(this.#toRecord), hasNextPage: rows.length > options.first };
  }
}
