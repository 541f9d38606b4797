import { createHash } from 'node:crypto';
import { paypalFakeAnswers } from '@prism-sessions/connectors-paypal/testing';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { accessTokenAad } from '../crypto/column-aad';
import { createFieldEncryptor, generateEncryptionKey } from '../crypto/field-encryption';
import { rotateEncryptionKeys } from '../crypto/key-rotation';
import { authHeaders, OffsetClock, paypalConfigHeader, startIntegrationEnv, TEST_PAYPAL, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(180_000);

interface Payload {
  createSessionToken: {
    sessionToken: string | null;
    statusCode: number;
    error: null | { source: string; retryable: boolean; unifiedDetails: { code: string }; connectorDetails: { code: string | null; message: string | null } | null };
    session: { id: string; status: string; expiresAt: string | null } | null;
  };
}

const MARGIN_SECONDS = 60;
const clock = new OffsetClock();
const clientScope = `client:${createHash('sha256').update(TEST_PAYPAL.clientId).digest('hex')}`;
const input = (merchantSessionId: string, extra: Record<string, unknown> = {}) => ({ connector: 'PAYPAL', merchantSessionId, amount: { minorAmount: 1000, currency: 'USD' }, ...extra });

let env: IntegrationEnv;

beforeAll(async () => {
  // Generous gateway timeout: 50 concurrent sessions on a loaded 2-core machine must not time out against the local fake.
  env = await startIntegrationEnv({ clock, gatewayTimeoutMs: 20_000, env: { SESSION_EXPIRY_MARGIN_SECONDS: String(MARGIN_SECONDS), RATE_LIMIT_BURST: '1000', RATE_LIMIT_PER_SECOND: '1000' } });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
  clock.offsetMs = 0;
});

const tokenCalls = () => env.paypal.requests.filter((request) => request.path === '/v1/oauth2/token').length;
const clientTokenCalls = () => env.paypal.requests.filter((request) => request.path === '/v1/identity/generate-token').length;
const create = (id: string, header = paypalConfigHeader(), extra: Record<string, unknown> = {}, gql = env.gql.bind(env)) =>
  gql<Payload>(CREATE_SESSION_TOKEN, { input: input(id, extra) }, authHeaders(env.merchantA.apiKey, header));
const sourceOf = async (sessionId: string | undefined) =>
  (await env.prisma.paymentSessionAttempt.findFirstOrThrow({ where: { sessionId: sessionId ?? '' }, orderBy: { attemptNumber: 'desc' } })).accessTokenSource;
const storedState = () => env.prisma.connectorState.findUnique({ where: { merchantId_connector_scopeKey: { merchantId: env.merchantA.id, connector: 'PAYPAL', scopeKey: clientScope } } });

describe('PayPal client tokens with stored access tokens', () => {
  it('fetches an access token once (2 gateway calls), stores it sealed, then reuses it for the next 50 sessions (50 calls)', async () => {
    const before = clock.now().getTime();
    const first = await create('pp_first');
    const payload = first.data?.createSessionToken;
    expect(first.errors).toBeUndefined();
    expect(payload?.statusCode).toBe(200);
    expect(payload?.sessionToken).toBe(env.paypal.issuedTokens[0]);
    expect(env.paypal.requests.map((request) => request.path)).toEqual(['/v1/oauth2/token', '/v1/identity/generate-token']);
    // The client token lives expires_in (3600 s) minus the margin.
    const expiresAt = new Date(payload?.session?.expiresAt ?? 0).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual((3600 - MARGIN_SECONDS) * 1000 - 1000);
    expect(expiresAt - before).toBeLessThanOrEqual((3600 - MARGIN_SECONDS) * 1000 + 60_000);
    expect(await sourceOf(payload?.session?.id)).toBe('FETCHED');
    // PayPal-Request-Id is our attempt id; the bearer is the token just issued.
    const generate = env.paypal.requests[1];
    expect(generate?.headers['paypal-request-id']).toBe(`${payload?.session?.id}:1`);
    expect(generate?.headers['authorization']).toBe(`Bearer ${env.paypal.issuedAccessTokens[0]}`);

    const state = await storedState();
    expect(state?.accessTokenCiphertext).not.toBeNull();
    expect(Buffer.from(state?.accessTokenCiphertext ?? []).toString('latin1')).not.toContain(env.paypal.issuedAccessTokens[0]);
    expect(state?.scopeKey).not.toContain(TEST_PAYPAL.clientId);
    const lifetime = (state?.accessTokenExpiresAt?.getTime() ?? 0) - before;
    expect(lifetime).toBeGreaterThan(32_000 * 1000);
    expect(lifetime).toBeLessThanOrEqual(32_400 * 1000 + 60_000);

    for (let i = 0; i < 50; i += 1) {
      const next = await create(`pp_next_${i}`);
      expect(next.data?.createSessionToken.statusCode).toBe(200);
      if (i === 0) expect(await sourceOf(next.data?.createSessionToken.session?.id)).toBe('STORED');
    }
    expect(tokenCalls()).toBe(1);
    expect(clientTokenCalls()).toBe(51);
  });

  it('refreshes a stored token that has no more than the margin left', async () => {
    await create('pp_exp_1');
    clock.advance((32_400 - MARGIN_SECONDS + 1) * 1000);
    const res = await create('pp_exp_2');
    expect(res.data?.createSessionToken.statusCode).toBe(200);
    expect(tokenCalls()).toBe(2);
    expect(await sourceOf(res.data?.createSessionToken.session?.id)).toBe('FETCHED');
    const state = await storedState();
    expect(state?.accessTokenExpiresAt?.getTime()).toBeGreaterThan(clock.now().getTime() + 32_000 * 1000);
  });

  it('retries once with a new token when the gateway refuses the stored one (401), and replaces the state', async () => {
    await create('pp_401_1');
    const before = await storedState();
    env.paypal.revokeAccessTokens();
    const res = await create('pp_401_2');
    expect(res.data?.createSessionToken.statusCode).toBe(200);
    expect(env.paypal.requests.map((request) => request.path)).toEqual([
      '/v1/oauth2/token',
      '/v1/identity/generate-token',
      '/v1/identity/generate-token',
      '/v1/oauth2/token',
      '/v1/identity/generate-token',
    ]);
    expect(await sourceOf(res.data?.createSessionToken.session?.id)).toBe('REFRESHED');
    const after = await storedState();
    expect(Buffer.compare(Buffer.from(after?.accessTokenCiphertext ?? []), Buffer.from(before?.accessTokenCiphertext ?? []))).not.toBe(0);
    const encryptor = createFieldEncryptor(env.encryptionKey);
    expect(encryptor.decrypt(after?.accessTokenCiphertext ?? new Uint8Array(), after?.encryptionKeyId ?? '', accessTokenAad(env.merchantA.id, 'paypal', clientScope))).toBe(env.paypal.issuedAccessTokens[1]);
  });

  it('retries only once: a 401 on the fresh token is reported in the payload', async () => {
    await create('pp_twice_1');
    // The stored token is refused, the refresh yields a token PayPal then refuses too.
    env.paypal.enqueue(paypalFakeAnswers.expiredBearer());
    env.paypal.enqueue(paypalFakeAnswers.accessToken('A21AA-unknown-to-the-fake', 32_400));
    const res = await create('pp_twice_2');
    const payload = res.data?.createSessionToken;
    expect(payload?.sessionToken).toBeNull();
    expect(payload?.error?.unifiedDetails.code).toBe('ACCESS_TOKEN_EXPIRED');
    expect(payload?.error?.connectorDetails?.code).toBe('invalid_token');
    expect(env.paypal.requests.map((request) => request.path)).toEqual([
      '/v1/oauth2/token',
      '/v1/identity/generate-token',
      '/v1/identity/generate-token',
      '/v1/oauth2/token',
      '/v1/identity/generate-token',
    ]);
    expect(await sourceOf(payload?.session?.id)).toBe('REFRESHED');
  });

  it('makes exactly one token call for 50 concurrent first sessions split over two API processes', async () => {
    const peer = await env.startPeer();
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => create(`pp_conc_${i}`, paypalConfigHeader(), {}, i % 2 === 0 ? env.gql.bind(env) : peer.gql.bind(peer))),
      );
      for (const res of results) expect(res.data?.createSessionToken.statusCode).toBe(200);
      expect(tokenCalls()).toBe(1);
      expect(clientTokenCalls()).toBe(50);
      const sources = await env.prisma.paymentSessionAttempt.groupBy({ by: ['accessTokenSource'], _count: true });
      expect(Object.fromEntries(sources.map((row) => [row.accessTokenSource, row._count]))).toEqual({ FETCHED: 1, STORED: 49 });
    } finally {
      await peer.close();
    }
  });

  it('reports invalid_client as a payload error naming the cause, and stores no state', async () => {
    const res = await create('pp_bad', paypalConfigHeader('wrong_secret'));
    const payload = res.data?.createSessionToken;
    expect(res.errors).toBeUndefined();
    expect(payload?.sessionToken).toBeNull();
    expect(payload?.error?.unifiedDetails.code).toBe('INVALID_CREDENTIALS');
    expect(payload?.error?.connectorDetails?.code).toBe('invalid_client');
    expect(payload?.error?.connectorDetails?.message).toBe('Client Authentication failed');
    expect(payload?.session?.status).toBe('FAILED');
    expect(clientTokenCalls()).toBe(0);
    expect(await env.prisma.connectorState.count()).toBe(0);
  });

  it('uses a caller-supplied state.accessToken as is, without a token call', async () => {
    await create('pp_caller_seed');
    const issued = env.paypal.issuedAccessTokens[0] ?? '';
    await env.prisma.connectorState.deleteMany({});
    env.paypal.requests.length = 0;
    const res = await create('pp_caller', paypalConfigHeader(), { state: { accessToken: { token: issued, expiresInSeconds: 600 } } });
    expect(res.data?.createSessionToken.statusCode).toBe(200);
    expect(tokenCalls()).toBe(0);
    expect(env.paypal.requests[0]?.headers['authorization']).toBe(`Bearer ${issued}`);
    expect(await sourceOf(res.data?.createSessionToken.session?.id)).toBe('CALLER');
  });

  it('keys the token by connector account for stored accounts', async () => {
    const created = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } | null } }>(
      CREATE_CONNECTOR_ACCOUNT,
      { input: { connector: 'PAYPAL', label: 'paypal main', testMode: true, credentials: { client_id: TEST_PAYPAL.clientId, client_secret: TEST_PAYPAL.clientSecret } } },
      authHeaders(env.merchantA.apiKey),
    );
    const accountId = created.data?.createConnectorAccount.connectorAccount?.id ?? '';
    expect(accountId).not.toBe('');
    const first = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input('pp_acct_1', { connectorAccountId: accountId }) }, authHeaders(env.merchantA.apiKey));
    const second = await env.gql<Payload>(CREATE_SESSION_TOKEN, { input: input('pp_acct_2', { connectorAccountId: accountId }) }, authHeaders(env.merchantA.apiKey));
    expect(first.data?.createSessionToken.statusCode).toBe(200);
    expect(second.data?.createSessionToken.statusCode).toBe(200);
    expect(tokenCalls()).toBe(1);
    const rows = await env.prisma.connectorState.findMany({ select: { scopeKey: true } });
    expect(rows).toEqual([{ scopeKey: `account:${accountId}` }]);
  });

  it('mints client tokens for a stored account (the #17 wallet entry point), reusing the account’s stored access token', async () => {
    const created = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } | null } }>(
      CREATE_CONNECTOR_ACCOUNT,
      { input: { connector: 'PAYPAL', label: 'wallet', testMode: true, credentials: { client_id: TEST_PAYPAL.clientId, client_secret: TEST_PAYPAL.clientSecret } } },
      authHeaders(env.merchantA.apiKey),
    );
    const connectorAccountId = created.data?.createConnectorAccount.connectorAccount?.id ?? '';
    const first = await env.clientTokens.mint({ merchantId: env.merchantA.id, connectorAccountId, customerId: 'cust_42' });
    const second = await env.clientTokens.mint({ merchantId: env.merchantA.id, connectorAccountId });
    expect(first).toMatchObject({ kind: 'minted', connector: 'paypal', hints: { client_id: TEST_PAYPAL.clientId }, accessTokenSource: 'FETCHED' });
    expect(second).toMatchObject({ kind: 'minted', accessTokenSource: 'STORED' });
    if (first.kind !== 'minted') return;
    expect(first.clientToken.expose()).toBe(env.paypal.issuedTokens[0]);
    expect(first.expiresAt.getTime() - clock.now().getTime()).toBeLessThanOrEqual((3600 - MARGIN_SECONDS) * 1000);
    expect(JSON.stringify(first)).not.toContain(env.paypal.issuedTokens[0]);
    expect(env.paypal.requests[1]?.body).toBe('{"customer_id":"cust_42"}');
    expect(tokenCalls()).toBe(1);
    expect(await env.clientTokens.mint({ merchantId: env.merchantB.id, connectorAccountId })).toEqual({ kind: 'account_not_found' });
    expect(await env.clientTokens.mint({ merchantId: env.merchantA.id, connectorAccountId: 'not-a-uuid' })).toEqual({ kind: 'account_not_found' });
  });

  it('reads state sealed with a previous key (ENCRYPTION_PREVIOUS_KEYS), and keys:rotate re-seals it', async () => {
    await create('pp_rot_1');
    const newKey = generateEncryptionKey();
    const rotatedApi = await env.startPeer({ encryptionKey: newKey, previousKeys: env.encryptionKey });
    try {
      const res = await create('pp_rot_2', paypalConfigHeader(), {}, rotatedApi.gql.bind(rotatedApi));
      expect(res.data?.createSessionToken.statusCode).toBe(200);
      expect(await sourceOf(res.data?.createSessionToken.session?.id)).toBe('STORED');
    } finally {
      await rotatedApi.close();
    }
    const report = await rotateEncryptionKeys(env.prisma, createFieldEncryptor(newKey, env.encryptionKey));
    expect(report.connectorStates).toBe(1);
    const newOnly = createFieldEncryptor(newKey);
    const state = await storedState();
    expect(state?.encryptionKeyId).toBe(newOnly.currentKeyId);
    expect(newOnly.decrypt(state?.accessTokenCiphertext ?? new Uint8Array(), state?.encryptionKeyId ?? '', accessTokenAad(env.merchantA.id, 'paypal', clientScope))).toBe(env.paypal.issuedAccessTokens[0]);
    const newKeyApi = await env.startPeer({ encryptionKey: newKey });
    try {
      const res = await create('pp_rot_3', paypalConfigHeader(), {}, newKeyApi.gql.bind(newKeyApi));
      expect(res.data?.createSessionToken.statusCode).toBe(200);
      expect(await sourceOf(res.data?.createSessionToken.session?.id)).toBe('STORED');
    } finally {
      await newKeyApi.close();
    }
    expect(tokenCalls()).toBe(1);
  });
});
