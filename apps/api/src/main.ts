import 'reflect-metadata';
import cluster from 'node:cluster';
import * as path from 'node:path';
import { findWorkspaceRoot } from '@prism-sessions/platform-database';
import { loadFieldEncryptor } from './bootstrap/encryption-key';
import { bannerLines, serveApi } from './bootstrap/serve-api';
import { runPrimary } from './cluster/primary';
import { workerCount } from './cluster/worker-count';
import { loadConfig } from './config/env';
import { createLogger } from './logging/logger';

/**
 * One API process, or (`WEB_CONCURRENCY` > 1; by default one per core in production) a `node:cluster`
 * primary with that many API workers sharing the HTTP and gRPC ports (ADR 0023).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const workers = workerCount(config);
  if (cluster.isPrimary && workers > 1) {
    if (!config.DATABASE_URL) throw new Error('WEB_CONCURRENCY > 1 needs DATABASE_URL: the embedded development Postgres belongs to a single process');
    // Once, before forking: refuses a production start without ENCRYPTION_KEY here (not in every worker),
    // and outside production creates the development key file before the workers race to read it.
    const { source } = loadFieldEncryptor(config, path.resolve(findWorkspaceRoot(), config.DATA_DIR));
    if (source === 'generated') logger.warn('generated a development encryption key; set ENCRYPTION_KEY outside development');
    runPrimary({
      workers,
      logger,
      onReady: (ready, pids) => {
        const lines = bannerLines(ready.url, ready.grpcAddress, config.NODE_ENV === 'production');
        lines.push(`${workers} API workers (node:cluster), pids ${pids.join(', ')}; primary pid ${process.pid}`);
        process.stdout.write(lines.join('\n') + '\n');
      },
    });
    return;
  }
  await serveApi(config, logger, workers);
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
