import { createHash } from 'node:crypto';
import { FixedClock } from '@prism-sessions/connector-interfaces/testing';
import type { MutualTlsRequest } from '../mutual-tls';
import { APPLE_PAY_PAYMENT_SESSION_PATH, createApplePayFakeGateway } from './apple-pay-fake-gateway';

const MERCHANT = 'merchant.com.example.shop';
const HASH = createHash('sha256').update(MERCHANT).digest('hex').toUpperCase();
const NOW = new Date('2026-12-05T10:00:00Z');

function call(body: unknown, uid: string = MERCHANT): MutualTlsRequest {
  return {
    method: 'POST',
    path: APPLE_PAY_PAYMENT_SESSION_PATH,
    query: {},
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    clientCertificate: { subject: { UID: uid, CN: `Merchant ID: ${uid}` }, issuer: { CN: 'Test CA' }, fingerprint256: 'AB:CD', serialNumber: '01' },
  };
}

const valid = { merchantIdentifier: MERCHANT, displayName: 'Shop', initiative: 'web', initiativeContext: 'shop.example.com' };

describe('createApplePayFakeGateway', () => {
  const fake = createApplePayFakeGateway({ merchants: [{ merchantIdentifier: MERCHANT, domains: ['shop.example.com'] }], clock: new FixedClock(NOW) });
  const route = fake.routes[0];
  const handle = (request: MutualTlsRequest) => {
    if (!route) throw new Error('no route');
    return route.handle(request);
  };
  afterEach(() => fake.reset());

  it('serves POST paymentservices/paymentSession only', () => {
    expect(fake.routes.map((r) => [r.method, r.path])).toEqual([['POST', '/paymentservices/paymentSession']]);
  });

  it("issues a merchant session shaped like Apple's, valid one hour", () => {
    const answer = handle(call(valid));
    expect(answer.status).toBe(200);
    const session = JSON.parse(answer.body) as Record<string, unknown>;
    expect(session).toEqual({
      epochTimestamp: NOW.getTime(),
      expiresAt: NOW.getTime() + 3_600_000,
      merchantSessionIdentifier: expect.stringMatching(/^SSH[0-9A-F]{32}_[0-9A-F]{64}$/),
      nonce: expect.stringMatching(/^[0-9a-f]{8}$/),
      merchantIdentifier: HASH,
      domainName: 'shop.example.com',
      displayName: 'Shop',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      operationalAnalyticsIdentifier: `Shop:${HASH}`,
      retries: 0,
      pspId: HASH,
    });
    expect(fake.sessionCount()).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it.each([
    ['not JSON', '{"merchantIdentifier":', 400, 'request body is not JSON'],
    ['a missing initiativeContext', { ...valid, initiativeContext: undefined }, 400, 'invalid request (initiativeContext)'],
    ['a displayName over 64 characters', { ...valid, displayName: 'x'.repeat(65) }, 400, 'invalid request (displayName)'],
    ['an unknown initiative', { ...valid, initiative: 'kiosk' }, 400, 'invalid request (initiative)'],
    ['another merchant than the certificate', { ...valid, merchantIdentifier: 'merchant.com.other' }, 403, 'unauthorized to process transactions on behalf of'],
    ['an unregistered domain', { ...valid, initiativeContext: 'evil.example' }, 400, `merchantId=${HASH} not registered for domain=evil.example`],
  ])('refuses %s with Apple’s error shape', (_name, body, status, fragment) => {
    const answer = handle(call(body));
    expect(answer.status).toBe(status);
    const json = JSON.parse(answer.body) as { statusMessage: string; statusCode: string };
    expect(json.statusCode).toBe(String(status));
    expect(json.statusMessage).toContain(fragment);
    expect(fake.sessionCount()).toBe(0);
  });

  it('refuses (403) a certificate of a merchant it does not know', () => {
    const answer = handle(call({ ...valid, merchantIdentifier: 'merchant.com.stranger' }, 'merchant.com.stranger'));
    expect(answer.status).toBe(403);
    expect(answer.body).toContain('is not a registered merchant in WWDR');
  });

  it('accepts any domain for a merchant without a domain list', () => {
    const open = createApplePayFakeGateway({ merchants: [{ merchantIdentifier: MERCHANT }] });
    expect(open.routes[0]?.handle(call({ ...valid, initiativeContext: 'anything.example' })).status).toBe(200);
  });
});
