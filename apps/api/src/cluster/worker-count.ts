import { availableParallelism } from 'node:os';
import type { AppConfig } from '../config/env';

/**
 * How many API worker processes to run: `WEB_CONCURRENCY` when set; otherwise one per available core
 * in production with a `DATABASE_URL`, and one (no cluster) elsewhere: in development and test, and
 * with the embedded Postgres, which belongs to a single process.
 */
export function workerCount(config: Pick<AppConfig, 'WEB_CONCURRENCY' | 'NODE_ENV' | 'DATABASE_URL'>, cores: number = availableParallelism()): number {
  if (config.WEB_CONCURRENCY !== undefined) return config.WEB_CONCURRENCY;
  return config.NODE_ENV === 'production' && config.DATABASE_URL !== undefined ? Math.max(1, cores) : 1;
}

/**
 * The configuration one of `workers` processes runs with. The per-merchant rate limit is per
 * process (an in-memory token bucket); the primary hands connections to the workers in turn, so
 * each worker gets its share of the rate and of the burst, and the host as a whole keeps the
 * configured limit.
 */
export function perWorkerConfig<T extends Pick<AppConfig, 'RATE_LIMIT_PER_SECOND' | 'RATE_LIMIT_BURST'>>(config: T, workers: number): T {
  if (workers <= 1) return config;
  return {
    ...config,
    RATE_LIMIT_PER_SECOND: config.RATE_LIMIT_PER_SECOND / workers,
    RATE_LIMIT_BURST: Math.max(1, Math.floor(config.RATE_LIMIT_BURST / workers)),
  };
}
