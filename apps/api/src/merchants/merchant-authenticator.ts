import type { Clock } from '@prism-sessions/connector-interfaces';
import type { ApiKeyCredential, ApiKeyRepository } from '../api-keys/api-key.repository';
import { bearerToken, hashApiKey, hashesEqual, type ApiKeyKind } from './api-key';
import type { AuthenticatedMerchant } from './merchant.repository';

const CACHE_MAX_ENTRIES = 10_000;
/** `lastUsedAt` is written at most this often per key (and instance). */
export const LAST_USED_WRITE_INTERVAL_MS = 60_000;

/** Why authentication failed. */
export type AuthenticationFailure = 'MISSING_API_KEY' | 'INVALID_API_KEY' | 'REVOKED_API_KEY' | 'EXPIRED_API_KEY' | 'CONFLICTING_API_KEYS';

/** What a client is told for each refusal (never the key). */
export const AUTHENTICATION_MESSAGES: Readonly<Record<Exclude<AuthenticationFailure, 'MISSING_API_KEY'>, string>> = {
  INVALID_API_KEY: 'Invalid API key',
  REVOKED_API_KEY: 'This API key has been revoked',
  EXPIRED_API_KEY: 'This API key has expired',
  CONFLICTING_API_KEYS: 'The Authorization and api-key headers carry different keys: send one',
};

/** An authenticated caller: the merchant and the key it used. */
export interface Caller {
  readonly merchant: AuthenticatedMerchant;
  readonly apiKey: { readonly id: string; readonly kind: ApiKeyKind };
}

/** The two headers a key may come in. */
export interface KeyHeaders {
  readonly authorization?: string | undefined;
  readonly apiKey?: string | undefined;
}

export interface MerchantAuthenticatorOptions {
  readonly keys: Pick<ApiKeyRepository, 'findByHash' | 'touch'>;
  readonly clock: Clock;
  /** How long a looked-up key is trusted without asking the database again: the bound on revocation. */
  readonly cacheTtlMs: number;
  /** Called when recording `lastUsedAt` fails (it never fails a request). */
  readonly onTouchError?: (error: unknown) => void;
}

/**
 * Resolves `Authorization: Bearer <key>` or `api-key: <key>` to a merchant. Keys are looked up by
 * SHA-256 hash and the hash compared in constant time. Lookups are cached for `cacheTtlMs` (keyed by
 * hash, never by key): a key revoked elsewhere is refused here within that bound (immediately on the
 * instance that revoked it, see `forget`). Expiry is checked on every request against the cached time.
 */
export class MerchantAuthenticator {
  readonly #cache = new Map<string, { credential: ApiKeyCredential; fetchedAt: number }>();
  readonly #lastTouched = new Map<string, number>();

  constructor(private readonly options: MerchantAuthenticatorOptions) {}

  async authenticate(headers: KeyHeaders): Promise<Caller | AuthenticationFailure> {
    const fromAuthorization = headers.authorization === undefined ? undefined : bearerToken(headers.authorization);
    if (headers.authorization !== undefined && fromAuthorization === undefined) return 'INVALID_API_KEY';
    const fromHeader = headers.apiKey?.trim();
    if (headers.apiKey !== undefined && !fromHeader) return 'INVALID_API_KEY';
    if (fromAuthorization !== undefined && fromHeader !== undefined && fromAuthorization !== fromHeader) return 'CONFLICTING_API_KEYS';
    const key = fromAuthorization ?? fromHeader;
    if (key === undefined) return 'MISSING_API_KEY';

    const hash = hashApiKey(key);
    const now = this.options.clock.now().getTime();
    let credential = this.#cached(hash, now);
    if (!credential) {
      const found = await this.options.keys.findByHash(hash);
      if (!found || !hashesEqual(found.keyHash, hash)) return 'INVALID_API_KEY';
      if (this.#cache.size >= CACHE_MAX_ENTRIES) this.#cache.clear();
      this.#cache.set(hash, { credential: found, fetchedAt: now });
      credential = found;
    }
    if (credential.revokedAt !== null && credential.revokedAt.getTime() <= now) return 'REVOKED_API_KEY';
    if (credential.expiresAt !== null && credential.expiresAt.getTime() <= now) return 'EXPIRED_API_KEY';
    this.#recordUse(credential.id, now);
    return { merchant: { id: credential.merchantId }, apiKey: { id: credential.id, kind: credential.kind } };
  }

  /** Drops a key from this instance's cache (after a revocation here). */
  forget(apiKeyId: string): void {
    for (const [hash, entry] of this.#cache) if (entry.credential.id === apiKeyId) this.#cache.delete(hash);
  }

  #cached(hash: string, now: number): ApiKeyCredential | undefined {
    const entry = this.#cache.get(hash);
    if (!entry) return undefined;
    if (now - entry.fetchedAt < this.options.cacheTtlMs && now >= entry.fetchedAt) return entry.credential;
    this.#cache.delete(hash);
    return undefined;
  }

  #recordUse(id: string, now: number): void {
    const last = this.#lastTouched.get(id);
    if (last !== undefined && now - last < LAST_USED_WRITE_INTERVAL_MS) return;
    if (this.#lastTouched.size >= CACHE_MAX_ENTRIES) this.#lastTouched.clear();
    this.#lastTouched.set(id, now);
    this.options.keys.touch(id, new Date(now)).catch((error: unknown) => this.options.onTouchError?.(error));
  }
}
