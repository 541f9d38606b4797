import { createHash } from 'node:crypto';
import { CREATE_SESSION_TOKEN, PAYMENT_SESSION } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, TEST_NUVEI, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(60_000);

interface Payload {
  createSessionToken: {
    sessionToken: string | null;
    statusCode: number;
    replayed: boolean;
    error: null | {
      retryable: boolean;
      source: string;
      gatewayHttpStatus: number | null;
      unifiedDetails: { code: string; message: string; description: string | null; userGuidanceMessage: string | null };
      connectorDetails: { code: string | null; message: string | null; reason: string | null } | null;
    };
    session: { id: string; status: string; expiresAt: string | null; attemptCount: number; amount: { minorAmount: string; currency: string; formatted: string } } | null;
  };
}

/** Room for a cold first request on a busy machine; the timeout test waits for it once. */
const GATEWAY_TIMEOUT_MS = 3_000;
const input = (overrides: Record<string, unknown> = {}) => ({ connector: 'NUVEI', merchantSessionId: 'order_1', amount: { minorAmount: 1000, currency: 'USD' }, ...overrides });

let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv({ gatewayTimeoutMs: GATEWAY_TIMEOUT_MS });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('createSessionToken — Nuvei', () => {
  it('returns the token the gateway issued, persists the session with expiresAt ~15 minutes ahead, and signs the request', async () => {
    const before = Date.now();
    const res = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input() }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    const payload = res.data?.createSessionToken;
    expect(res.errors).toBeUndefined();
    expect(payload?.statusCode).toBe(200);
    expect(payload?.error).toBeNull();
    expect(payload?.replayed).toBe(false);
    expect(env.nuvei.issuedTokens).toEqual([payload?.sessionToken]);
    expect(payload?.session?.status).toBe('ACTIVE');
    expect(payload?.session?.amount).toEqual({ minorAmount: '1000', currency: 'USD', formatted: '10.00' });

    const expiresAt = new Date(payload?.session?.expiresAt ?? 0).getTime();
    expect(expiresAt - before).toBeGreaterThan(13.5 * 60_000);
    expect(expiresAt - before).toBeLessThanOrEqual(15 * 60_000);

    const row = await env.prisma.paymentSession.findUniqueOrThrow({ where: { id: payload?.session?.id ?? '' } });
    expect(row.status).toBe('ACTIVE');
    expect(row.minorAmount).toBe(1000n);
    expect(row.tokenCiphertext).not.toBeNull();
    expect(Buffer.from(row.tokenCiphertext ?? []).toString('latin1')).not.toContain(payload?.sessionToken ?? '');

    // The fake gateway verified the checksum; check it ourselves too.
    const sent = JSON.parse(env.gateway.requests[0]?.body ?? '{}') as Record<string, string>;
    const expected = createHash('sha256')
      .update(`${TEST_NUVEI.merchantId}${TEST_NUVEI.merchantSiteId}order_1${sent['timeStamp']}${TEST_NUVEI.merchantSecret}`)
      .digest('hex');
    expect(sent['checksum']).toBe(expected);
    expect(sent['clientRequestId']).toBe('order_1');
  });

  it('reports a gateway rejection (wrong secret: 1001) in the payload and stores the session as FAILED', async () => {
    const res = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input() }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader('wrong_secret')));
    const payload = res.data?.createSessionToken;
    expect(res.errors).toBeUndefined();
    expect(payload?.sessionToken).toBeNull();
    expect(payload?.statusCode).toBe(422);
    expect(payload?.error?.source).toBe('GATEWAY');
    expect(payload?.error?.unifiedDetails.code).toBe('INVALID_SIGNATURE');
    expect(payload?.error?.connectorDetails?.code).toBe('1001');
    expect(payload?.error?.retryable).toBe(false);
    const row = await env.prisma.paymentSession.findFirstOrThrow({ where: { merchantId: env.merchantA.id } });
    expect(row.status).toBe('FAILED');
    expect(row.errorCode).toBe('1001');
    expect(res.raw).not.toContain('wrong_secret');
  });

  it('reports a gateway 5xx as retryable in the payload', async () => {
    env.gateway.setFault('nuvei', { kind: 'status', status: 503, body: '<html><body>Service Unavailable</body></html>', contentType: 'text/html' });
    const res = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input() }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    const payload = res.data?.createSessionToken;
    expect(payload?.statusCode).toBe(503);
    expect(payload?.error?.unifiedDetails.code).toBe('GATEWAY_UNAVAILABLE');
    expect(payload?.error?.retryable).toBe(true);
    expect((await env.prisma.paymentSession.findFirstOrThrow({ where: { merchantId: env.merchantA.id } })).status).toBe('FAILED');
  });

  it('bounds a timeout by the gateway timeout and records the outcome as unknown', async () => {
    env.gateway.setFault('nuvei', { kind: 'timeout' });
    const started = performance.now(); // monotonic: wall-clock steps must not count
    const res = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input() }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    const elapsed = performance.now() - started;
    const payload = res.data?.createSessionToken;
    // Waited for the gateway timeout, and not for the 10 s default (room for a busy machine).
    expect(elapsed).toBeGreaterThanOrEqual(GATEWAY_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(GATEWAY_TIMEOUT_MS + 4_000);
    expect(payload?.statusCode).toBe(504);
    expect(payload?.error?.unifiedDetails.code).toBe('GATEWAY_TIMEOUT');
    expect(payload?.error?.source).toBe('NETWORK');
    expect(payload?.error?.retryable).toBe(true);
    expect(payload?.session?.status).toBe('OUTCOME_UNKNOWN');
    const attempts = await env.prisma.paymentSessionAttempt.findMany({});
    expect(attempts).toHaveLength(1);
    expect(attempts[0]?.status).toBe('OUTCOME_UNKNOWN');
  });
});

describe('createSessionToken — Paytm', () => {
  it('returns the txnToken the gateway issued for a signed initiateTransaction', async () => {
    const res = await env.gql<Payload>(
      CREATE_SESSION_TOKEN,
      { input: input({ connector: 'PAYTM', merchantSessionId: 'ORDER-42', amount: { minorAmount: '250000', currency: 'INR' } }) },
      authHeaders(env.merchantA.apiKey, paytmConfigHeader()),
    );
    const payload = res.data?.createSessionToken;
    expect(res.errors).toBeUndefined();
    expect(payload?.statusCode).toBe(200);
    expect(env.paytm.issuedTokens).toEqual([payload?.sessionToken]);
    const request = env.gateway.requests[0];
    expect(request?.query).toMatchObject({ mid: 'ITMID000000000000001', orderId: 'ORDER-42' });
    expect(request?.body).toContain('"txnAmount":{"value":"2500.00","currency":"INR"}');
  });

  it('reports a wrong merchant key as a signature failure', async () => {
    const res = await env.gql<Payload>(
      CREATE_SESSION_TOKEN,
      { input: input({ connector: 'PAYTM', merchantSessionId: 'ORDER-43' }) },
      authHeaders(env.merchantA.apiKey, paytmConfigHeader('wrongPaytmKey123')),
    );
    const payload = res.data?.createSessionToken;
    expect(payload?.sessionToken).toBeNull();
    expect(payload?.error?.unifiedDetails.code).toBe('INVALID_SIGNATURE');
    expect(payload?.error?.connectorDetails?.code).toBe('2005');
    expect(payload?.session?.status).toBe('FAILED');
  });

  it('takes the connector from the x-connector header when the input omits it', async () => {
    const res = await env.gql<Payload>(
      CREATE_SESSION_TOKEN,
      { input: { merchantSessionId: 'ORDER-44', amount: { minorAmount: 100, currency: 'INR' } } },
      { ...authHeaders(env.merchantA.apiKey, paytmConfigHeader()), 'x-connector': 'paytm' },
    );
    expect(res.data?.createSessionToken.statusCode).toBe(200);
  });
});

describe('authentication and tenant isolation', () => {
  it('rejects a missing API key with UNAUTHENTICATED and a wrong one with 401', async () => {
    const missing = await env.gql(CREATE_SESSION_TOKEN, { input: input() }, { 'x-connector-config': nuveiConfigHeader() });
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    const wrong = await env.gql(CREATE_SESSION_TOKEN, { input: input() }, authHeaders('sk_not_a_real_key', nuveiConfigHeader()));
    expect(wrong.httpStatus).toBe(401);
    expect(wrong.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(await env.prisma.paymentSession.count()).toBe(0);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('hides one merchant’s session from another (null, same as a missing id)', async () => {
    const created = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input() }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    const id = created.data?.createSessionToken.session?.id;
    const asOwner = await env.gql<{ paymentSession: { id: string; token: string } | null }>(PAYMENT_SESSION, { id }, authHeaders(env.merchantA.apiKey));
    expect(asOwner.data?.paymentSession?.token).toBe(created.data?.createSessionToken.sessionToken);
    const asOther = await env.gql<{ paymentSession: unknown }>(PAYMENT_SESSION, { id }, authHeaders(env.merchantB.apiKey));
    const missing = await env.gql<{ paymentSession: unknown }>(PAYMENT_SESSION, { id: '00000000-0000-4000-8000-000000000000' }, authHeaders(env.merchantB.apiKey));
    expect(asOther.data?.paymentSession).toBeNull();
    expect(asOther.raw.replace(String(id), '')).toBe(missing.raw.replace('00000000-0000-4000-8000-000000000000', ''));
  });
});
