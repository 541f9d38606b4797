import type { PrismaClient } from '../generated/prisma/client';
import { generateApiKey } from './api-key';

/** The merchant an API key belongs to, as authentication knows it (one lookup, no join). */
export interface AuthenticatedMerchant {
  readonly id: string;
}

/** A merchant. */
export interface Merchant {
  readonly id: string;
  readonly name: string;
}

/** A new merchant with its first keys; the keys are returned once and never stored. */
export interface CreatedMerchant {
  readonly merchant: Merchant;
  /** The secret key (`sk_…`). */
  readonly apiKey: string;
  /** The publishable key (`pk_…`). */
  readonly publishableKey: string;
}

/** Merchants. Their keys live in `api_keys` (see `ApiKeyRepository`). */
export class MerchantRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Creates a merchant with one secret and one publishable key, in one transaction. */
  async create(name: string): Promise<CreatedMerchant> {
    const secret = generateApiKey('SECRET');
    const publishable = generateApiKey('PUBLISHABLE');
    const merchant = await this.prisma.merchant.create({
      data: {
        name,
        apiKeys: {
          create: [
            { name: 'default secret key', kind: 'SECRET', keyHash: secret.hash, prefix: secret.prefix },
            { name: 'default publishable key', kind: 'PUBLISHABLE', keyHash: publishable.hash, prefix: publishable.prefix },
          ],
        },
      },
      select: { id: true, name: true },
    });
    return { merchant, apiKey: secret.apiKey, publishableKey: publishable.apiKey };
  }
}
