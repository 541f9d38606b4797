/**
 * The Apple Pay merchant validation client against the fake Apple endpoint: real HTTPS with a required
 * client certificate on 127.0.0.1, certificates from the in-process test CA.
 */
import { createServer } from 'node:net';
import { Secret } from '@prism-sessions/masking';
import { createTestCertificateAuthority } from '@prism-sessions/testing-fake-gateway';
import { createApplePayMerchantSessionClient, type ApplePayMerchantSessionClient, type ApplePayMerchantSessionRequest, type ApplePayMerchantSessionResult } from '../wallets/apple-pay/apple-pay-merchant-session';
import { APPLE_PAY_TEST_MERCHANT_IDENTIFIER, createApplePayTestIdentity } from '../wallets/apple-pay/testing/apple-pay-test-identity';
import { APPLE_PAY_FAKE_ID, startApplePayTestServer, type ApplePayTestServer } from '../wallets/apple-pay/testing/apple-pay-test-server';

const DOMAIN = 'shop.example.com';
// Generous: the timeout tests only check the call ends with TIMEOUT, well inside jest's limit.
const TIMEOUT_MS = 2_000;

let apple: ApplePayTestServer;
let client: ApplePayMerchantSessionClient;
const identity = createApplePayTestIdentity();

function sessionRequest(overrides: Partial<ApplePayMerchantSessionRequest> = {}, pems: { certificatePem: string; privateKeyPem: string } = identity): ApplePayMerchantSessionRequest {
  return {
    certificatePem: new Secret(pems.certificatePem),
    privateKeyPem: new Secret(pems.privateKeyPem),
    merchantIdentifier: APPLE_PAY_TEST_MERCHANT_IDENTIFIER,
    displayName: 'Prism Test Shop',
    initiativeContext: DOMAIN,
    ...overrides,
  };
}

function expectFailure(result: ApplePayMerchantSessionResult, code: string): string {
  expect(result).toMatchObject({ ok: false, code });
  const message = result.ok ? '' : result.message;
  // Never a credential in a failure message.
  for (const pem of [identity.certificatePem, identity.privateKeyPem]) {
    for (const line of pem.split(/\r?\n/).filter((l) => l.length > 16 && !l.startsWith('-----'))) expect(message).not.toContain(line);
  }
  return message;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  apple = await startApplePayTestServer({ merchants: [{ merchantIdentifier: APPLE_PAY_TEST_MERCHANT_IDENTIFIER, domains: [DOMAIN] }] });
  client = createApplePayMerchantSessionClient({ baseUrl: apple.baseUrl, timeoutMs: TIMEOUT_MS, caPem: apple.caPem });
});

afterEach(() => apple.server.reset());

afterAll(async () => {
  await client?.close();
  await apple?.stop();
});

describe('Apple Pay merchant validation over mutual TLS', () => {
  it('accepts the merchant identity certificate and returns Apple’s merchant session untouched', async () => {
    const result = await client.requestSession(sessionRequest());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.session).toMatchObject({ domainName: DOMAIN, displayName: 'Prism Test Shop', retries: 0, nonce: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(Number(result.session['expiresAt']) - Number(result.session['epochTimestamp'])).toBe(3_600_000);

    const [recorded] = apple.fake.requests;
    expect(recorded?.path).toBe('/paymentservices/paymentSession');
    expect(recorded?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(recorded?.body ?? '')).toEqual({ merchantIdentifier: APPLE_PAY_TEST_MERCHANT_IDENTIFIER, displayName: 'Prism Test Shop', initiative: 'web', initiativeContext: DOMAIN });
    expect(recorded?.clientCertificate.subject['UID']).toBe(APPLE_PAY_TEST_MERCHANT_IDENTIFIER);
  });

  it('reuses one agent per identity across calls (and each call still gets a session)', async () => {
    const results = await Promise.all([1, 2, 3].map(() => client.requestSession(sessionRequest())));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(apple.fake.sessionCount()).toBe(3);
  });

  it('is refused in the TLS handshake with a certificate from another CA (no request reaches Apple)', async () => {
    const foreign = createApplePayTestIdentity({ authority: createTestCertificateAuthority({ commonName: 'Not Apple' }) });
    const message = expectFailure(await client.requestSession(sessionRequest({}, foreign)), 'APPLE_PAY_REFUSED');
    expect(message).toMatch(/TLS/);
    expect(apple.server.callCount(APPLE_PAY_FAKE_ID)).toBe(0);
  });

  it('is refused (403) with a valid certificate of a merchant Apple does not know', async () => {
    const unknown = createApplePayTestIdentity({ merchantIdentifier: 'merchant.com.unknown' });
    const message = expectFailure(await client.requestSession(sessionRequest({ merchantIdentifier: 'merchant.com.unknown' }, unknown)), 'APPLE_PAY_REFUSED');
    expect(message).toMatch(/^Apple Pay refused the merchant validation \(HTTP 403: Payment Services Exception merchantId=[0-9A-F]{64} unauthorized/);
  });

  it('is refused (403) when the body names another merchant than the certificate', async () => {
    expectFailure(await client.requestSession(sessionRequest({ merchantIdentifier: 'merchant.com.someone-else' })), 'APPLE_PAY_REFUSED');
  });

  it('is refused (400) for a domain the merchant did not register', async () => {
    const message = expectFailure(await client.requestSession(sessionRequest({ initiativeContext: 'evil.example.net' })), 'APPLE_PAY_REFUSED');
    expect(message).toContain('not registered for domain=evil.example.net');
  });

  it('gives up with TIMEOUT when Apple never answers, within its bound', async () => {
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'timeout' });
    const started = Date.now();
    expect(expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_TIMEOUT')).toBe(`Apple Pay did not answer within ${TIMEOUT_MS} ms`);
    // Generous bound (loaded machine): the call ends on its own deadline, not jest's.
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('gives up with TIMEOUT when the answer is slower than the bound', async () => {
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'latency', ms: 60_000 });
    expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_TIMEOUT');
  });

  it('reports UNREACHABLE when nothing listens at the base URL', async () => {
    const nowhere = createApplePayMerchantSessionClient({ baseUrl: `https://127.0.0.1:${await closedPort()}/`, timeoutMs: TIMEOUT_MS, caPem: apple.caPem });
    try {
      expect(expectFailure(await nowhere.requestSession(sessionRequest()), 'APPLE_PAY_UNREACHABLE')).toBe('Apple Pay could not be reached (ECONNREFUSED)');
    } finally {
      await nowhere.close();
    }
  });

  it('reports UNREACHABLE when Apple’s server certificate is not trusted (no CA given)', async () => {
    const untrusting = createApplePayMerchantSessionClient({ baseUrl: apple.baseUrl, timeoutMs: TIMEOUT_MS });
    try {
      expect(expectFailure(await untrusting.requestSession(sessionRequest()), 'APPLE_PAY_UNREACHABLE')).toMatch(/server certificate is not trusted/);
    } finally {
      await untrusting.close();
    }
  });

  it('reports UNREACHABLE for a 5xx and for a reset connection', async () => {
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'status', status: 503, body: '<html>Service Unavailable</html>' }, { times: 1 });
    expect(expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_UNREACHABLE')).toBe('Apple Pay is unavailable (HTTP 503)');
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'reset' }, { times: 1 });
    expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_UNREACHABLE');
  });

  it('reports BAD_RESPONSE for malformed JSON and for a truncated answer', async () => {
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'malformed-json' }, { times: 1 });
    expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_BAD_RESPONSE');
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'truncated' }, { times: 1 });
    expectFailure(await client.requestSession(sessionRequest()), 'APPLE_PAY_BAD_RESPONSE');
  });

  it('recovers after a fault (the next call gets a session)', async () => {
    apple.server.setFault(APPLE_PAY_FAKE_ID, { kind: 'status', status: 500, body: 'oops' }, { times: 1 });
    expect((await client.requestSession(sessionRequest())).ok).toBe(false);
    expect((await client.requestSession(sessionRequest())).ok).toBe(true);
  });

  it('refuses a certificate with the key of another certificate before anything is sent', async () => {
    const other = createApplePayTestIdentity();
    const message = expectFailure(await client.requestSession(sessionRequest({}, { certificatePem: identity.certificatePem, privateKeyPem: other.privateKeyPem })), 'APPLE_PAY_REFUSED');
    expect(message).toContain('ERR_OSSL_X509_KEY_VALUES_MISMATCH');
    expect(apple.server.callCount(APPLE_PAY_FAKE_ID)).toBe(0);
  });

  it('refuses to be configured with a plain-HTTP base URL or a bad timeout', () => {
    expect(() => createApplePayMerchantSessionClient({ baseUrl: 'http://127.0.0.1:1/', timeoutMs: 1000 })).toThrow('baseUrl must be an https URL');
    expect(() => createApplePayMerchantSessionClient({ baseUrl: 'not a url', timeoutMs: 1000 })).toThrow('baseUrl must be an absolute https URL');
    expect(() => createApplePayMerchantSessionClient({ baseUrl: apple.baseUrl, timeoutMs: 0 })).toThrow('timeoutMs must be a positive integer');
  });
});
