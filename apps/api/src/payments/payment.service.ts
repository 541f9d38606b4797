import type { Clock } from '@prism-sessions/connector-interfaces';
import type { Money } from '@prism-sessions/domain-types';
import type { Secret } from '@prism-sessions/masking';
import type { PaymentSessionRepository } from '../payment-sessions/payment-session.repository';
import type { SessionRecord } from '../payment-sessions/session-record';
import { generateClientSecret, generatePaymentId, hashClientSecret } from './client-secret';
import type { PaymentRecord } from './payment.record';
import { isReferenceTaken, type PaymentListOptions, type PaymentRepository } from './payment.repository';

/** A validated createPayment request. */
export interface CreatePaymentCommand {
  readonly merchantId: string;
  readonly amount: Money;
  readonly merchantReference?: string;
  readonly sessionExpirySeconds: number;
  readonly customerId?: string;
  readonly billingCountry?: string;
  readonly description?: string;
}

/** Why createPayment changed nothing. */
export interface PaymentError {
  readonly code: 'MERCHANT_REFERENCE_CONFLICT';
  readonly field: string;
  readonly message: string;
}

/**
 * The new payment and its client secret (shown once), the existing payment of a repeated
 * merchantReference (no new secret), or a conflict.
 */
export type CreatePaymentResult =
  | { readonly payment: PaymentRecord; readonly clientSecret?: Secret<string>; readonly replayed: boolean; readonly error?: undefined }
  | { readonly payment?: undefined; readonly error: PaymentError };

const REFERENCE_CONFLICT: PaymentError = {
  code: 'MERCHANT_REFERENCE_CONFLICT',
  field: 'input.merchantReference',
  message: 'A payment with this merchantReference already exists with a different amount',
};

/** Dependencies of the payment service. */
export interface PaymentServiceDeps {
  readonly payments: PaymentRepository;
  readonly sessions: PaymentSessionRepository;
  readonly clock: Clock;
}

/** Payments with a client secret: created by the merchant's server, read by the client through the secret. */
export class PaymentService {
  constructor(private readonly deps: PaymentServiceDeps) {}

  async create(command: CreatePaymentCommand): Promise<CreatePaymentResult> {
    if (command.merchantReference !== undefined) {
      const existing = await this.deps.payments.findByReference(command.merchantId, command.merchantReference);
      if (existing) return this.replayOf(existing, command.amount);
    }
    const id = generatePaymentId();
    const clientSecret = generateClientSecret(id);
    const createdAt = this.deps.clock.now();
    try {
      const payment = await this.deps.payments.create({
        id,
        merchantId: command.merchantId,
        amount: command.amount,
        merchantReference: command.merchantReference ?? null,
        customerId: command.customerId ?? null,
        billingCountry: command.billingCountry ?? null,
        description: command.description ?? null,
        clientSecretHash: hashClientSecret(clientSecret),
        clientSecretExpiresAt: new Date(createdAt.getTime() + command.sessionExpirySeconds * 1000),
        createdAt,
      });
      return { payment, clientSecret, replayed: false };
    } catch (error) {
      // Two creates with one reference raced: the loser answers like a repeat.
      if (command.merchantReference === undefined || !isReferenceTaken(error)) throw error;
      const winner = await this.deps.payments.findByReference(command.merchantId, command.merchantReference);
      if (!winner) throw error;
      return this.replayOf(winner, command.amount);
    }
  }

  private replayOf(existing: PaymentRecord, amount: Money): CreatePaymentResult {
    const same = existing.amount.minorAmount === amount.minorAmount && existing.amount.currency === amount.currency;
    return same ? { payment: existing, replayed: true } : { error: REFERENCE_CONFLICT };
  }

  get(merchantId: string, id: string): Promise<PaymentRecord | null> {
    return this.deps.payments.findById(merchantId, id);
  }

  cancel(merchantId: string, id: string): Promise<PaymentRecord | null> {
    return this.deps.payments.cancel(merchantId, id, this.deps.clock.now());
  }

  list(merchantId: string, options: PaymentListOptions) {
    return this.deps.payments.list(merchantId, options);
  }

  /** The payment sessions opened for one of the merchant's payments. */
  sessionsOf(payment: PaymentRecord): Promise<SessionRecord[]> {
    return this.deps.sessions.listByPayment(payment.merchantId, payment.id);
  }
}
