import { bearerToken, hashApiKey, hashesEqual } from './api-key';
import type { Merchant, MerchantRepository } from './merchant.repository';

const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 10_000;

/** Why authentication failed. */
export type AuthenticationFailure = 'MISSING_API_KEY' | 'INVALID_API_KEY';

/**
 * Resolves `Authorization: Bearer <key>` to a merchant. Keys are looked up by SHA-256 hash and the
 * hash is compared in constant time; successful lookups are cached briefly (keyed by hash, never by key).
 */
export class MerchantAuthenticator {
  readonly #cache = new Map<string, { merchant: Merchant; expiresAt: number }>();

  constructor(private readonly merchants: MerchantRepository) {}

  async authenticate(authorizationHeader: string | undefined): Promise<Merchant | AuthenticationFailure> {
    const apiKey = bearerToken(authorizationHeader);
    if (apiKey === undefined) return authorizationHeader === undefined ? 'MISSING_API_KEY' : 'INVALID_API_KEY';
    const hash = hashApiKey(apiKey);
    const cached = this.#cache.get(hash);
    if (cached && cached.expiresAt > Date.now()) return cached.merchant;
    const merchant = await this.merchants.findByApiKeyHash(hash);
    if (!merchant || !hashesEqual(merchant.apiKeyHash, hash)) return 'INVALID_API_KEY';
    if (this.#cache.size >= CACHE_MAX_ENTRIES) this.#cache.clear();
    this.#cache.set(hash, { merchant, expiresAt: Date.now() + CACHE_TTL_MS });
    return merchant;
  }
}
