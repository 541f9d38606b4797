import type { PrismaClient } from '../generated/prisma/client';
import { accessTokenAad, connectorAccountCredentialsAad, connectorAccountWalletConfigAad, connectorFeatureDataAad, metadataAad, tokenAad } from './column-aad';
import type { FieldEncryptor } from './field-encryption';
import { fromDbConnector } from '../connectors/connector-db';

const BATCH = 200;

/** Counts of rows re-sealed by {@link rotateEncryptionKeys}. */
export interface RotationReport {
  readonly sessions: number;
  readonly connectorStates: number;
  readonly connectorAccounts: number;
  /** Connector accounts whose wallet configuration (Apple Pay certificate and key) was re-sealed. */
  readonly walletConfigs: number;
}

function reseal(encryptor: FieldEncryptor, value: Uint8Array | null, keyId: string, aad: string): Uint8Array<ArrayBuffer> | null {
  if (value === null) return null;
  return new Uint8Array(encryptor.encrypt(encryptor.decrypt(value, keyId, aad), aad));
}

/**
 * Re-seals every ciphertext not sealed with the current key (`npm run keys:rotate`). Each row is
 * updated with a compare-and-set on its old key id, so concurrent writers are never overwritten.
 * Run it after moving the old key to ENCRYPTION_PREVIOUS_KEYS and setting the new ENCRYPTION_KEY.
 */
export async function rotateEncryptionKeys(prisma: PrismaClient, encryptor: FieldEncryptor): Promise<RotationReport> {
  const current = encryptor.currentKeyId;
  let sessions = 0;
  for (;;) {
    const rows = await prisma.paymentSession.findMany({
      where: { encryptionKeyId: { not: current } },
      select: { id: true, encryptionKeyId: true, tokenCiphertext: true, metadataCiphertext: true, connectorFeatureDataCiphertext: true },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const keyId = row.encryptionKeyId ?? '';
      const updated = await prisma.paymentSession.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId },
        data: {
          tokenCiphertext: reseal(encryptor, row.tokenCiphertext, keyId, tokenAad(row.id)),
          metadataCiphertext: reseal(encryptor, row.metadataCiphertext, keyId, metadataAad(row.id)),
          connectorFeatureDataCiphertext: reseal(encryptor, row.connectorFeatureDataCiphertext, keyId, connectorFeatureDataAad(row.id)),
          encryptionKeyId: current,
        },
      });
      sessions += updated.count;
    }
  }
  let connectorStates = 0;
  for (;;) {
    const rows = await prisma.connectorState.findMany({
      where: { encryptionKeyId: { not: current } },
      select: { id: true, merchantId: true, connector: true, scopeKey: true, encryptionKeyId: true, accessTokenCiphertext: true },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const aad = accessTokenAad(row.merchantId, fromDbConnector(row.connector), row.scopeKey);
      const updated = await prisma.connectorState.updateMany({
        where: { id: row.id, encryptionKeyId: row.encryptionKeyId },
        data: { accessTokenCiphertext: reseal(encryptor, row.accessTokenCiphertext, row.encryptionKeyId ?? '', aad), encryptionKeyId: current },
      });
      connectorStates += updated.count;
    }
  }
  let connectorAccounts = 0;
  for (;;) {
    const rows = await prisma.connectorAccount.findMany({
      where: { encryptionKeyId: { not: current } },
      select: { id: true, merchantId: true, encryptionKeyId: true, credentialsCiphertext: true },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const aad = connectorAccountCredentialsAad(row.merchantId, row.id);
      const sealed = reseal(encryptor, row.credentialsCiphertext, row.encryptionKeyId, aad) ?? new Uint8Array();
      const updated = await prisma.connectorAccount.updateMany({ where: { id: row.id, encryptionKeyId: row.encryptionKeyId }, data: { credentialsCiphertext: sealed, encryptionKeyId: current } });
      connectorAccounts += updated.count;
    }
  }
  // Wallet configurations (Apple Pay certificate and key) have their own key id.
  let walletConfigs = 0;
  for (;;) {
    const rows = await prisma.connectorAccount.findMany({
      where: { walletConfigCiphertext: { not: null }, walletConfigKeyId: { not: current } },
      select: { id: true, merchantId: true, walletConfigKeyId: true, walletConfigCiphertext: true },
      take: BATCH,
    });
    if (rows.length === 0) break;
    for (const row of rows) {
      const aad = connectorAccountWalletConfigAad(row.merchantId, row.id);
      const sealed = reseal(encryptor, row.walletConfigCiphertext, row.walletConfigKeyId ?? '', aad);
      const updated = await prisma.connectorAccount.updateMany({ where: { id: row.id, walletConfigKeyId: row.walletConfigKeyId }, data: { walletConfigCiphertext: sealed, walletConfigKeyId: current } });
      walletConfigs += updated.count;
    }
  }
  return { sessions, connectorStates, connectorAccounts, walletConfigs };
}
