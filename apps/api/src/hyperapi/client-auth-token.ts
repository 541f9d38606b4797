import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client';

/** A clientAuthToken lives 15 minutes (spec §4, the SDK's `authExpiry` default). */
export const CLIENT_AUTH_TOKEN_TTL_MS = 15 * 60 * 1000;
/** Uses of one token (each accepted envelope spends one). */
export const CLIENT_AUTH_TOKEN_MAX_USES = 10;
const TOKEN_FORMAT = /^tkn_[A-Za-z0-9_-]{43}$/;

/** A fresh token: `tkn_` + 32 random bytes base64url. */
export function generateClientAuthToken(): string {
  return `tkn_${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 (hex) of a token: what is stored and looked up. */
export function hashClientAuthToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether text has the shape of a token (checked before any look-up). */
export const isClientAuthTokenShaped = (text: string): boolean => TOKEN_FORMAT.test(text);

/** A stored token, as the pipeline sees it. */
export interface StoredClientAuthToken {
  readonly merchantId: string;
  readonly customerId: string;
  readonly expiresAt: Date;
  readonly uses: number;
  readonly maxUses: number;
}

/** `client_auth_tokens`: only hashes are stored. */
export class ClientAuthTokenRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(merchantId: string, customerId: string, tokenHash: string, now: Date): Promise<Date> {
    const expiresAt = new Date(now.getTime() + CLIENT_AUTH_TOKEN_TTL_MS);
    await this.prisma.clientAuthToken.create({ data: { merchantId, customerId, tokenHash, maxUses: CLIENT_AUTH_TOKEN_MAX_USES, createdAt: now, expiresAt } });
    return expiresAt;
  }

  async find(tokenHash: string): Promise<StoredClientAuthToken | null> {
    return this.prisma.clientAuthToken.findUnique({ where: { tokenHash }, select: { merchantId: true, customerId: true, expiresAt: true, uses: true, maxUses: true } });
  }
}
