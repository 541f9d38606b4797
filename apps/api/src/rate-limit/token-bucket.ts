import type { Clock } from '@prism-sessions/connector-interfaces';

/** The outcome of asking for tokens. */
export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number; readonly exceedsBurst: boolean };

export interface TokenBucketOptions {
  /** Tokens added per second (sustained rate). */
  readonly ratePerSecond: number;
  /** Bucket size: the most tokens one key can spend at once. */
  readonly burst: number;
  readonly clock: Clock;
  /** Buckets kept in memory; full buckets are dropped first when it is reached (a full bucket equals no bucket). */
  readonly maxBuckets?: number;
}

/**
 * In-process token buckets, one per key (merchant id). All or nothing: a request costing `n` tokens
 * takes them all or none. Per instance: N instances allow N times the rate (see README, Rate limits).
 */
export class TokenBucketLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #maxBuckets: number;

  constructor(private readonly options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new Error('ratePerSecond must be > 0 and burst >= 1');
    this.#maxBuckets = options.maxBuckets ?? 100_000;
  }

  take(key: string, cost: number): TakeResult {
    const now = this.options.clock.now().getTime();
    const { ratePerSecond, burst } = this.options;
    const bucket = this.#buckets.get(key);
    const elapsedSeconds = bucket ? Math.max(0, now - bucket.at) / 1000 : 0;
    const tokens = bucket ? Math.min(burst, bucket.tokens + elapsedSeconds * ratePerSecond) : burst;
    if (cost <= tokens) {
      if (!bucket && this.#buckets.size >= this.#maxBuckets) this.#prune(now);
      this.#buckets.set(key, { tokens: tokens - cost, at: now });
      return { allowed: true };
    }
    this.#buckets.set(key, { tokens, at: now });
    const exceedsBurst = cost > burst;
    const missing = (exceedsBurst ? burst : cost) - tokens;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / ratePerSecond)), exceedsBurst };
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.options.ratePerSecond >= this.options.burst) this.#buckets.delete(key);
    }
    if (this.#buckets.size >= this.#maxBuckets) this.#buckets.clear();
  }
}
