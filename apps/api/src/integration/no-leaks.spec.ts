import { generateKeyPairSync } from 'node:crypto';
import {
  API_KEYS,
  CLIENT_SIGNING_KEYS,
  CONNECTOR_ACCOUNTS,
  CREATE_CONNECTOR_ACCOUNT,
  CREATE_API_KEY,
  CREATE_SESSION_TOKEN,
  DISABLE_CONNECTOR_ACCOUNT,
  PAYMENT_SESSION,
  PAYMENT_SESSIONS,
  REGISTER_CLIENT_SIGNING_KEY,
  REVOKE_API_KEY,
  REVOKE_CLIENT_SIGNING_KEY,
  REVOKE_PAYMENT_SESSION,
  UPDATE_CONNECTOR_ACCOUNT,
  CREATE_PAYMENT,
  PAYMENT,
  PAYMENTS,
  CREATE_WALLET_SESSION_TOKENS,
} from '@prism-sessions/testing-graphql-documents';
import { Secret } from '@prism-sessions/masking';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { createFieldEncryptor } from '../crypto/field-encryption';
import { SessionTokenGrpcClient } from '../testing/grpc-client';
import { authHeaders, nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, TEST_NUVEI, TEST_NUVEI_2, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

// Canaries: every secret, token and piece of PII that passes through the service.
let tokenCount = 0;
const CANARY_TOKEN = 'CANARYTOKEN';
const canaries = {
  nuveiSecret: TEST_NUVEI.merchantSecret,
  paytmKey: TEST_PAYTM.merchantKey,
  wrongSecret: 'CANARY_WRONG_SECRET_77',
  metadata: 'CANARY_METADATA_email=jane.doe@example.com',
  connectorFeatureData: 'CANARY_FEATURE_DATA_42',
  accessToken: 'CANARY_ACCESS_TOKEN_99',
  userAgent: 'CANARY_USER_AGENT/1.0',
  metricsToken: 'CANARY_METRICS_TOKEN_0123456789',
  legacyApiSecret: 'CANARY_LEGACY_API_SECRET_5',
  grpcMetadata: 'CANARY_GRPC_METADATA_6',
  // Stored connector account credentials (create, replace, failed verify).
  accountSecret2: TEST_NUVEI_2.merchantSecret,
  accountReplaced: 'CANARY_ACCOUNT_REPLACED_SECRET',
  accountVerifyWrong: 'CANARY_ACCOUNT_VERIFY_WRONG',
  // Wallet configuration: Apple Pay merchant identity certificate and key (sealed, write-only).
  appleCertificate: 'CANARY_APPLE_CERTIFICATE_BODY',
  appleKey: 'CANARY_APPLE_PRIVATE_KEY_BODY',
};

let env: IntegrationEnv;
const responses: string[] = [];

async function call(input: Record<string, unknown>, headers: Record<string, string>): Promise<{ sessionToken: string | null; session: { id: string } | null }> {
  const res = await env.gql<{ createSessionToken: { sessionToken: string | null; session: { id: string } | null } }>(CREATE_SESSION_TOKEN, { input }, headers);
  responses.push(res.raw);
  return res.data?.createSessionToken ?? { sessionToken: null, session: null };
}

async function dumpTables(): Promise<string> {
  const tables = ['merchants', 'payments', 'api_keys', 'client_signing_keys', 'payment_sessions', 'payment_session_attempts', 'connector_states', 'connector_accounts', '_prisma_migrations'];
  const dump: Record<string, unknown> = {};
  for (const table of tables) {
    const rows = await env.prisma.$queryRawUnsafe<Array<Record<string, unknown>>>(`SELECT * FROM "${table}"`);
    // Render bytes both as hex and as text, so a plaintext stored in a bytea column would show.
    dump[table] = rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, v instanceof Uint8Array ? `${Buffer.from(v).toString('hex')} ${Buffer.from(v).toString('latin1')}` : typeof v === 'bigint' ? v.toString() : v])),
    );
  }
  return JSON.stringify(dump);
}

beforeAll(async () => {
  env = await startIntegrationEnv({ gatewayTimeoutMs: 3000, newToken: () => `${CANARY_TOKEN}${(tokenCount += 1)}`, env: { METRICS_TOKEN: canaries.metricsToken } });
});
afterAll(async () => {
  await env?.close();
});

describe('no secret, token or PII in clear anywhere', () => {
  it('runs every flow and finds no canary in logs, responses (bar the owner’s token) or any table', async () => {
    const a = (config: string) => authHeaders(env.merchantA.apiKey, config);
    const pii = {
      metadata: canaries.metadata,
      connectorFeatureData: canaries.connectorFeatureData,
      state: { accessToken: { token: canaries.accessToken, expiresInSeconds: 3600, tokenType: 'Bearer' }, connectorCustomerId: 'cus_1' },
      browserInfo: { userAgent: canaries.userAgent, ipAddress: '203.0.113.7', osType: 'Android' },
    };
    const nuvei = (id: string, extra: Record<string, unknown> = {}) => ({ connector: 'NUVEI', merchantSessionId: id, amount: { minorAmount: 1000, currency: 'USD' }, ...pii, ...extra });
    const paytm = (id: string, extra: Record<string, unknown> = {}) => ({ connector: 'PAYTM', merchantSessionId: id, amount: { minorAmount: 1000, currency: 'INR' }, ...pii, ...extra });

    // success, replay, conflict, revoke
    const created = await call(nuvei('leak_1'), a(nuveiConfigHeader()));
    expect(created.sessionToken).toMatch(/^CANARYTOKEN/);
    await call(nuvei('leak_1'), a(nuveiConfigHeader()));
    await call(nuvei('leak_1', { amount: { minorAmount: 5, currency: 'USD' } }), a(nuveiConfigHeader()));
    await call(paytm('LEAK_2'), a(paytmConfigHeader()));
    const owner = await env.gql(PAYMENT_SESSION, { id: created.session?.id }, a(nuveiConfigHeader()));
    responses.push(owner.raw);
    const list = await env.gql(PAYMENT_SESSIONS, {}, a(nuveiConfigHeader()));
    responses.push(list.raw);
    const revoke = await env.gql(REVOKE_PAYMENT_SESSION, { id: created.session?.id }, a(nuveiConfigHeader()));
    responses.push(revoke.raw);
    // other merchant reading A's session
    const other = await env.gql(PAYMENT_SESSION, { id: created.session?.id }, authHeaders(env.merchantB.apiKey));
    responses.push(other.raw);

    // each failure class
    await call(nuvei('leak_3'), a(nuveiConfigHeader(canaries.wrongSecret)));
    await call(paytm('LEAK_4'), a(paytmConfigHeader('CANARYwrongkey16')));
    env.gateway.setFault('nuvei', { kind: 'status', status: 500, body: '{"error":"boom"}', contentType: 'application/json' }, { times: 1 });
    await call(nuvei('leak_5'), a(nuveiConfigHeader()));
    env.gateway.setFault('nuvei', { kind: 'timeout' }, { times: 1 });
    await call(nuvei('leak_6'), a(nuveiConfigHeader()));
    env.gateway.setFault('nuvei', { kind: 'malformed-json' }, { times: 1 });
    await call(nuvei('leak_7'), a(nuveiConfigHeader()));
    env.gateway.setFault('paytm', { kind: 'truncated' }, { times: 1 });
    await call(paytm('LEAK_8'), a(paytmConfigHeader()));
    env.gateway.setFault('paytm', { kind: 'reset' }, { times: 1 });
    await call(paytm('LEAK_9'), a(paytmConfigHeader()));
    // invalid input carrying secrets
    await call(nuvei('bad id with spaces'), a(nuveiConfigHeader()));
    await call(nuvei('leak_10'), a(JSON.stringify({ config: { Nuvei: { merchant_id: canaries.nuveiSecret } } })));
    const badKey = await env.gql(CREATE_SESSION_TOKEN, { input: nuvei('leak_11') }, authHeaders(`sk_${canaries.nuveiSecret}`, nuveiConfigHeader()));
    responses.push(badKey.raw);

    // the gRPC surface and its HTTP alias: success, replay, legacy headers, rejection, bad input
    const grpcClient = new SessionTokenGrpcClient(env.grpcAddress);
    const grpcRequest = (id: string, extra: Record<string, unknown> = {}) => ({
      merchant_session_id: id,
      amount: { minor_amount: 1000, currency: 'USD' },
      metadata: { value: canaries.grpcMetadata },
      browser_info: { user_agent: canaries.userAgent },
      ...extra,
    });
    const legacy = { 'x-connector': 'nuvei', 'x-auth': 'signature-key', 'x-api-key': TEST_NUVEI.merchantId, 'x-key1': TEST_NUVEI.merchantSiteId };
    const grpcOutcomes = [
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc_leak_1'), a(nuveiConfigHeader())),
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc_leak_1'), a(nuveiConfigHeader())),
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc_leak_2'), { ...authHeaders(env.merchantA.apiKey), ...legacy, 'x-api-secret': canaries.legacyApiSecret }),
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc leak 3'), { ...authHeaders(env.merchantA.apiKey), ...legacy, 'x-api-secret': canaries.legacyApiSecret }),
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc_leak_4'), a(nuveiConfigHeader(canaries.wrongSecret))),
      await grpcClient.call('CreateSessionToken', grpcRequest('grpc_leak_5'), authHeaders(`sk_${canaries.nuveiSecret}`, nuveiConfigHeader())),
    ];
    grpcClient.close();
    for (const outcome of grpcOutcomes) {
      responses.push(JSON.stringify({ response: outcome.response, code: outcome.error?.code, details: outcome.error?.details, trailers: outcome.error?.metadata?.getMap() }));
    }
    const alias = await fetch(env.url.replace('/graphql', '/payments/create_session_token'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...a(nuveiConfigHeader(canaries.wrongSecret)) },
      body: JSON.stringify(grpcRequest('alias_leak_1')),
    });
    responses.push(await alias.text());
    // API keys: minted (shown once), listed, used through both headers, revoked, refused; publishable refused.
    const keys: string[] = [];
    for (const input of [{ name: 'leak sk', kind: 'SECRET' }, { name: 'leak pk', kind: 'PUBLISHABLE', expiresAt: '2099-01-01T00:00:00Z' }]) {
      const minted = await env.gql<{ createApiKey: { key: string } }>(CREATE_API_KEY, { input }, a(nuveiConfigHeader()));
      responses.push(minted.raw.replace(/"key":"[sp]k_[A-Za-z0-9_-]{43}"/, '"key":"<shown once>"'));
      keys.push(minted.data?.createApiKey.key ?? 'missing');
    }
    const [mintedSecret, mintedPublishable] = keys as [string, string];
    for (const headers of [{ authorization: `Bearer ${mintedSecret}` }, { 'api-key': mintedSecret }, { 'api-key': mintedPublishable }, authHeaders(env.merchantA.publishableKey, nuveiConfigHeader())]) {
      responses.push((await env.gql(API_KEYS, {}, headers)).raw);
      responses.push((await env.gql(CREATE_SESSION_TOKEN, { input: nuvei('leak_pk') }, headers)).raw);
    }
    const listed = await env.gql<{ apiKeys: Array<{ id: string; name: string }> }>(API_KEYS, {}, a(nuveiConfigHeader()));
    responses.push(listed.raw);
    const mintedId = listed.data?.apiKeys.find((k) => k.name === 'leak sk')?.id;
    responses.push((await env.gql(REVOKE_API_KEY, { id: mintedId }, a(nuveiConfigHeader()))).raw);
    responses.push((await env.gql(API_KEYS, {}, { authorization: `Bearer ${mintedSecret}` })).raw);
    // Client signing keys: a public key registered, listed, revoked; a private key refused.
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    responses.push((await env.gql(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId: 'leak-key', publicKeyPem: publicPem } }, a(nuveiConfigHeader()))).raw);
    responses.push((await env.gql(REGISTER_CLIENT_SIGNING_KEY, { input: { keyId: 'leak-private', publicKeyPem: privatePem } }, a(nuveiConfigHeader()))).raw);
    responses.push((await env.gql(CLIENT_SIGNING_KEYS, {}, a(nuveiConfigHeader()))).raw);
    responses.push((await env.gql(REVOKE_CLIENT_SIGNING_KEY, { keyId: 'leak-key' }, a(nuveiConfigHeader()))).raw);
    // A PEM line is 64 characters: any one of them would betray the text.
    const pemLines = [publicPem, privatePem].flatMap((text) => text.split('\n').filter((line) => line.length === 64));
    expect(pemLines.length).toBeGreaterThan(20);
    // stored connector accounts: create (verified and not), list, replace, failed verify, sessions from them, disable, other merchant
    const nuveiCreds = (secret: string, merchant: { merchantId: string; merchantSiteId: string } = TEST_NUVEI) => ({ merchant_id: merchant.merchantId, merchant_site_id: merchant.merchantSiteId, merchant_secret: secret });
    const account = async (document: string, variables: Record<string, unknown>, headers = authHeaders(env.merchantA.apiKey)) => {
      const res = await env.gql<Record<string, { connectorAccount: { id: string } | null }>>(document, variables, headers);
      responses.push(res.raw);
      return Object.values(res.data ?? {})[0]?.connectorAccount?.id ?? '';
    };
    const noConfig = authHeaders(env.merchantA.apiKey);
    const stored = await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'leak', testMode: true, isDefault: true, verify: true, credentials: nuveiCreds(canaries.nuveiSecret) } }, noConfig);
    const second = await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'leak 2', testMode: true, credentials: nuveiCreds(canaries.accountSecret2, TEST_NUVEI_2) } }, noConfig);
    await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'PAYTM', label: 'leak p', testMode: true, isDefault: true, credentials: { merchant_id: TEST_PAYTM.merchantId, merchant_key: canaries.paytmKey, website: TEST_PAYTM.website } } }, noConfig);
    await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'wrong', testMode: true, verify: true, credentials: nuveiCreds(canaries.accountVerifyWrong) } }, noConfig);
    await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'bad', testMode: true, credentials: { merchant_id: canaries.accountVerifyWrong } } }, noConfig);
    await account(CONNECTOR_ACCOUNTS, {}, noConfig);
    await call(nuvei('leak_12'), noConfig);
    await call(nuvei('leak_13', { connectorAccountId: second }), noConfig);
    await call(paytm('LEAK_14'), noConfig);
    await account(UPDATE_CONNECTOR_ACCOUNT, { id: second, input: { credentials: nuveiCreds(canaries.accountReplaced, TEST_NUVEI_2) } }, noConfig);
    await call(nuvei('leak_15', { connectorAccountId: second }), noConfig);
    await account(UPDATE_CONNECTOR_ACCOUNT, { id: stored, input: { label: 'stolen' } }, authHeaders(env.merchantB.apiKey));
    await call(nuvei('leak_16', { connectorAccountId: stored }), authHeaders(env.merchantB.apiKey));
    await account(DISABLE_CONNECTOR_ACCOUNT, { id: stored }, noConfig);
    await call(nuvei('leak_17', { connectorAccountId: stored }), noConfig);

    // Payments and wallet session tokens: the client secret is shown once (createPayment) and echoed to
    // its holder by POST /payments/session_tokens; wrong, other-merchant and expired-style calls; Apple
    // Pay certificate and key offered through GraphQL (refused) and stored sealed (repository).
    const clientSecrets: string[] = [];
    const pem = (kind: string, body: string) => `-----BEGIN ${kind}-----\n${body}\n-----END ${kind}-----\n`;
    const applePay = { merchantIdentifier: 'merchant.com.leak', displayName: 'Leak', domains: ['leak.example.test'], certificatePem: pem('CERTIFICATE', canaries.appleCertificate), privateKeyPem: pem('PRIVATE KEY', canaries.appleKey) };
    await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'apple gql', testMode: true, credentials: nuveiCreds(canaries.nuveiSecret), wallets: ['APPLE_PAY'], walletConfig: { applePay } } }, noConfig);
    await account(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'gpay', testMode: true, credentials: nuveiCreds(canaries.nuveiSecret), wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: { merchantName: 'Leak', gatewayMerchantId: 'googletest' } } } }, noConfig);
    await new ConnectorAccountRepository(env.prisma, createFieldEncryptor(env.encryptionKey)).create({
      id: '00000000-0000-4000-8000-00000000a991',
      merchantId: env.merchantA.id,
      connector: 'nuvei',
      label: 'apple stored',
      testMode: true,
      isDefault: false,
      wallets: ['APPLE_PAY'],
      credentialsJson: new Secret(JSON.stringify(nuveiCreds(canaries.nuveiSecret))),
      credentialHints: {},
      lastVerifiedAt: null,
      walletConfig: {
        config: { applePay: { ...applePay, merchantBusinessCountry: 'US', certificatePem: new Secret(applePay.certificatePem), privateKeyPem: new Secret(applePay.privateKeyPem) } },
        hints: { applePay: { merchantIdentifier: 'merchant.com.leak', displayName: 'Leak', domains: ['leak.example.test'], certificateNotAfter: '2030-01-01T00:00:00.000Z' } },
      },
    });
    responses.push((await env.gql(CONNECTOR_ACCOUNTS, {}, noConfig)).raw);
    for (const reference of ['leak-order-1', 'leak-order-1', 'leak-order-2']) {
      const created = await env.gql<{ createPayment: { clientSecret: string | null; payment: { id: string } } }>(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'USD' }, merchantReference: reference } }, noConfig);
      if (created.data?.createPayment.clientSecret) clientSecrets.push(created.data.createPayment.clientSecret);
      responses.push(created.raw);
    }
    const [secret1 = 'missing', secret2 = 'missing'] = clientSecrets;
    const payId = secret1.split('_secret_')[0] ?? '';
    responses.push((await env.gql(PAYMENT, { id: payId }, noConfig)).raw, (await env.gql(PAYMENTS, {}, noConfig)).raw);
    const pk = { 'api-key': env.merchantA.publishableKey };
    for (const [body, headers] of [
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { ...pk, 'x-client-platform': 'web', 'x-browser-name': 'Safari' }],
      [{ payment_id: payId, client_secret: secret2, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: `${secret1}0`, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { 'api-key': env.merchantB.publishableKey }],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { 'api-key': env.merchantA.apiKey }],
      [{ payment_id: payId, client_secret: secret1 }, pk],
    ] as Array<[Record<string, unknown>, Record<string, string>]>) {
      responses.push((await env.rest('/payments/session_tokens', body, headers)).raw);
    }
    responses.push((await env.gql(CREATE_WALLET_SESSION_TOKENS, { input: { paymentId: payId, clientSecret: secret1 } }, pk)).raw);
    responses.push((await env.gql(CREATE_WALLET_SESSION_TOKENS, { input: { paymentId: payId, clientSecret: secret2 } }, pk)).raw);
    expect(clientSecrets).toHaveLength(2);

    const issuedTokens = [...env.nuvei.issuedTokens, ...env.paytm.issuedTokens];
    expect(issuedTokens.length).toBeGreaterThanOrEqual(3);
    // Signatures and checksums the gateway received must not be echoed anywhere either.
    const wireSecrets = env.gateway.requests.flatMap((request) => {
      const found = /"(?:checksum|signature)":"([^"]+)"/g;
      return [...request.body.matchAll(found)].map((m) => m[1] as string);
    });
    expect(wireSecrets.length).toBeGreaterThan(0);

    const logs = env.logs.join('\n');
    const tables = await dumpTables();
    // /metrics with a wrong token is refused without echoing anything; with the token it holds no canary.
    const refused = await env.scrapeMetrics({ authorization: `Bearer ${canaries.metricsToken.slice(0, -1)}` });
    expect(refused.status).toBe(401);
    responses.push(refused.body);
    const metrics = await env.scrapeMetrics({ authorization: `Bearer ${canaries.metricsToken}` });
    expect(metrics.body).toContain('gateway_calls_total{');
    // The owner legitimately receives its live token in `sessionToken` / `token`; strip exactly those fields.
    // Likewise the client secret: in createPayment's payload and echoed to its holder by the REST answer.
    const responseText = responses
      .map((raw) => raw.replace(/"(sessionToken|token|session_token)":"CANARYTOKEN\d+"/g, '"$1":"<owner token>"'))
      .map((raw) => clientSecrets.reduce((text, secret) => text.replace(`"clientSecret":"${secret}"`, '"clientSecret":"<shown once>"').replace(`"client_secret":"${secret}"`, '"client_secret":"<holder>"'), raw))
      .join('\n');
    const everything = { logs, tables, responses: responseText, metrics: metrics.body };
    const secrets = [
      ...Object.values(canaries),
      env.merchantA.apiKey,
      env.merchantB.apiKey,
      env.merchantA.publishableKey,
      env.merchantB.publishableKey,
      ...keys,
      // The part of each key beyond its displayed prefix.
      ...[env.merchantA.apiKey, env.merchantA.publishableKey, ...keys].map((key) => key.slice(10)),
      ...pemLines,
      ...wireSecrets,
      CANARY_TOKEN,
      ...clientSecrets,
      // The random part of each client secret (the payment id before it is not secret).
      ...clientSecrets.map((secret) => secret.split('_secret_')[1] ?? 'missing'),
    ];
    const found: string[] = [];
    for (const [where, text] of Object.entries(everything)) {
      for (const secret of secrets) if (text.includes(secret)) found.push(`${secret.slice(0, 12)}… in ${where}`);
    }
    expect(found).toEqual([]);
    // The owner did receive its token (so the strip above was not vacuous).
    expect(responses.join('\n')).toContain(created.sessionToken ?? 'missing');
    expect(logs.length).toBeGreaterThan(1000);
    // The dump really holds the flows' rows (revoked, failed, unknown outcome, encrypted state).
    for (const status of ['REVOKED', 'FAILED', 'OUTCOME_UNKNOWN', 'ACTIVE']) expect(tables).toContain(`"${status}"`);
    expect(tables).toContain('access_token_ciphertext');
    expect(tables).toContain('"leak pk"');
    expect(tables).toContain('"leak-key"');
    expect(tables).toContain('credentials_ciphertext');
    // 3 credential accounts + the Google Pay one + the Apple Pay one stored sealed (the GraphQL Apple Pay save is refused).
    expect(await env.prisma.connectorAccount.count()).toBe(5);
    expect(tables).toContain('wallet_config_ciphertext');
    expect(tables).toContain('client_secret_hash');
    expect(responses.join('\n')).toContain('"client_secret":"');
    expect(await env.prisma.paymentSession.count({ where: { connectorAccountId: { not: null } } })).toBe(4);
  });
});
