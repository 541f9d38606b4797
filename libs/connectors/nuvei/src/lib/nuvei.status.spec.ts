import type { AttemptStatus } from '@prism-sessions/domain-types';
import { mapNuveiTransactionStatus } from './nuvei.status';
import type { NuveiResponseStatus, NuveiTransactionStatus } from './wire/nuvei.responses';

describe('mapNuveiTransactionStatus', () => {
  const table: [NuveiTransactionStatus | undefined, NuveiResponseStatus, 'automatic' | 'manual', AttemptStatus][] = [
    ['APPROVED', 'SUCCESS', 'automatic', 'CHARGED'],
    ['APPROVED', 'SUCCESS', 'manual', 'AUTHORIZED'],
    ['DECLINED', 'SUCCESS', 'automatic', 'FAILURE'],
    ['ERROR', 'SUCCESS', 'automatic', 'FAILURE'],
    ['FILTER_ERROR', 'SUCCESS', 'automatic', 'FAILURE'],
    ['REDIRECT', 'SUCCESS', 'automatic', 'AUTHENTICATION_PENDING'],
    ['PENDING', 'SUCCESS', 'manual', 'PENDING'],
    ['PROCESSING', 'SUCCESS', 'automatic', 'PENDING'],
    ['PROCESSING', 'FAILED', 'automatic', 'FAILURE'],
    [undefined, 'SUCCESS', 'automatic', 'PENDING'],
    [undefined, 'FAILED', 'automatic', 'FAILURE'],
    [undefined, 'PROCESSING', 'automatic', 'FAILURE'],
  ];

  it.each(table)('%s with status %s and %s capture → %s', (transactionStatus, status, capture, expected) => {
    expect(mapNuveiTransactionStatus(transactionStatus, status, capture)).toBe(expected);
  });
});
