import { Secret } from '@prism-sessions/masking';
import { NetworkError } from '@prism-sessions/connector-interfaces';
import { completionOf, faultCompletion, type CompletionContext, type GatewayOutcome } from './attempt-outcome';
import type { SessionError } from './session-error';
import type { SessionRecord } from './session-record';

const NOW = new Date('2024-06-01T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);

const context = (overrides: Partial<CompletionContext> = {}): CompletionContext => ({ now: NOW, tokenLifetimeSeconds: 3600, expiryMarginSeconds: 60, previous: null, ...overrides });

function previous(overrides: Partial<SessionRecord> = {}): SessionRecord {
  return {
    id: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    merchantId: 'merchant-1',
    connector: 'paytm',
    connectorAccountId: null,
    merchantSessionId: 'order-42',
    idempotencyKey: null,
    requestFingerprint: 'fp',
    amount: { minorAmount: 100n, currency: 'INR' },
    testMode: true,
    status: 'OUTCOME_UNKNOWN',
    token: new Secret('previous-token'),
    expiresAt: at(60_000),
    httpStatus: 200,
    error: null,
    attemptCount: 1,
    createdAt: at(-120_000),
    updatedAt: at(-60_000),
    revokedAt: null,
    ...overrides,
  };
}

const declined = (overrides: Partial<SessionError> = {}): SessionError => ({
  unifiedCode: 'INVALID_SIGNATURE',
  source: 'GATEWAY',
  retryable: false,
  connector: { code: '2005', message: 'Checksum invalid' },
  gatewayHttpStatus: 200,
  ...overrides,
});
const duplicate = declined({ unifiedCode: 'DUPLICATE_REQUEST', connector: { code: '0002', message: 'Duplicate order id' } });

describe('completionOf', () => {
  it('turns a token into an ACTIVE attempt that expires after the lifetime minus the margin', () => {
    const token = new Secret('tok_new');
    const { completion, token: handedBack } = completionOf({ status: 'SUCCESS', httpStatus: 200, token }, context());
    expect(completion).toEqual({ status: 'ACTIVE', httpStatus: 200, token, expiresAt: at(3540_000), error: null });
    expect(handedBack).toBe(token);
  });

  it('takes the lifetime the gateway declared (PayPal expires_in) over the connector default', () => {
    const { completion } = completionOf({ status: 'SUCCESS', httpStatus: 200, token: new Secret('t'), expiresInSeconds: 900 }, context());
    expect(completion.expiresAt).toEqual(at(840_000));
  });

  it('never sets an expiry before now when the margin exceeds the lifetime', () => {
    const { completion } = completionOf({ status: 'SUCCESS', httpStatus: 200, token: new Secret('t') }, context({ tokenLifetimeSeconds: 30 }));
    expect(completion.expiresAt).toEqual(NOW);
  });

  it('records a decline as FAILED with the gateway error and status, and hands back no token', () => {
    const error = declined();
    expect(completionOf({ status: 'FAILURE', httpStatus: 200, error }, context())).toEqual({ completion: { status: 'FAILED', httpStatus: 200, expiresAt: null, error } });
    expect(completionOf({ status: 'FAILURE', httpStatus: 400, error, attemptStatus: 'FAILURE' }, context()).completion.status).toBe('FAILED');
  });

  it('records an error the gateway itself marks PENDING as OUTCOME_UNKNOWN', () => {
    const error = declined({ unifiedCode: 'GATEWAY_UNAVAILABLE', retryable: true, gatewayHttpStatus: 503 });
    expect(completionOf({ status: 'FAILURE', httpStatus: 503, error, attemptStatus: 'PENDING' }, context())).toEqual({
      completion: { status: 'OUTCOME_UNKNOWN', httpStatus: 503, expiresAt: null, error },
    });
  });

  it('answers a duplicate order with the live token we already hold, storing no new token', () => {
    const held = previous();
    const { completion, token } = completionOf({ status: 'FAILURE', httpStatus: 200, error: duplicate }, context({ previous: held }));
    expect(completion).toEqual({ status: 'ACTIVE', httpStatus: 200, expiresAt: held.expiresAt, error: null });
    expect(token).toBe(held.token);
  });

  it.each([
    ['the token expired exactly now', previous({ expiresAt: NOW }), 'expired at 2024-06-01T12:00:00.000Z'],
    ['the session was revoked', previous({ status: 'REVOKED' }), 'Use a new merchantSessionId'],
    ['we never received a token', previous({ token: null, expiresAt: null }), 'never received its token'],
    ['there is no earlier attempt', null, 'never received its token'],
  ])('fails a duplicate order when %s, explaining why', (_name, held, explanation) => {
    const { completion, token } = completionOf({ status: 'FAILURE', httpStatus: 200, error: duplicate }, context({ previous: held }));
    expect(token).toBeUndefined();
    expect(completion).toMatchObject({ status: 'FAILED', httpStatus: 200, expiresAt: null, error: { ...duplicate, description: expect.stringContaining(explanation) } });
  });

  it('maps an exception with faultCompletion', () => {
    const fault = new NetworkError('GATEWAY_TIMEOUT', 'no answer', { connector: 'paytm', flow: 'sessionToken', retryable: true, paymentMayHaveBeenProcessed: true });
    expect(completionOf({ status: 'FAULT', error: fault }, context({ previous: previous() }))).toEqual({ completion: faultCompletion(fault) });
    expect(completionOf({ status: 'FAULT', error: new Error('boom') }, context()).completion.error?.unifiedCode).toBe('INTERNAL_ERROR');
  });

  it('is pure: the same input gives the same completion, and no token is opened', () => {
    const open = jest.fn(() => 'tok');
    const token = new Secret('');
    jest.spyOn(token, 'expose').mockImplementation(open);
    jest.spyOn(token, 'peek').mockImplementation(open);
    const outcome: GatewayOutcome = { status: 'SUCCESS', httpStatus: 200, token };
    const ctx = context({ previous: previous() });
    expect(completionOf(outcome, ctx)).toEqual(completionOf(outcome, ctx));
    expect(open).not.toHaveBeenCalled();
    expect(ctx.now).toEqual(NOW);
  });
});
