import { Secret } from '@prism-sessions/masking';
import { toDbConnector } from '../connectors/connector-db';
import type { ConnectorId } from '../connectors/connector-registry';
import { accessTokenAad } from '../crypto/column-aad';
import type { FieldEncryptor } from '../crypto/field-encryption';
import type { PrismaClient } from '../generated/prisma/client';

/** Connector state to store for a merchant. */
export interface ConnectorStateWrite {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly accessToken: Secret<string> | null;
  readonly accessTokenType: string | null;
  readonly accessTokenExpiresAt: Date | null;
  readonly connectorCustomerId: string | null;
}

/** Whose access token a row holds: a merchant's connector, and the credentials' scope key. */
export interface AccessTokenScope {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  /** `account:<uuid>` or `client:<sha256 hex>`; never a secret. */
  readonly scopeKey: string;
}

/** An access token we fetched and stored. */
export interface StoredAccessToken {
  readonly token: Secret<string>;
  readonly tokenType: string;
  readonly expiresAt: Date;
  /** When it was written: identifies this token for a compare-and-clear invalidation. */
  readonly updatedAt: Date;
}

/** Runs `work` while holding the scope's single-flight lock, with reads/writes on the same transaction. */
export type ScopeLockWork<T> = (locked: LockedAccessTokens) => Promise<T>;

/** Access-token reads and writes inside a held scope lock. */
export interface LockedAccessTokens {
  find(): Promise<StoredAccessToken | null>;
  save(token: Secret<string>, tokenType: string, expiresAt: Date): Promise<StoredAccessToken>;
}

/**
 * Stores upstream `ConnectorState` per merchant, connector and scope. The request's own `state` is
 * kept under scope `""` (last write wins); access tokens we fetch are kept per credential scope. The
 * access token is sealed here, bound to its merchant, connector and scope (AAD), with the key id on
 * the row; only the expiry is plain.
 */
export class ConnectorStateRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryptor: FieldEncryptor,
  ) {}

  /** Stores the state a request carried (scope `""`). */
  async upsert(state: ConnectorStateWrite): Promise<void> {
    const connector = toDbConnector(state.connector);
    const data = {
      accessTokenCiphertext:
        state.accessToken === null ? null : new Uint8Array(this.encryptor.encrypt(state.accessToken.expose(), accessTokenAad(state.merchantId, state.connector))),
      accessTokenType: state.accessTokenType,
      accessTokenExpiresAt: state.accessTokenExpiresAt,
      connectorCustomerId: state.connectorCustomerId,
      encryptionKeyId: this.encryptor.currentKeyId,
    };
    await this.prisma.connectorState.upsert({
      where: { merchantId_connector_scopeKey: { merchantId: state.merchantId, connector, scopeKey: '' } },
      create: { merchantId: state.merchantId, connector, scopeKey: '', ...data },
      update: data,
    });
  }

  /** The access token stored for a scope, if any (expired ones included: the caller judges). */
  async findAccessToken(scope: AccessTokenScope): Promise<StoredAccessToken | null> {
    return this.#find(this.prisma, scope);
  }

  /**
   * Clears the scope's token if it is still `stale` (compare-and-clear: a token another request
   * stored meanwhile is kept). Returns whether it cleared one.
   */
  async invalidateAccessToken(scope: AccessTokenScope, stale: StoredAccessToken): Promise<boolean> {
    const { count } = await this.prisma.connectorState.updateMany({
      where: { merchantId: scope.merchantId, connector: toDbConnector(scope.connector), scopeKey: scope.scopeKey, updatedAt: stale.updatedAt },
      data: { accessTokenCiphertext: null, accessTokenExpiresAt: null },
    });
    return count > 0;
  }

  /**
   * Runs `work` holding a transaction-scoped Postgres advisory lock on the scope, so across every
   * process at most one request at a time fetches a token for it (the others wait, then read the
   * token it stored). `timeoutMs` bounds the whole transaction (the gateway call included).
   */
  async withScopeLock<T>(scope: AccessTokenScope, timeoutMs: number, work: ScopeLockWork<T>): Promise<T> {
    const lockKey = `connector_states:${scope.merchantId}:${scope.connector}:${scope.scopeKey}`;
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`;
        return work({
          find: () => this.#find(tx, scope),
          save: (token, tokenType, expiresAt) => this.#save(tx, scope, token, tokenType, expiresAt),
        });
      },
      { timeout: timeoutMs, maxWait: timeoutMs },
    );
  }

  async #find(client: Pick<PrismaClient, 'connectorState'>, scope: AccessTokenScope): Promise<StoredAccessToken | null> {
    const row = await client.connectorState.findUnique({
      where: { merchantId_connector_scopeKey: { merchantId: scope.merchantId, connector: toDbConnector(scope.connector), scopeKey: scope.scopeKey } },
      select: { accessTokenCiphertext: true, accessTokenType: true, accessTokenExpiresAt: true, encryptionKeyId: true, updatedAt: true },
    });
    if (!row || row.accessTokenCiphertext === null || row.accessTokenExpiresAt === null) return null;
    const plain = this.encryptor.decrypt(row.accessTokenCiphertext, row.encryptionKeyId ?? '', accessTokenAad(scope.merchantId, scope.connector, scope.scopeKey));
    return { token: new Secret(plain), tokenType: row.accessTokenType ?? 'Bearer', expiresAt: row.accessTokenExpiresAt, updatedAt: row.updatedAt };
  }

  async #save(
    client: Pick<PrismaClient, 'connectorState'>,
    scope: AccessTokenScope,
    token: Secret<string>,
    tokenType: string,
    expiresAt: Date,
  ): Promise<StoredAccessToken> {
    const connector = toDbConnector(scope.connector);
    const data = {
      accessTokenCiphertext: new Uint8Array(this.encryptor.encrypt(token.expose(), accessTokenAad(scope.merchantId, scope.connector, scope.scopeKey))),
      accessTokenType: tokenType,
      accessTokenExpiresAt: expiresAt,
      encryptionKeyId: this.encryptor.currentKeyId,
    };
    const row = await client.connectorState.upsert({
      where: { merchantId_connector_scopeKey: { merchantId: scope.merchantId, connector, scopeKey: scope.scopeKey } },
      create: { merchantId: scope.merchantId, connector, scopeKey: scope.scopeKey, ...data },
      update: data,
      select: { updatedAt: true },
    });
    return { token, tokenType, expiresAt, updatedAt: row.updatedAt };
  }
}
