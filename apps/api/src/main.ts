import 'reflect-metadata';
import * as path from 'node:path';
import { createApp } from './app/create-app';
import { ensureDevMerchant } from './bootstrap/dev-merchant';
import { loadFieldEncryptor } from './bootstrap/encryption-key';
import { loadConfig } from './config/env';
import { applyMigrations, findWorkspaceRoot, startEmbeddedPostgres } from '@prism-sessions/platform-database';
import { createPrismaClient } from './db/prisma';
import { createLogger } from './logging/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const dataDir = path.resolve(findWorkspaceRoot(), config.DATA_DIR);
  const { encryptor, source } = loadFieldEncryptor(config, dataDir);
  if (source === 'generated') logger.warn({ dataDir }, 'generated a development encryption key; set ENCRYPTION_KEY outside development');

  let databaseUrl = config.DATABASE_URL;
  // As root in a checkout the `postgres` user cannot reach (e.g. under a 0700 directory), the cluster
  // lives in a per-checkout directory under /var/tmp/embedded-postgres instead (see README, Configuration).
  const embedded = databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), relocateIfUnreachable: true, log: (line) => logger.debug(line) });
  if (embedded) {
    databaseUrl = embedded.databaseUrl;
    if (embedded.relocatedFrom) {
      logger.info({ dataDir: embedded.dataDir, instead_of: embedded.relocatedFrom }, 'embedded Postgres data is outside the checkout: the postgres user cannot reach it');
    }
    const { applied } = await applyMigrations(databaseUrl);
    logger.info({ applied }, 'embedded Postgres ready');
  }
  const prisma = createPrismaClient(databaseUrl as string, { poolMax: config.DATABASE_POOL_MAX });
  const app = await createApp({ config, prisma, encryptor, logger });
  const url = await app.listen(config.PORT);
  const grpcAddress = await app.listenGrpc(config.GRPC_PORT);

  const lines = [
    `GraphQL API ready at ${url}${config.NODE_ENV === 'production' ? '' : ' (open it in a browser for Apollo Sandbox)'}`,
    `gRPC (types.MerchantAuthenticationService, with reflection) ready at ${grpcAddress.replace(/^(0\.0\.0\.0|\[::\]):/, 'localhost:')}`,
  ];
  if (embedded) {
    const dev = await ensureDevMerchant(app.merchants, app.apiKeys, dataDir);
    lines.push(`Development merchant ${dev.merchantId}: send the header  Authorization: Bearer ${dev.apiKey}`);
    lines.push(`Its publishable key (client-facing operations only): ${dev.publishableKey}`);
  }
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app
      .close()
      .then(() => prisma.$disconnect())
      .then(() => embedded?.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'error during shutdown');
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
