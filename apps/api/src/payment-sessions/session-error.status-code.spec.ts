import { inactiveError, statusCodeOf, type SessionError } from './session-error';

const error = (overrides: Partial<SessionError>): SessionError => ({ unifiedCode: 'GATEWAY_REJECTED', source: 'GATEWAY', retryable: false, ...overrides });

describe('statusCodeOf', () => {
  it.each([
    ['conflict', null, error({ unifiedCode: 'IDEMPOTENCY_CONFLICT', source: 'IDEMPOTENCY' }), 409],
    ['still in progress', null, error({ unifiedCode: 'SESSION_IN_PROGRESS', source: 'IDEMPOTENCY' }), 409],
    ['revoked replay', 200, error({ unifiedCode: 'SESSION_REVOKED', source: 'SERVICE' }), 410],
    ['expired replay', 200, error({ unifiedCode: 'SESSION_EXPIRED', source: 'SERVICE' }), 410],
    ['internal error', 500, error({ unifiedCode: 'INTERNAL_ERROR', source: 'SERVICE' }), 500],
    ['gateway 4xx keeps its status', 401, error({}), 401],
    ['gateway 5xx keeps its status', 503, error({ unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true }), 503],
    ['decline sent with HTTP 200', 200, error({ unifiedCode: 'INVALID_SIGNATURE' }), 422],
    ['timeout (no gateway status)', null, error({ unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true }), 504],
    ['connection refused (no gateway status)', null, error({ unifiedCode: 'NETWORK_ERROR', source: 'NETWORK', retryable: true }), 502],
    ['unreadable 200', 200, error({ unifiedCode: 'GATEWAY_MALFORMED_RESPONSE', retryable: true }), 502],
    ['unreadable 403 error page keeps 403', 403, error({ unifiedCode: 'GATEWAY_MALFORMED_RESPONSE' }), 403],
  ] as const)('%s → %d', (_name, httpStatus, sessionError, expected) => {
    expect(statusCodeOf(httpStatus, sessionError)).toBe(expected);
  });
});

describe('inactiveError', () => {
  it('explains a revoked session (not retryable) and an expired one (retry opens a new session)', () => {
    expect(inactiveError('REVOKED')).toMatchObject({ unifiedCode: 'SESSION_REVOKED', retryable: false });
    expect(inactiveError('EXPIRED')).toMatchObject({ unifiedCode: 'SESSION_EXPIRED', retryable: true });
  });
});
