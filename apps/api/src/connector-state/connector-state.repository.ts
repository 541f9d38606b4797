import type { Secret } from '@prism-sessions/masking';
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

/**
 * Stores upstream `ConnectorState` per merchant and connector (last write wins). The access token is
 * sealed here, bound to its merchant and connector (AAD), with the key id on the row.
 */
export class ConnectorStateRepository {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryptor: FieldEncryptor,
  ) {}

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
      where: { merchantId_connector: { merchantId: state.merchantId, connector } },
      create: { merchantId: state.merchantId, connector, ...data },
      update: data,
    });
  }
}
