import type { PrismaClient } from '../generated/prisma/client';
import { generateApiKey } from './api-key';

/** An authenticated caller. */
export interface Merchant {
  readonly id: string;
  readonly name: string;
  readonly apiKeyHash: string;
}

/** Merchants and their API key hashes. */
export class MerchantRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findByApiKeyHash(apiKeyHash: string): Promise<Merchant | null> {
    return this.prisma.merchant.findUnique({ where: { apiKeyHash }, select: { id: true, name: true, apiKeyHash: true } });
  }

  /** Creates a merchant with a fresh API key; the key is returned once and never stored. */
  async create(name: string): Promise<{ merchant: Merchant; apiKey: string }> {
    const key = generateApiKey();
    const merchant = await this.prisma.merchant.create({
      data: { name, apiKeyHash: key.hash, apiKeyPrefix: key.prefix },
      select: { id: true, name: true, apiKeyHash: true },
    });
    return { merchant, apiKey: key.apiKey };
  }
}
