import type { CurrencyCode } from '@prism-sessions/domain-types';
import { Prisma, type Payment as PaymentRow, type PrismaClient } from '../generated/prisma/client';
import type { PaymentRecord, PaymentStatus } from './payment.record';

/** Fields of a new payment. */
export type NewPayment = Omit<PaymentRecord, 'updatedAt' | 'status'>;

/** Listing options (Relay: newest first). */
export interface PaymentListOptions {
  readonly first: number;
  readonly after?: { readonly createdAt: Date; readonly id: string };
  readonly status?: PaymentStatus;
}

function toRecord(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    merchantId: row.merchantId,
    status: row.status,
    amount: { minorAmount: row.minorAmount, currency: row.currency as CurrencyCode },
    merchantReference: row.merchantReference,
    customerId: row.customerId,
    billingCountry: row.billingCountry,
    description: row.description,
    clientSecretHash: row.clientSecretHash,
    clientSecretExpiresAt: row.clientSecretExpiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Whether an insert lost the race on `(merchant_id, merchant_reference)`. */
export function isReferenceTaken(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

/** The only module that talks to Prisma about payments. Every read and write is scoped to a merchant. */
export class PaymentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async create(payment: NewPayment): Promise<PaymentRecord> {
    const row = await this.prisma.payment.create({
      data: {
        id: payment.id,
        merchantId: payment.merchantId,
        status: 'REQUIRES_PAYMENT_METHOD',
        minorAmount: payment.amount.minorAmount,
        currency: payment.amount.currency,
        merchantReference: payment.merchantReference,
        customerId: payment.customerId,
        billingCountry: payment.billingCountry,
        description: payment.description,
        clientSecretHash: payment.clientSecretHash,
        clientSecretExpiresAt: payment.clientSecretExpiresAt,
        createdAt: payment.createdAt,
        updatedAt: payment.createdAt,
      },
    });
    return toRecord(row);
  }

  async findById(merchantId: string, id: string): Promise<PaymentRecord | null> {
    const row = await this.prisma.payment.findFirst({ where: { id, merchantId } });
    return row && toRecord(row);
  }

  async findByReference(merchantId: string, merchantReference: string): Promise<PaymentRecord | null> {
    const row = await this.prisma.payment.findUnique({ where: { merchantId_merchantReference: { merchantId, merchantReference } } });
    return row && toRecord(row);
  }

  /** Cancels a payment that is not final yet; returns the payment as it is afterwards (null when absent). */
  async cancel(merchantId: string, id: string, now: Date): Promise<PaymentRecord | null> {
    await this.prisma.payment.updateMany({
      where: { id, merchantId, status: { notIn: ['SUCCEEDED', 'FAILED', 'CANCELLED'] } },
      data: { status: 'CANCELLED', cancelledAt: now, updatedAt: now },
    });
    return this.findById(merchantId, id);
  }

  /** One page of a merchant's payments, newest first; `first + 1` rows are read to know if more exist. */
  async list(merchantId: string, options: PaymentListOptions): Promise<{ records: PaymentRecord[]; hasNextPage: boolean }> {
    const and: Prisma.PaymentWhereInput[] = [];
    if (options.status) and.push({ status: options.status });
    if (options.after) {
      const { createdAt, id } = options.after;
      and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
    }
    const rows = await this.prisma.payment.findMany({
      where: { merchantId, ...(and.length > 0 ? { AND: and } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.first + 1,
    });
    return { records: rows.slice(0, options.first).map(toRecord), hasNextPage: rows.length > options.first };
  }

  /**
   * Takes the payment's session-tokens lease for `leaseMs` (database time) when it is free or its
   * holder's lease ran out; true when this `holder` now has it. One statement, no transaction held.
   */
  async tryLease(paymentId: string, holder: string, leaseMs: number): Promise<boolean> {
    const taken = await this.prisma.$executeRaw`
      UPDATE payments SET session_tokens_lock_id = ${holder}::uuid,
        session_tokens_locked_until = now() + make_interval(secs => ${leaseMs / 1000})
      WHERE id = ${paymentId} AND (session_tokens_locked_until IS NULL OR session_tokens_locked_until < now())`;
    return taken === 1;
  }

  /** Gives the lease back, if `holder` still has it. */
  async releaseLease(paymentId: string, holder: string): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE payments SET session_tokens_lock_id = NULL, session_tokens_locked_until = NULL
      WHERE id = ${paymentId} AND session_tokens_lock_id = ${holder}::uuid`;
  }
}
