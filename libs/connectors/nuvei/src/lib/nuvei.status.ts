import type { AttemptStatus } from '@prism-sessions/domain-types';
import type { NuveiResponseStatus, NuveiTransactionStatus } from './wire/nuvei.responses';

function assertNever(value: never): never {
  throw new TypeError(`Unhandled Nuvei transaction status: ${String(value)}`);
}

/**
 * Maps a `payment.do` answer to an {@link AttemptStatus} (upstream Authorize response transformer).
 * `status: "ERROR"` is handled before this (it carries no transaction).
 *
 * @example
 * mapNuveiTransactionStatus('APPROVED', 'SUCCESS', 'manual'); // 'AUTHORIZED'
 */
export function mapNuveiTransactionStatus(
  transactionStatus: NuveiTransactionStatus | undefined,
  responseStatus: NuveiResponseStatus,
  captureMethod: 'automatic' | 'manual',
): AttemptStatus {
  // No transactionStatus: upstream trusts the request-level status (SUCCESS → still pending).
  const withoutTransaction: AttemptStatus = responseStatus === 'SUCCESS' ? 'PENDING' : 'FAILURE';
  if (transactionStatus === undefined) return withoutTransaction;
  switch (transactionStatus) {
    case 'APPROVED':
      return captureMethod === 'automatic' ? 'CHARGED' : 'AUTHORIZED';
    case 'DECLINED':
    case 'ERROR':
    case 'FILTER_ERROR':
      return 'FAILURE';
    case 'REDIRECT':
      return 'AUTHENTICATION_PENDING';
    case 'PENDING':
      return 'PENDING';
    case 'PROCESSING':
      // Deliberate: upstream has no arm for PROCESSING and treats it like an absent transactionStatus.
      return withoutTransaction;
    default:
      return assertNever(transactionStatus);
  }
}
