import type { PrismaClient } from '../generated/prisma/client';
import { generateApiKey, type ApiKeyKind } from '../merchants/api-key';

/** An API key as listed to its merchant (never the key, never its hash). */
export interface ApiKeyRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly name: string;
  readonly kind: ApiKeyKind;
  readonly prefix: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly lastUsedAt: Date | null;
  readonly revokedAt: Date | null;
}

/** What authentication needs about a key, found by its hash. */
export interface ApiKeyCredential {
  readonly id: string;
  readonly kind: ApiKeyKind;
  readonly keyHash: string;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly merchantId: string;
}

const LISTED = { id: true, merchantId: true, name: true, kind: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

/** `api_keys`: every query but the hash lookup is scoped to one merchant. */
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findByHash(keyHash: string): Promise<ApiKeyCredential | null> {
    return this.prisma.apiKey.findUnique({
      where: { keyHash },
      select: { id: true, merchantId: true, kind: true, keyHash: true, expiresAt: true, revokedAt: true },
    });
  }

  /** Mints and stores a key; the key is returned once, only its hash is kept. */
  async create(merchantId: string, input: { name: string; kind: ApiKeyKind; expiresAt: Date | null }): Promise<{ record: ApiKeyRecord; key: string }> {
    const minted = generateApiKey(input.kind);
    const record = await this.prisma.apiKey.create({
      data: { merchantId, name: input.name, kind: input.kind, expiresAt: input.expiresAt, keyHash: minted.hash, prefix: minted.prefix },
      select: LISTED,
    });
    return { record, key: minted.apiKey };
  }

  async list(merchantId: string): Promise<ApiKeyRecord[]> {
    return this.prisma.apiKey.findMany({ where: { merchantId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: LISTED });
  }

  /** Revokes one of the merchant's keys (idempotent: the first revocation time is kept); null when it has no such key. */
  async revoke(merchantId: string, id: string, now: Date): Promise<ApiKeyRecord | null> {
    await this.prisma.apiKey.updateMany({ where: { id, merchantId, revokedAt: null }, data: { revokedAt: now } });
    return this.prisma.apiKey.findFirst({ where: { id, merchantId }, select: LISTED });
  }

  /** Records a use; never moves `lastUsedAt` backwards. */
  async touch(id: string, at: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] }, data: { lastUsedAt: at } });
  }
}
