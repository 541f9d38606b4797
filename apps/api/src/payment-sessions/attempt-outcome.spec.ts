import { Secret } from '@prism-sessions/masking';
import { ConnectorError, NetworkError } from '@prism-sessions/connector-interfaces';
import { duplicateExplanation, faultCompletion } from './attempt-outcome';
import type { SessionRecord } from './session-record';

const context = { connector: 'nuvei', flow: 'sessionToken' } as const;

describe('faultCompletion', () => {
  it('records a timeout as OUTCOME_UNKNOWN, retryable, never ACTIVE, with no gateway status or connector details', () => {
    const completion = faultCompletion(new NetworkError('GATEWAY_TIMEOUT', 'no answer', { ...context, retryable: true, paymentMayHaveBeenProcessed: true }));
    expect(completion).toEqual({
      status: 'OUTCOME_UNKNOWN',
      httpStatus: null,
      expiresAt: null,
      error: { unifiedCode: 'GATEWAY_TIMEOUT', source: 'NETWORK', retryable: true, description: 'GATEWAY_TIMEOUT: no answer' },
    });
  });

  it('records a connection that never opened as FAILED (502), and a reset after sending as OUTCOME_UNKNOWN', () => {
    expect(faultCompletion(new NetworkError('CONNECTION_REFUSED', 'refused', { ...context, retryable: true, paymentMayHaveBeenProcessed: false }))).toMatchObject({
      status: 'FAILED',
      httpStatus: null,
      error: { unifiedCode: 'NETWORK_ERROR', description: 'CONNECTION_REFUSED: refused' },
    });
    expect(faultCompletion(new NetworkError('CONNECTION_RESET', 'reset', { ...context, retryable: true, paymentMayHaveBeenProcessed: true })).status).toBe('OUTCOME_UNKNOWN');
  });

  it('records an unreadable answer as FAILED, retryable, keeping the gateway status', () => {
    const completion = faultCompletion(new ConnectorError('MALFORMED_RESPONSE', 'unreadable', { ...context, httpStatus: 200, reason: 'unreadable 12-character body' }));
    expect(completion).toMatchObject({ status: 'FAILED', httpStatus: 200, error: { unifiedCode: 'GATEWAY_MALFORMED_RESPONSE', retryable: true, gatewayHttpStatus: 200 } });
    expect(completion.error).not.toHaveProperty('connector');
  });

  it('turns anything else into an INTERNAL_ERROR without its message', () => {
    const completion = faultCompletion(new Error('db password hunter2'));
    expect(completion.error).toEqual({ unifiedCode: 'INTERNAL_ERROR', source: 'SERVICE', retryable: true });
    expect(JSON.stringify(completion)).not.toContain('hunter2');
  });
});

describe('duplicateExplanation', () => {
  it('says whether our token expired or was never received', () => {
    const expired = { token: new Secret('tok'), expiresAt: new Date('2026-01-01T00:00:00Z') } as SessionRecord;
    expect(duplicateExplanation(expired)).toContain('expired at 2026-01-01T00:00:00.000Z');
    expect(duplicateExplanation(null)).toContain('never received its token');
  });
});
