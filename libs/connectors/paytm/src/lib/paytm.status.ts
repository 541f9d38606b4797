import type { AttemptStatus } from '@prism-sessions/domain-types';

/**
 * Maps a processTransaction `resultCode` to an attempt status (upstream §5.5 table).
 *
 * @example
 * mapPaytmResultCode('0000'); // 'AUTHORIZED'
 * mapPaytmResultCode('1006'); // 'AUTHENTICATION_FAILED' (session expired)
 * mapPaytmResultCode('9999'); // 'PENDING'
 */
export function mapPaytmResultCode(resultCode: string): AttemptStatus {
  switch (resultCode) {
    case '0000':
      return 'AUTHORIZED';
    case '931':
    case '1006':
    case '2004':
      return 'AUTHENTICATION_FAILED';
    case 'RC-00018':
    case '312':
    case '315':
      return 'AUTHORIZATION_FAILED';
    case '0001':
    case '309':
    case '1001':
    case '1007':
    case '501':
    case '510':
    case '372':
    case '1005':
      return 'FAILURE';
    default:
      // Deliberate, as upstream: an unknown code may still settle (the customer approves in the
      // UPI app later), so it stays PENDING for a status sync instead of being declined.
      return 'PENDING';
  }
}

const FAILED_STATUSES: ReadonlySet<AttemptStatus> = new Set<AttemptStatus>(['FAILURE', 'AUTHENTICATION_FAILED', 'AUTHORIZATION_FAILED']);

/** Only these three statuses turn a processTransaction answer into a FAILURE outcome. */
export function isPaytmFailureStatus(status: AttemptStatus): boolean {
  return FAILED_STATUSES.has(status);
}
