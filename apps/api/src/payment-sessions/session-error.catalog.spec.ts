import { UNIFIED_ERROR_CODES } from '@prism-sessions/domain-types';
import { describeError, sourceOf, type ErrorSource, type SessionError } from './session-error';

const SERVICE_CODES: ReadonlyArray<SessionError['unifiedCode']> = ['IDEMPOTENCY_CONFLICT', 'SESSION_IN_PROGRESS', 'SESSION_REVOKED', 'SESSION_NOT_FOUND', 'INTERNAL_ERROR'];
const ALL_CODES: ReadonlyArray<SessionError['unifiedCode']> = [...UNIFIED_ERROR_CODES, ...SERVICE_CODES];

describe('describeError', () => {
  it('covers every unified and service code', () => {
    expect(ALL_CODES).toHaveLength(19);
    expect(new Set(ALL_CODES).size).toBe(ALL_CODES.length);
  });

  it.each(ALL_CODES)('%s has a non-empty message and guidance', (code) => {
    const entry = describeError(code);
    expect(entry).toBeDefined();
    expect(entry.message.trim()).not.toBe('');
    expect(entry.guidance.trim()).not.toBe('');
    expect(entry.message).not.toMatch(/undefined|null|\$\{/);
    expect(entry.guidance).not.toMatch(/undefined|null|\$\{/);
  });

  it('gives each code its own message', () => {
    const messages = ALL_CODES.map((code) => describeError(code).message);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('tells the client to reuse the merchantSessionId for outcomes that may have happened', () => {
    expect(describeError('GATEWAY_TIMEOUT').guidance).toContain('same merchantSessionId');
    expect(describeError('NETWORK_ERROR').guidance).toContain('same merchantSessionId');
  });
});

describe('sourceOf', () => {
  const EXPECTED: Readonly<Record<SessionError['unifiedCode'], ErrorSource>> = {
    GATEWAY_REJECTED: 'GATEWAY',
    INVALID_SIGNATURE: 'GATEWAY',
    INVALID_TIMESTAMP: 'GATEWAY',
    INVALID_CREDENTIALS: 'GATEWAY',
    ACCESS_TOKEN_EXPIRED: 'GATEWAY',
    SESSION_EXPIRED: 'GATEWAY',
    SESSION_ALREADY_USED: 'GATEWAY',
    DUPLICATE_REQUEST: 'GATEWAY',
    INVALID_REQUEST: 'GATEWAY',
    GATEWAY_UNAVAILABLE: 'GATEWAY',
    GATEWAY_MALFORMED_RESPONSE: 'GATEWAY',
    GATEWAY_SIGNATURE_INVALID: 'GATEWAY',
    GATEWAY_TIMEOUT: 'NETWORK',
    NETWORK_ERROR: 'NETWORK',
    IDEMPOTENCY_CONFLICT: 'IDEMPOTENCY',
    SESSION_IN_PROGRESS: 'IDEMPOTENCY',
    SESSION_REVOKED: 'SERVICE',
    SESSION_NOT_FOUND: 'VALIDATION',
    INTERNAL_ERROR: 'SERVICE',
  };

  it.each(ALL_CODES)('maps %s', (code) => {
    expect(sourceOf(code)).toBe(EXPECTED[code]);
  });
});
