import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import { createStatementNameGenerator } from './statement-names';

export type { PrismaClient };

export interface CreatePrismaClientOptions {
  /** Maximum pool size (default 10). */
  poolMax?: number;
  /**
   * How long to wait for a connection (default 3000 ms): with the database down, requests fail after
   * this long instead of hanging.
   */
  connectionTimeoutMs?: number;
}

/**
 * A PrismaClient on the `@prisma/adapter-pg` driver adapter (Prisma 7 has no built-in driver).
 * Call `$disconnect()` when done: it ends the pool (otherwise idle connections keep the process alive).
 */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  if (!databaseUrl) throw new Error('createPrismaClient: databaseUrl is empty');
  // Our own pool (the adapter ends it on $disconnect), so the metrics can read its counts.
  const pool = new Pool({
    connectionString: databaseUrl,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 3_000,
    idleTimeoutMillis: 10_000,
    // Named statements are parsed once per connection, but still planned for each execution's values:
    // a generic plan made while a table is nearly empty (a fresh database) can pick the wrong index
    // and keep it until the next ANALYZE.
    options: '-c plan_cache_mode=force_custom_plan',
  });
  const adapter = new PrismaPg(pool, { statementNameGenerator: createStatementNameGenerator(), disposeExternalPool: true });
  const client = new PrismaClient({ adapter });
  pools.set(client, pool);
  return client;
}

const pools = new WeakMap<PrismaClient, Pool>();

/** The connection pool of a client made by {@link createPrismaClient} (for the pool gauges). */
export function poolOf(prisma: PrismaClient): Pick<Pool, 'totalCount' | 'idleCount' | 'waitingCount'> | undefined {
  return pools.get(prisma);
}
