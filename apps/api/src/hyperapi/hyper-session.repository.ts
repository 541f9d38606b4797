import type { PrismaClient } from '../generated/prisma/client';
import type { HyperFailureReason } from './hyper-errors';

/** An active signing key candidate for a `merchantKeyId`. */
export interface SigningKeyCandidate {
  readonly merchantId: string;
  readonly spki: Uint8Array;
}

/** What an accepted request writes. */
export interface AcceptedRequest {
  readonly merchantId: string;
  readonly customerId: string;
  readonly requestId: string;
  readonly action: string;
  readonly authMethod: 'SIGNATURE' | 'CLIENT_AUTH_TOKEN';
  readonly signatureSha256: string | null;
  readonly simId: string | null;
  /** The declared customerMobileNumber, already masked. */
  readonly declaredMobileMasked: string | null;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
  /** Until when the requestId must be remembered (≥ now + TTL + skew). */
  readonly keepRequestIdUntil: Date;
  /** true: renew the customer's latest session (updateAuth) instead of opening one. */
  readonly renew: boolean;
  /** The hash of a clientAuthToken to spend one use of, in the same transaction. */
  readonly clientAuthTokenHash?: string;
}

/** Keys a candidate list is capped at (keyIds are unique per merchant, not globally). */
const MAX_KEY_CANDIDATES = 8;

class Refusal extends Error {
  constructor(readonly reason: HyperFailureReason) {
    super(reason);
  }
}

/** HyperSDK sessions, the requestId replay guard and the signing-key look-up. */
export class HyperSessionRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Unrevoked keys named `keyId`, across merchants (the signature decides which one, if any, signed). */
  async signingKeyCandidates(keyId: string): Promise<SigningKeyCandidate[]> {
    return this.prisma.clientSigningKey.findMany({ where: { keyId, revokedAt: null }, select: { merchantId: true, spki: true }, orderBy: { createdAt: 'asc' }, take: MAX_KEY_CANDIDATES });
  }

  /**
   * In one transaction: spends a clientAuthToken use (if any), claims `(merchant, requestId)` (an
   * insert that a concurrent claim on any instance waits for, then skips), upserts the customer and
   * opens or renews the session. Returns the failure reason, or null when everything was written.
   */
  async accept(request: AcceptedRequest): Promise<HyperFailureReason | null> {
    try {
      await this.prisma.$transaction(async (tx) => {
        if (request.clientAuthTokenHash !== undefined) {
          const spent = await tx.clientAuthToken.updateMany({
            where: { tokenHash: request.clientAuthTokenHash, merchantId: request.merchantId, customerId: request.customerId, expiresAt: { gt: request.issuedAt }, uses: { lt: tx.clientAuthToken.fields.maxUses } },
            data: { uses: { increment: 1 } },
          });
          if (spent.count === 0) throw new Refusal('SESSION_EXPIRED');
        }
        const claimed = await tx.hyperUsedRequestId.createMany({
          data: [{ merchantId: request.merchantId, requestId: request.requestId, usedAt: request.issuedAt, keepUntil: request.keepRequestIdUntil }],
          skipDuplicates: true,
        });
        if (claimed.count === 0) throw new Refusal('DUPLICATE_REQUEST');
        await tx.upiCustomer.upsert({
          where: { merchantId_customerId: { merchantId: request.merchantId, customerId: request.customerId } },
          create: { merchantId: request.merchantId, customerId: request.customerId, createdAt: request.issuedAt },
          update: {},
        });
        const audit = { requestId: request.requestId, authMethod: request.authMethod, signatureSha256: request.signatureSha256, simId: request.simId, declaredMobileMasked: request.declaredMobileMasked, expiresAt: request.expiresAt };
        if (request.renew) {
          const latest = await tx.hyperSdkSession.findFirst({ where: { merchantId: request.merchantId, customerId: request.customerId }, orderBy: { issuedAt: 'desc' }, select: { id: true } });
          if (!latest) throw new Refusal('UNINITIATED_REQUEST');
          await tx.hyperSdkSession.update({ where: { id: latest.id }, data: { ...audit, renewedAt: request.issuedAt } });
        } else {
          await tx.hyperSdkSession.create({ data: { ...audit, merchantId: request.merchantId, customerId: request.customerId, action: request.action, issuedAt: request.issuedAt } });
        }
      });
      return null;
    } catch (error) {
      if (error instanceof Refusal) return error.reason;
      throw error;
    }
  }

  /** Deletes remembered requestIds whose keep-until instant has passed; returns how many. */
  async purgeUsedRequestIds(now: Date): Promise<number> {
    return (await this.prisma.hyperUsedRequestId.deleteMany({ where: { keepUntil: { lt: now } } })).count;
  }
}
