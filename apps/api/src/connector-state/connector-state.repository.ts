import { toDbConnector } from '../connectors/connector-db';
import type { ConnectorId } from '../connectors/connector-registry';
import type { PrismaClient } from '../generated/prisma/client';

/** Connector state to store for a merchant, secrets already sealed. */
export interface ConnectorStateWrite {
  readonly merchantId: string;
  readonly connector: ConnectorId;
  readonly accessTokenCiphertext: Uint8Array | null;
  readonly accessTokenType: string | null;
  readonly accessTokenExpiresAt: Date | null;
  readonly connectorCustomerId: string | null;
  readonly encryptionKeyId: string;
}

/** Stores upstream `ConnectorState` per merchant and connector (last write wins). */
export class ConnectorStateRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async upsert(state: ConnectorStateWrite): Promise<void> {
    const connector = toDbConnector(state.connector);
    const data = {
      accessTokenCiphertext: state.accessTokenCiphertext === null ? null : new Uint8Array(state.accessTokenCiphertext),
      accessTokenType: state.accessTokenType,
      accessTokenExpiresAt: state.accessTokenExpiresAt,
      connectorCustomerId: state.connectorCustomerId,
      encryptionKeyId: state.encryptionKeyId,
    };
    await this.prisma.connectorState.upsert({
      where: { merchantId_connector: { merchantId: state.merchantId, connector } },
      create: { merchantId: state.merchantId, connector, ...data },
      update: data,
    });
  }
}
