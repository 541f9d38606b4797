/**
 * A small in-process cache whose entries live at most `ttlMs` (the documented bound within which a
 * change made on another instance, e.g. a disabled account, takes effect). Concurrent misses of one
 * key share one load. Oldest entries are dropped beyond `maxEntries`. A TTL of 0 disables caching.
 */
export class TtlCache<V> {
  readonly #entries = new Map<string, { readonly expiresAt: number; readonly value: Promise<V> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 10_000,
  ) {}

  /** The cached value of `key`, or the result of `load` (cached unless it rejects). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.now();
    const hit = this.#entries.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    if (hit) this.#entries.delete(key);
    const value = load();
    if (this.ttlMs <= 0) return value;
    this.#entries.set(key, { expiresAt: now + this.ttlMs, value });
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    return value;
  }

  /** Drops every entry whose key starts with `prefix` (this instance's own writes take effect at once). */
  invalidatePrefix(prefix: string): void {
    for (const key of this.#entries.keys()) if (key.startsWith(prefix)) this.#entries.delete(key);
  }

  get size(): number {
    return this.#entries.size;
  }
}
