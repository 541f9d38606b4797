import * as path from 'node:path';
import { loadFieldEncryptor } from '../bootstrap/encryption-key';
import { loadConfig } from '../config/env';
import { rotateEncryptionKeys } from '../crypto/key-rotation';
import { createPrismaClient } from '../db/prisma';
import { findWorkspaceRoot } from '@prism-sessions/platform-database';

/**
 * `npm run keys:rotate`: re-seals every encrypted column with the current ENCRYPTION_KEY.
 * Retired keys must be listed in ENCRYPTION_PREVIOUS_KEYS while this runs.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const { encryptor } = loadFieldEncryptor(config, path.resolve(findWorkspaceRoot(), config.DATA_DIR));
  const prisma = createPrismaClient(config.DATABASE_URL);
  const report = await rotateEncryptionKeys(prisma, encryptor);
  process.stdout.write(`Re-sealed ${report.sessions} session rows, ${report.connectorStates} connector state rows and ${report.connectorAccounts} connector account rows (${report.walletConfigs} wallet configurations) with key ${encryptor.currentKeyId}\n`);
  await prisma.$disconnect();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`keys:rotate failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
