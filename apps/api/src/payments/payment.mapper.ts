import { ErrorInfo, UnifiedErrorDetails } from '../graphql/types/error-info.type';
import { MoneyType } from '../graphql/types/money.type';
import type { PaymentRecord } from './payment.record';
import { PaymentType, type PaymentStatusEnum, type PaymentView } from './payment.type';

/** GraphQL view of a payment (never its client secret or hash). */
export function toPayment(record: PaymentRecord): PaymentView {
  const view = Object.assign(new PaymentType(), {
    id: record.id,
    status: record.status as PaymentStatusEnum,
    amount: MoneyType.of(record.amount.minorAmount, record.amount.currency),
    clientSecretExpiresAt: record.clientSecretExpiresAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    ...(record.merchantReference !== null ? { merchantReference: record.merchantReference } : {}),
    ...(record.customerId !== null ? { customerId: record.customerId } : {}),
    ...(record.billingCountry !== null ? { billingCountry: record.billingCountry } : {}),
    ...(record.description !== null ? { description: record.description } : {}),
  });
  return Object.assign(view, { record });
}

/** A payment-level error as ErrorInfo (source VALIDATION or CONFLICT). */
export function paymentErrorInfo(code: string, message: string, source: 'VALIDATION' | 'CONFLICT'): ErrorInfo {
  return Object.assign(new ErrorInfo(), {
    unifiedDetails: Object.assign(new UnifiedErrorDetails(), { code, message }),
    retryable: false,
    source,
  });
}
