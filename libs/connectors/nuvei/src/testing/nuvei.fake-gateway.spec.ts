import { executeFlow, type FlowContext, type HttpTransport } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, respondWithRoutes } from '@prism-sessions/connector-interfaces/testing';
import type { AuthorizeRequestData, SessionTokenRequestData } from '@prism-sessions/domain-types';
import type { NuveiCredentials } from '../lib/nuvei.credentials';
import { Secret } from '@prism-sessions/masking';
import { nuveiSessionChecksum } from '../lib/nuvei.checksum';
import { nuveiConnector } from '../lib/nuvei.connector';
import { NUVEI_BASE_URLS } from '../lib/nuvei.constants';
import { nuveiFakeAnswers } from './nuvei.fake-answers';
import { createNuveiFakeGateway } from './nuvei.fake-gateway';

const BASE_URL = NUVEI_BASE_URLS.sandbox;
const merchant = { merchantId: 'probe_merchant', merchantSiteId: 'probe_id', merchantSecret: 'probe_secret' };

function setup(options: { clientClock?: FixedClock; secret?: string; merchantId?: string; merchantSiteId?: string } = {}) {
  const clock = new FixedClock('2025-01-01T12:00:00Z');
  let tokens = 0;
  const gateway = createNuveiFakeGateway({ merchants: [merchant], clock, newToken: () => `tok_${++tokens}` });
  const transport = new RecordingTransport(respondWithRoutes(BASE_URL, gateway.routes));
  const credentials: NuveiCredentials = {
    merchantId: new Secret(options.merchantId ?? merchant.merchantId),
    merchantSiteId: new Secret(options.merchantSiteId ?? merchant.merchantSiteId),
    merchantSecret: new Secret(options.secret ?? merchant.merchantSecret),
  };
  const base = { credentials, baseUrl: BASE_URL, clock: options.clientClock ?? clock };
  const session = (reference = 'session_001') =>
    executeFlow(nuveiConnector, 'sessionToken', { ...base, flowData: { merchantId: 'm', connectorRequestReferenceId: reference, testMode: true }, request: { amount: { minorAmount: 1000n, currency: 'USD' } } } satisfies FlowContext<SessionTokenRequestData, NuveiCredentials>, transport);
  const authorize = (sessionToken: Secret<string>, reference = 'txn_001', via: HttpTransport = transport) =>
    executeFlow(
      nuveiConnector,
      'authorize',
      {
        ...base,
        flowData: { merchantId: 'm', connectorRequestReferenceId: reference, testMode: true },
        request: {
          amount: { minorAmount: 1000n, currency: 'USD' },
          sessionToken,
          paymentMethod: { type: 'card', cardNumber: new Secret('4111111111111111'), expiryMonth: new Secret('12'), expiryYear: new Secret('2030'), cvc: new Secret('123'), holderName: new Secret('Jane Doe') },
          captureMethod: 'automatic',
          browserInfo: { ipAddress: '203.0.113.7' },
          billing: { email: new Secret('jane@example.com'), country: 'US' },
        },
      } satisfies FlowContext<AuthorizeRequestData, NuveiCredentials>,
      via,
    );
  return { clock, gateway, transport, session, authorize };
}

async function tokenFrom(result: Awaited<ReturnType<ReturnType<typeof setup>['session']>>): Promise<Secret<string>> {
  if (result.status !== 'SUCCESS') throw new Error(`expected a token, got ${JSON.stringify(result)}`);
  return result.data.sessionToken;
}

describe('createNuveiFakeGateway', () => {
  it('issues a session token through executeFlow and records the request', async () => {
    const { gateway, session } = setup();
    const result = await session();
    expect(result).toMatchObject({ status: 'SUCCESS', attemptStatus: 'PENDING' });
    expect((await tokenFrom(result)).expose()).toBe('tok_1');
    expect(gateway.issuedTokens).toEqual(['tok_1']);
    expect(gateway.requests).toHaveLength(1);
    const sent = JSON.parse(gateway.requests[0]?.body ?? '{}') as Record<string, string>;
    expect(gateway.requests[0]).toMatchObject({ method: 'POST', path: '/getSessionToken.do' });
    expect(sent['checksum']).toBe(nuveiSessionChecksum({ ...merchant, clientRequestId: 'session_001', timeStamp: '20250101120000' }));
  });

  it('answers the whole Nuvei-style success body', async () => {
    const { gateway } = setup();
    const body = JSON.stringify({ merchantId: 'probe_merchant', merchantSiteId: 'probe_id', clientRequestId: 'r1', timeStamp: '20250101120000', checksum: nuveiSessionChecksum({ ...merchant, clientRequestId: 'r1', timeStamp: '20250101120000' }) });
    const answer = gateway.routes[0]?.handle({ method: 'POST', path: '/getSessionToken.do', query: {}, headers: {}, body });
    expect(JSON.parse(answer?.body ?? '{}')).toEqual({
      sessionToken: 'tok_1',
      internalRequestId: 1,
      merchantId: 'probe_merchant',
      merchantSiteId: 'probe_id',
      version: '1.0',
      clientRequestId: 'r1',
      status: 'SUCCESS',
      errCode: 0,
      reason: '',
    });
  });

  it.each([
    ['a wrong secret', { secret: 'wrong_secret' }, '1001', 'INVALID_SIGNATURE'],
    ['an unknown merchant', { merchantId: 'nobody' }, '1013', 'INVALID_CREDENTIALS'],
    ['an unknown site', { merchantSiteId: 'other_site' }, '1022', 'INVALID_CREDENTIALS'],
    ['a client clock 10 minutes ahead', { clientClock: new FixedClock('2025-01-01T12:10:00Z') }, '1021', 'INVALID_TIMESTAMP'],
    ['a client clock 6 minutes behind', { clientClock: new FixedClock('2025-01-01T11:54:00Z') }, '1021', 'INVALID_TIMESTAMP'],
  ])('refuses %s with status ERROR %s', async (_case, options, code, unifiedCode) => {
    const { session, gateway } = setup(options);
    const result = await session();
    expect(result).toMatchObject({ status: 'FAILURE', httpStatus: 200, error: { code, unifiedCode, attemptStatus: 'FAILURE' } });
    expect(gateway.issuedTokens).toEqual([]);
  });

  it('accepts a client clock within the tolerance', async () => {
    const { session } = setup({ clientClock: new FixedClock('2025-01-01T12:04:59Z') });
    expect((await session()).status).toBe('SUCCESS');
  });

  it('refuses a timeStamp that is not 14 digits', () => {
    const { gateway } = setup();
    const timeStamp = '2025-01-01 12:00';
    const body = JSON.stringify({ merchantId: 'probe_merchant', merchantSiteId: 'probe_id', clientRequestId: '', timeStamp, checksum: nuveiSessionChecksum({ ...merchant, clientRequestId: '', timeStamp }) });
    const answer = gateway.routes[0]?.handle({ method: 'POST', path: '/getSessionToken.do', query: {}, headers: {}, body });
    expect(JSON.parse(answer?.body ?? '{}')).toMatchObject({ status: 'ERROR', errCode: 1021, reason: 'Invalid timestamp' });
  });

  it('answers an unreadable body with a 400 Nuvei-style error', () => {
    const { gateway } = setup();
    for (const route of gateway.routes) {
      const answer = route.handle({ method: 'POST', path: route.path, query: {}, headers: {}, body: 'not json' });
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body)).toMatchObject({ status: 'ERROR', errCode: 1000 });
    }
  });

  it('approves one payment per session token and refuses the second with 1064', async () => {
    const { session, authorize } = setup();
    const token = await tokenFrom(await session());
    const first = await authorize(token);
    expect(first).toMatchObject({ status: 'SUCCESS', attemptStatus: 'CHARGED', data: { status: 'CHARGED', connectorTransactionId: expect.stringMatching(/^\d+$/) } });
    const second = await authorize(token, 'txn_002');
    expect(second).toMatchObject({
      status: 'FAILURE',
      error: { code: '1064', message: 'Invalid session token. There can be only one order per session token.', unifiedCode: 'SESSION_ALREADY_USED' },
    });
  });

  it('refuses a token after its lifetime with 1069', async () => {
    const { session, authorize, clock } = setup();
    const token = await tokenFrom(await session());
    clock.advance(901 * 1000);
    expect(await authorize(token)).toMatchObject({ status: 'FAILURE', error: { code: '1069', message: 'Session expired', unifiedCode: 'SESSION_EXPIRED' } });
  });

  it('still accepts a token just inside its lifetime', async () => {
    const { session, authorize, clock } = setup();
    const token = await tokenFrom(await session());
    clock.advance(899 * 1000);
    expect((await authorize(token)).status).toBe('SUCCESS');
  });

  it('refuses a token it never issued', async () => {
    const { authorize } = setup();
    expect(await authorize(new Secret('forged'))).toMatchObject({ status: 'FAILURE', error: { code: '1064', message: 'Invalid session token' } });
  });

  it('verifies the payment.do checksum', async () => {
    const { session, gateway } = setup();
    const token = await tokenFrom(await session());
    const wrong = setup({ secret: 'wrong_secret' });
    const viaFirstGateway = new RecordingTransport(respondWithRoutes(BASE_URL, gateway.routes));
    expect(await wrong.authorize(token, 'txn_001', viaFirstGateway)).toMatchObject({ status: 'FAILURE', error: { code: '1001' } });
  });

  it('answers the next request from the queue, once', async () => {
    const { gateway, session } = setup();
    gateway.enqueue(nuveiFakeAnswers.statusError(1069, 'Session expired'));
    expect(await session()).toMatchObject({ status: 'FAILURE', error: { code: '1069' } });
    expect(await session()).toMatchObject({ status: 'SUCCESS' });
    expect(gateway.requests).toHaveLength(2);
    expect(gateway.issuedTokens).toEqual(['tok_1']);
  });

  it('forgets everything on reset', async () => {
    const { gateway, session, authorize } = setup();
    const token = await tokenFrom(await session());
    gateway.enqueue(nuveiFakeAnswers.serverError(503));
    gateway.reset();
    expect(gateway.requests).toEqual([]);
    expect(gateway.issuedTokens).toEqual([]);
    expect(await authorize(token)).toMatchObject({ status: 'FAILURE', error: { code: '1064' } });
  });
});
