import PaytmChecksum from 'paytmchecksum';
import { executeFlow, type FlowContext, type HttpResponse } from '@prism-sessions/connector-interfaces';
import { FixedClock, RecordingTransport, describeConnectorConformance, respondWithRoutes, type RecordedRequest } from '@prism-sessions/connector-interfaces/testing';
import type { AuthorizeRequestData, SessionTokenRequestData } from '@prism-sessions/domain-types';
import { Secret } from '@prism-sessions/masking';
import { createPaytmFakeGateway, paytmConformanceConnector, paytmConformanceFixtures, paytmFakeAnswers } from '../testing';
import { renderEverywhere } from '../testing/render';
import { createPaytmConnector, paytmConnector, paytmUrl } from './paytm.connector';
import { PAYTM_BASE_URLS, PAYTM_CAPABILITIES } from './paytm.constants';
import { paytmCredentialSchema, type PaytmCredentials } from './paytm.credentials';
import { describePaytmResultCode, parsePaytmErrorResponse } from './paytm.errors';
import { verifyPaytmSignature } from './paytm.signature';
import { rawTopLevelMember } from './wire/paytm.raw-json';

describeConnectorConformance(paytmConformanceConnector, paytmConformanceFixtures);

const MID = 'MERCHANT_01';
const KEY = 'k3yK3yk3yK3y0001';
const BASE = PAYTM_BASE_URLS.sandbox;

const credentials = (key = KEY): PaytmCredentials => paytmCredentialSchema.parse({ merchant_id: MID, merchant_key: key, website: 'WEBSTAGING' });
const rawBody = (text: string): string => {
  const member = rawTopLevelMember(text, 'body');
  return member.ok ? member.raw : '';
};
const flowData = (orderId: string) => ({ merchantId: 'shop_1', connectorRequestReferenceId: orderId, testMode: true });

function setup() {
  const clock = new FixedClock('2025-03-01T10:00:00Z');
  const fake = createPaytmFakeGateway({ merchants: [{ merchantId: MID, merchantKey: KEY, website: 'WEBSTAGING' }], clock });
  const responses: HttpResponse[] = [];
  const respond = respondWithRoutes(BASE, fake.routes);
  const transport = new RecordingTransport(async (request: RecordedRequest) => {
    const response = await respond(request);
    responses.push(response);
    return response;
  });
  const session = (orderId: string, key = KEY): FlowContext<SessionTokenRequestData, PaytmCredentials> => ({
    flowData: flowData(orderId),
    request: { amount: { minorAmount: 12345n, currency: 'INR' }, browserInfo: { osType: 'Android' } },
    credentials: credentials(key),
    baseUrl: BASE,
    clock,
  });
  const authorize = (orderId: string, request: Partial<AuthorizeRequestData>): FlowContext<AuthorizeRequestData, PaytmCredentials> => ({
    flowData: flowData(orderId),
    request: { amount: { minorAmount: 12345n, currency: 'INR' }, paymentMethod: { type: 'upi_intent' }, captureMethod: 'automatic', ...request },
    credentials: credentials(),
    baseUrl: BASE,
    clock,
  });
  return { clock, fake, transport, responses, session, authorize };
}

describe('paytm connector definition', () => {
  it('declares identity, credential schema, URLs, capabilities, error meanings and flows; psync, capture, refund and void are not implemented', async () => {
    expect(paytmConnector.id).toBe('paytm');
    expect(paytmConnector.displayName).toBe('Paytm');
    expect(paytmConnector.credentials).toBe(paytmCredentialSchema);
    expect(paytmConnector.baseUrls).toBe(PAYTM_BASE_URLS);
    expect(paytmConnector.capabilities).toBe(PAYTM_CAPABILITIES);
    expect(paytmConnector.describeErrorCode).toBe(describePaytmResultCode);
    expect(paytmConnector.describeErrorCode('RESPONSE_SIGNATURE_INVALID')).toMatch(/signature/);
    expect(paytmConnector.parseErrorResponse).toBe(parsePaytmErrorResponse);
    for (const flow of ['psync', 'capture', 'refund', 'void'] as const) expect(paytmConnector.flows[flow]).toEqual({ unsupported: 'not_implemented' });
    const { session, transport } = setup();
    await expect(executeFlow(paytmConnector, 'refund', session('o1') as never, transport)).rejects.toMatchObject({ code: 'FLOW_NOT_IMPLEMENTED' });
    expect(transport.requests).toHaveLength(0);
  });

  it('the default connector salts every signature randomly, and each verifies', () => {
    const { session } = setup();
    const bodies = [1, 2, 3].map(() => paytmConnector.flows.sessionToken.buildRequest(session('order_9')).body ?? '');
    expect(new Set(bodies).size).toBe(3);
    for (const body of bodies) {
      const signature = (JSON.parse(body) as { head: { signature: string } }).head.signature;
      expect(verifyPaytmSignature(rawBody(body), new Secret(KEY), signature)).toBe(true);
    }
  });

  it('takes its salt from options.randomBytes(3)', () => {
    const { session } = setup();
    const randomBytes = jest.fn((size: number) => new Uint8Array(size).fill(5));
    const body = createPaytmConnector({ randomBytes }).flows.sessionToken.buildRequest(session('order_8')).body ?? '';
    expect(randomBytes.mock.calls).toEqual([[3]]);
    const signature = (JSON.parse(body) as { head: { signature: string } }).head.signature;
    expect(PaytmChecksum.verifySignature(rawBody(body), KEY, signature)).toBe(true);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(paytmConnector)).toBe(true);
    expect(Object.isFrozen(paytmConnector.flows)).toBe(true);
  });
});

describe('paytmUrl', () => {
  it('appends the path to the base URL and encodes the query values', () => {
    expect(paytmUrl('https://h/', 'p/q', 'a b', 'c')).toBe('https://h/p/q?mid=a%20b&orderId=c');
    expect(paytmUrl('https://h', 'p', 'm', 'o')).toBe('https://h/p?mid=m&orderId=o');
  });
});

describe('round trips through the fake Paytm gateway', () => {
  it('sessionToken returns the token the gateway issued, kept masked', async () => {
    const { fake, transport, session } = setup();
    const result = await executeFlow(paytmConnector, 'sessionToken', session('order_100'), transport);
    expect(result.status).toBe('SUCCESS');
    if (result.status !== 'SUCCESS') return;
    expect(fake.issuedTokens).toHaveLength(1);
    expect(result.data.sessionToken.expose()).toBe(fake.issuedTokens[0]);
    expect(result.attemptStatus).toBe('PENDING');
    expect(result.httpStatus).toBe(200);
    expect(renderEverywhere(result)).not.toContain(fake.issuedTokens[0]);
    expect(renderEverywhere(result)).not.toContain(KEY);
    expect(fake.requests[0]?.query).toEqual({ mid: MID, orderId: 'order_100' });
    expect(transport.requests[0]?.body).toContain('"channelId":"WAP"');
  });

  it('a wrong merchant key is refused by the gateway with 2005 → INVALID_SIGNATURE decline', async () => {
    const { fake, transport, session } = setup();
    const result = await executeFlow(paytmConnector, 'sessionToken', session('order_101', 'wrongKey00000000'), transport);
    expect(result).toMatchObject({
      status: 'FAILURE',
      httpStatus: 200,
      error: { code: '2005', message: 'Checksum provided is invalid', attemptStatus: 'FAILURE', unifiedCode: 'INVALID_SIGNATURE', retryable: false },
    });
    expect(fake.issuedTokens).toHaveLength(0);
    const sent = JSON.parse(transport.requests[0]?.body ?? '{}') as { head: { signature: string } };
    expect(sent.head.signature).toHaveLength(108);
    expect(renderEverywhere(result)).not.toContain('wrongKey00000000');
    expect(renderEverywhere(result)).not.toContain(sent.head.signature);
  });

  it('a repeated orderId answers 0002 with the original token → typed DUPLICATE_REQUEST', async () => {
    const { fake, transport, session, responses } = setup();
    const first = await executeFlow(paytmConnector, 'sessionToken', session('order_102'), transport);
    const second = await executeFlow(paytmConnector, 'sessionToken', session('order_102'), transport);
    expect(first.status).toBe('SUCCESS');
    expect(second).toMatchObject({ status: 'FAILURE', error: { code: '0002', unifiedCode: 'DUPLICATE_REQUEST', retryable: false } });
    expect(second.status === 'FAILURE' && second.error.attemptStatus).toBeUndefined();
    const token = fake.issuedTokens[0] ?? 'missing';
    expect(fake.issuedTokens).toEqual([token]);
    expect(responses[1]?.body).toContain(`"txnToken":"${token}"`);
    expect(renderEverywhere(second)).not.toContain(token);
  });

  it('authorize (UPI intent) with the issued token → AUTHORIZED with a upi:// redirect', async () => {
    const { transport, session, authorize } = setup();
    const token = await executeFlow(paytmConnector, 'sessionToken', session('order_103'), transport);
    if (token.status !== 'SUCCESS') throw new Error('session failed');
    const result = await executeFlow(paytmConnector, 'authorize', authorize('order_103', { sessionToken: token.data.sessionToken, description: 'Mug' }), transport);
    expect(result).toMatchObject({ status: 'SUCCESS', attemptStatus: 'AUTHORIZED', data: { status: 'AUTHORIZED' } });
    if (result.status !== 'SUCCESS') return;
    expect(result.data.redirectUrl?.expose()).toMatch(/^upi:\/\/pay\?.*am=123\.45&cu=INR/);
    expect(result.data.connectorTransactionId).toMatch(/^\d+$/);
  });

  it('authorize (UPI collect) → AUTHORIZED', async () => {
    const { transport, session, authorize } = setup();
    const token = await executeFlow(paytmConnector, 'sessionToken', session('order_104'), transport);
    if (token.status !== 'SUCCESS') throw new Error('session failed');
    const vpa = new Secret('9876543210@paytm');
    const result = await executeFlow(paytmConnector, 'authorize', authorize('order_104', { sessionToken: token.data.sessionToken, paymentMethod: { type: 'upi_collect', vpa } }), transport);
    expect(result).toMatchObject({ status: 'SUCCESS', attemptStatus: 'AUTHORIZED' });
  });

  it('authorize with a token older than 15 minutes → 1006 SESSION_EXPIRED, AUTHENTICATION_FAILED', async () => {
    const { clock, transport, session, authorize } = setup();
    const token = await executeFlow(paytmConnector, 'sessionToken', session('order_105'), transport);
    if (token.status !== 'SUCCESS') throw new Error('session failed');
    clock.advance(901_000);
    const result = await executeFlow(paytmConnector, 'authorize', authorize('order_105', { sessionToken: token.data.sessionToken }), transport);
    expect(result).toMatchObject({
      status: 'FAILURE',
      error: { code: '1006', message: 'Your Session has expired', attemptStatus: 'AUTHENTICATION_FAILED', unifiedCode: 'SESSION_EXPIRED', retryable: false },
    });
  });

  it('authorize with a token the gateway never issued → 2004', async () => {
    const { transport, authorize } = setup();
    const result = await executeFlow(paytmConnector, 'authorize', authorize('order_106', { sessionToken: new Secret('forged') }), transport);
    expect(result).toMatchObject({ status: 'FAILURE', error: { code: '2004', attemptStatus: 'AUTHENTICATION_FAILED' } });
  });

  it('enqueued answers take precedence, once each', async () => {
    const { fake, transport, session } = setup();
    fake.enqueue(paytmFakeAnswers.serverError(503));
    fake.enqueue(paytmFakeAnswers.htmlError(502));
    const first = await executeFlow(paytmConnector, 'sessionToken', session('order_107'), transport);
    const second = await executeFlow(paytmConnector, 'sessionToken', session('order_107'), transport);
    const third = await executeFlow(paytmConnector, 'sessionToken', session('order_107'), transport);
    expect(first).toMatchObject({ status: 'FAILURE', httpStatus: 503, error: { code: '501', attemptStatus: 'PENDING', retryable: true, unifiedCode: 'GATEWAY_UNAVAILABLE' } });
    expect(second).toMatchObject({ status: 'FAILURE', httpStatus: 502, error: { code: '502', message: 'Bad gateway', retryable: true } });
    expect(third.status).toBe('SUCCESS');
    expect(fake.requests).toHaveLength(3);
  });

  it('4xx answers are FAILURE, not retryable', async () => {
    const { fake, transport, session } = setup();
    fake.enqueue(paytmFakeAnswers.clientErrorFlatShape(400));
    const result = await executeFlow(paytmConnector, 'sessionToken', session('order_108'), transport);
    expect(result).toMatchObject({ status: 'FAILURE', error: { code: '1007', attemptStatus: 'FAILURE', retryable: false } });
  });

  it('malformed and empty 2xx bodies raise ConnectorError without leaking', async () => {
    const { fake, transport, session } = setup();
    fake.enqueue(paytmFakeAnswers.malformedJson());
    fake.enqueue(paytmFakeAnswers.emptyBody());
    await expect(executeFlow(paytmConnector, 'sessionToken', session('order_109'), transport)).rejects.toMatchObject({ name: 'ConnectorError', code: 'MALFORMED_RESPONSE' });
    const error = await executeFlow(paytmConnector, 'sessionToken', session('order_109'), transport).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ConnectorError', code: 'MALFORMED_RESPONSE' });
    expect(renderEverywhere(error)).not.toContain(KEY);
  });

  it('an invalid orderId never reaches the gateway', async () => {
    const { fake, transport, session } = setup();
    await expect(executeFlow(paytmConnector, 'sessionToken', session('order 110'), transport)).rejects.toMatchObject({ name: 'IntegrationError', code: 'INVALID_ORDER_ID' });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('signed answers through executeFlow', () => {
  const TOKEN = 'f00dfeedf00dfeedf00dfeedf00dfeed';

  it('the fake gateway signs its answers as Paytm does: paytmchecksum verifies them over the raw body', async () => {
    const { transport, session, responses } = setup();
    await executeFlow(paytmConnector, 'sessionToken', session('order_200'), transport);
    await executeFlow(paytmConnector, 'sessionToken', session('order_200'), transport);
    expect(responses).toHaveLength(2);
    for (const response of responses) {
      const signature = (JSON.parse(response.body) as { head: { signature: string } }).head.signature;
      expect(PaytmChecksum.verifySignature(rawBody(response.body), KEY, signature)).toBe(true);
      // paytmchecksum console.logs its decrypt error for a wrong key; keep the run quiet.
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        expect(PaytmChecksum.verifySignature(rawBody(response.body), 'otherKey12345678', signature)).toBe(false);
      } finally {
        log.mockRestore();
      }
    }
  });

  it('an answer signed with the merchant key → the token', async () => {
    const { fake, transport, session } = setup();
    fake.enqueue(paytmFakeAnswers.success(TOKEN, { merchantKey: KEY }));
    const result = await executeFlow(paytmConnector, 'sessionToken', session('order_201'), transport);
    expect(result.status === 'SUCCESS' && result.data.sessionToken.expose()).toBe(TOKEN);
  });

  it.each([
    ['signed with another key', () => paytmFakeAnswers.success(TOKEN, { merchantKey: 'otherKey12345678' }), 'did not verify with the merchant key'],
    ['a 0002 signed with another key', () => paytmFakeAnswers.duplicate(TOKEN, { merchantKey: 'otherKey12345678' }), 'did not verify with the merchant key'],
    ['unsigned', () => ({ status: 200, headers: {}, body: JSON.stringify({ head: { version: 'v1' }, body: { resultInfo: { resultStatus: 'S', resultCode: '0000', resultMsg: 'Success' }, txnToken: TOKEN } }) }), 'is missing'],
    [
      'signed, then its token replaced',
      () => {
        const answer = paytmFakeAnswers.success(TOKEN.replace(/f/g, 'a'), { merchantKey: KEY });
        return { ...answer, body: answer.body.replace(TOKEN.replace(/f/g, 'a'), TOKEN) };
      },
      'did not verify with the merchant key',
    ],
  ])('an answer %s → GATEWAY_SIGNATURE_INVALID failure, token discarded', async (_label, answer, why) => {
    const { fake, transport, session } = setup();
    fake.enqueue(answer());
    const result = await executeFlow(paytmConnector, 'sessionToken', session('order_202'), transport);
    expect(result).toEqual({
      status: 'FAILURE',
      httpStatus: 200,
      error: {
        code: 'RESPONSE_SIGNATURE_INVALID',
        message: `Paytm's answer signature ${why}; the token was discarded`,
        statusCode: 200,
        attemptStatus: 'FAILURE',
        unifiedCode: 'GATEWAY_SIGNATURE_INVALID',
        retryable: false,
      },
    });
    expect(renderEverywhere(result)).not.toContain(TOKEN);
  });

  it('an unsupported currency is refused by prepareFlow before anything is sent', async () => {
    const { fake, transport, session } = setup();
    const ctx = { ...session('order_203'), request: { amount: { minorAmount: 100n, currency: 'IRR' as const } } };
    await expect(executeFlow(paytmConnector, 'sessionToken', ctx, transport)).rejects.toMatchObject({ name: 'IntegrationError', code: 'UNSUPPORTED_CURRENCY', field: 'amount.currency' });
    expect(fake.requests).toHaveLength(0);
  });
});
