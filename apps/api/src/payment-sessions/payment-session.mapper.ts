import { ConnectorEnum, SessionStatusEnum, fromConnectorId } from '../graphql/types/enums';
import { ConnectorErrorDetails, ErrorInfo, UnifiedErrorDetails } from '../graphql/types/error-info.type';
import { MoneyType } from '../graphql/types/money.type';
import { PaymentSessionType } from './payment-session.type';
import { describeError, type SessionError } from './session-error';
import { effectiveStatus, type SessionRecord } from './session-record';

/** GraphQL view of a session error. */
export function toErrorInfo(error: SessionError): ErrorInfo {
  const catalog = describeError(error.unifiedCode);
  const unified = Object.assign(new UnifiedErrorDetails(), {
    code: error.unifiedCode,
    message: catalog.message,
    userGuidanceMessage: catalog.guidance,
    ...(error.description !== undefined ? { description: error.description } : {}),
  });
  return Object.assign(new ErrorInfo(), {
    unifiedDetails: unified,
    retryable: error.retryable,
    source: error.source,
    ...(error.connector ? { connectorDetails: Object.assign(new ConnectorErrorDetails(), error.connector) } : {}),
    ...(error.gatewayHttpStatus !== undefined ? { gatewayHttpStatus: error.gatewayHttpStatus } : {}),
  });
}

/** A session plus the record it came from, so field resolvers (token) can reach it. */
export type PaymentSessionView = PaymentSessionType & { readonly record: SessionRecord };

/** GraphQL view of a session, with the status as a reader should see it at `now`. */
export function toPaymentSession(record: SessionRecord, now: Date): PaymentSessionView {
  const view = Object.assign(new PaymentSessionType(), {
    id: record.id,
    merchantSessionId: record.merchantSessionId,
    connector: fromConnectorId(record.connector) as ConnectorEnum,
    status: effectiveStatus(record, now) as SessionStatusEnum,
    amount: MoneyType.of(record.amount.minorAmount, record.amount.currency),
    testMode: record.testMode,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    attemptCount: record.attemptCount,
    ...(record.connectorAccountId !== null ? { connectorAccountId: record.connectorAccountId } : {}),
    ...(record.expiresAt ? { expiresAt: record.expiresAt } : {}),
    ...(record.idempotencyKey !== null ? { idempotencyKey: record.idempotencyKey } : {}),
    ...(record.error ? { error: toErrorInfo(record.error) } : {}),
  });
  return Object.assign(view, { record });
}
