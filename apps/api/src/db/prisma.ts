import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

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
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolMax ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 3_000,
    idleTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}
