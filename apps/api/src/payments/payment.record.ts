import type { Money } from '@prism-sessions/domain-types';

/** Payment statuses (the Prisma enum restated; upstream IntentStatus upper-cased). */
export const PAYMENT_STATUSES = [
  'REQUIRES_PAYMENT_METHOD',
  'REQUIRES_CONFIRMATION',
  'REQUIRES_CUSTOMER_ACTION',
  'PROCESSING',
  'REQUIRES_CAPTURE',
  'SUCCEEDED',
  'FAILED',
  'CANCELLED',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** A payment as the services see it. The client secret is never part of it, only its hash. */
export interface PaymentRecord {
  readonly id: string;
  readonly merchantId: string;
  readonly status: PaymentStatus;
  readonly amount: Money;
  readonly merchantReference: string | null;
  readonly customerId: string | null;
  readonly billingCountry: string | null;
  readonly description: string | null;
  /** SHA-256 (hex) of the client secret; null when the payment has none. */
  readonly clientSecretHash: string | null;
  readonly clientSecretExpiresAt: Date;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}
