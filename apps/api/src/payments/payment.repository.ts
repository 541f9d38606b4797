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
   * Runs `work` while holding a transaction-scoped advisory lock on the payment (upstream holds a
   * lock keyed by payment id for the whole session-token call). Other callers for the same payment
   * wait; the lock is released when `work` settles.
   */
  async withPaymentLock<T>(paymentId: string, timeoutMs: number, work: () => Promise<T>): Promise<T> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('payments.session_tokens'), hashtext(${paymentId}))`;
        return work();
      },
      { maxWait: timeoutMs, timeout: timeoutMs },
    );
  }
}
