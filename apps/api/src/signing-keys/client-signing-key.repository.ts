import type { PrismaClient } from '../generated/prisma/client';
import type { ParsedPublicKey } from './public-key-pem';

/** A signing key as listed to its merchant. */
export interface ClientSigningKeyRecord {
  readonly keyId: string;
  readonly algorithm: string;
  readonly modulusBits: number;
  readonly fingerprint: string;
  readonly createdAt: Date;
  readonly revokedAt: Date | null;
}

const LISTED = { keyId: true, algorithm: true, modulusBits: true, fingerprint: true, createdAt: true, revokedAt: true } as const;

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

/** `client_signing_keys`, always scoped to one merchant. */
export class ClientSigningKeyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Stores a key; null when the merchant already has (or had) one with this keyId. */
  async register(merchantId: string, keyId: string, key: ParsedPublicKey): Promise<ClientSigningKeyRecord | null> {
    try {
      return await this.prisma.clientSigningKey.create({
        data: { merchantId, keyId, algorithm: key.algorithm, modulusBits: key.modulusBits, fingerprint: key.fingerprint, spki: new Uint8Array(key.spki) },
        select: LISTED,
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** Revokes (idempotent: the first time is kept); null when the merchant has no such key. */
  async revoke(merchantId: string, keyId: string, now: Date): Promise<ClientSigningKeyRecord | null> {
    await this.prisma.clientSigningKey.updateMany({ where: { merchantId, keyId, revokedAt: null }, data: { revokedAt: now } });
    return this.prisma.clientSigningKey.findUnique({ where: { merchantId_keyId: { merchantId, keyId } }, select: LISTED });
  }

  async list(merchantId: string): Promise<ClientSigningKeyRecord[]> {
    return this.prisma.clientSigningKey.findMany({ where: { merchantId }, orderBy: [{ createdAt: 'asc' }, { keyId: 'asc' }], select: LISTED });
  }
}
