import { randomUUID } from 'node:crypto';
import type { PaymentRepository } from './payment.repository';

/** How often a waiting call asks for the lease again. */
const POLL_MS = 25;

/** The lease could not be taken before the caller's bound: another call for the payment still runs. */
export class PaymentLockTimeoutError extends Error {
  override readonly name = 'PaymentLockTimeoutError';
}

/** Options of {@link withPaymentLock}. */
export interface PaymentLockOptions {
  /** How long the lease lasts (its holder's work must end within it; a crashed holder frees it then). */
  readonly leaseMs: number;
  /** How long to wait for a lease held by another call. */
  readonly waitMs: number;
  /** Called once when the lease is busy and this call starts waiting. */
  readonly onWait?: () => void;
}

/**
 * Runs `work` holding the payment's session-tokens lease (upstream holds a lock keyed by payment id
 * for the whole call, seed 003 §2). The lease is a row update, not a held transaction or connection,
 * so waiting and running calls never starve the pool; it works across instances, and a holder that
 * died frees it when `leaseMs` runs out.
 * @throws PaymentLockTimeoutError when the lease stays busy for `waitMs`.
 */
export async function withPaymentLock<T>(payments: Pick<PaymentRepository, 'tryLease' | 'releaseLease'>, paymentId: string, options: PaymentLockOptions, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  const deadline = Date.now() + options.waitMs;
  let waiting = false;
  while (!(await payments.tryLease(paymentId, holder, options.leaseMs))) {
    if (Date.now() >= deadline) throw new PaymentLockTimeoutError('Another session-tokens call for this payment is still running');
    if (!waiting) {
      waiting = true;
      options.onWait?.();
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    await payments.releaseLease(paymentId, holder);
  }
}
