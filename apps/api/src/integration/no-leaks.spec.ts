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
  CREATE_CLIENT_AUTH_TOKEN,
  LINK_UPI_ACCOUNT,
  RECORD_UPI_DEVICE_BINDING,
  UPI_CUSTOMER,
  UPI_GET_SESSION_TOKEN,
  CREATE_PAYMENT,
  PAYMENT,
  PAYMENTS,
  CREATE_WALLET_SESSION_TOKENS,
} from '@prism-sessions/testing-graphql-documents';
import { postProcess, registerKey, signedEnvelope, withNewRequestId } from '../testing/hyperapi-client';
import { Secret } from '@prism-sessions/masking';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { createFieldEncryptor } from '../crypto/field-encryption';
import { SessionTokenGrpcClient } from '../testing/grpc-client';
import {
  authHeaders,
  nuveiConfigHeader,
  paypalConfigHeader,
  paytmConfigHeader,
  startIntegrationEnv,
  TEST_NUVEI,
  TEST_NUVEI_2,
  TEST_PAYPAL,
  TEST_PAYTM,
  type IntegrationEnv,
} from '../testing/integration-harness';

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
  // HyperSDK / UPI: full account and mobile numbers (only masked forms may appear), a declared mobile.
  upiAccountNumber: '918273645501',
  upiMobile: '919988776655',
  upiMobileNational: '9988776655',
  declaredMobile: '917766554433',
  // PayPal: the REST app secret (header and stored account), a wrong one, a caller-supplied access token.
  paypalSecret: TEST_PAYPAL.clientSecret,
  paypalWrongSecret: 'CANARY_PAYPAL_WRONG_SECRET',
  paypalCallerToken: 'CANARY_PAYPAL_CALLER_ACCESS_TOKEN',
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
  // Every table there is, so a new one cannot be missed.
  const tables = (await env.prisma.$queryRawUnsafe<Array<{ tablename: string }>>(`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`)).map((row) => row.tablename);
  expect(tables).toEqual(expect.arrayContaining(['payment_sessions', 'payments', 'hyper_sdk_sessions', 'upi_linked_accounts', 'client_auth_tokens']));
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

    // HyperSDK: signed envelopes (success, duplicate, refusals) through REST and GraphQL, UPI state with
    // full numbers, a clientAuthToken minted (shown once) and used.
    const hyperKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const hyperPrivatePem = hyperKey.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    await registerKey(env, env.merchantA.apiKey, 'leak-hyper', hyperKey.publicKey);
    const upi = async (document: string, variables: Record<string, unknown>) => responses.push((await env.gql(document, variables, noConfig)).raw);
    await upi(RECORD_UPI_DEVICE_BINDING, { input: { customerId: 'leak-cust', deviceFingerPrint: 'leak-fp', mobileNumber: canaries.upiMobile, activated: true } });
    await upi(LINK_UPI_ACCOUNT, { input: { customerId: 'leak-cust', vpa: 'leak@psp', bankCode: '11111', bankName: 'ABCD', accountNumber: canaries.upiAccountNumber, mpinSet: true, mpinLength: 6, otpLength: 6, atmPinLength: 6, isPrimary: true, isDefault: true } });
    await upi(LINK_UPI_ACCOUNT, { input: { customerId: 'leak-cust', vpa: 'bad vpa', bankCode: '11111', bankName: 'ABCD', accountNumber: canaries.upiAccountNumber, mpinSet: true, mpinLength: 6, otpLength: 6, atmPinLength: 6, isPrimary: true, isDefault: true } });
    await upi(RECORD_UPI_DEVICE_BINDING, { input: { customerId: 'leak-cust', deviceFingerPrint: 'leak-fp2', mobileNumber: `${canaries.upiMobile}9`, activated: true } });
    await upi(UPI_CUSTOMER, { customerId: 'leak-cust' });
    const hyperEnvelopes = [
      signedEnvelope({ privateKey: hyperKey.privateKey, keyId: 'leak-hyper', merchantId: env.merchantA.id, customerId: 'leak-cust', payload: { customerMobileNumber: canaries.declaredMobile } }),
      signedEnvelope({ privateKey: hyperKey.privateKey, keyId: 'leak-hyper', merchantId: env.merchantB.id, customerId: 'leak-cust' }),
      signedEnvelope({ privateKey: hyperKey.privateKey, keyId: 'leak-hyper', merchantId: env.merchantA.id, customerId: 'leak-cust', timestampMs: Date.now() - 3_600_000 }),
    ];
    const linkedAnswer = await postProcess(env.url, hyperEnvelopes[0]);
    expect(linkedAnswer.body['payload']).toMatchObject({ status: 'LINKED', customerMobileNumber: '+91XXXXXX6655' });
    responses.push(linkedAnswer.raw, (await postProcess(env.url, hyperEnvelopes[0])).raw);
    for (const envelope of hyperEnvelopes) {
      responses.push((await postProcess(env.url, withNewRequestId(envelope))).raw);
      responses.push((await env.gql(UPI_GET_SESSION_TOKEN, { request: withNewRequestId(envelope) })).raw);
      const payload = envelope['payload'] as Record<string, unknown>;
      responses.push((await postProcess(env.url, { ...withNewRequestId(envelope), payload: { ...payload, signaturePayload: { leak: payload['signature'] } } })).raw);
      responses.push((await env.gql(UPI_GET_SESSION_TOKEN, { request: { ...withNewRequestId(envelope), payload: { ...payload, signaturePayload: { leak: payload['signature'] } } } })).raw);
    }
    const minted = await env.gql<{ createClientAuthToken: { clientAuthToken: string } }>(CREATE_CLIENT_AUTH_TOKEN, { input: { customerId: 'leak-cust' } }, noConfig);
    const clientAuthToken = minted.data?.createClientAuthToken.clientAuthToken ?? 'missing-token';
    responses.push(minted.raw.replace(clientAuthToken, '<shown once>'));
    const tokenEnvelope = { requestId: 'leak-token-1', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', clientAuthToken, merchantId: env.merchantA.id, customerId: 'leak-cust' } };
    responses.push((await postProcess(env.url, withNewRequestId(tokenEnvelope))).raw);
    responses.push((await postProcess(env.url, withNewRequestId({ ...tokenEnvelope, payload: { ...tokenEnvelope.payload, customerId: 'someone-else' } }))).raw);
    const hyperSecrets = [
      ...hyperEnvelopes.flatMap((envelope) => {
        const payload = envelope['payload'] as Record<string, string>;
        return [payload['signature'] as string, payload['signaturePayload'] as string];
      }),
      ...hyperPrivatePem.split('\n').filter((line) => line.length === 64),
      clientAuthToken,
    ];
    expect(hyperSecrets.length).toBeGreaterThan(20);

    // PayPal: access token fetched and stored, reused, refused (401 → refreshed), invalid_client, 5xx,
    // malformed answer, a caller's token, a verified account, client tokens minted for it.
    const paypal = (id: string, extra: Record<string, unknown> = {}) => ({
      connector: 'PAYPAL',
      merchantSessionId: id,
      amount: { minorAmount: 1000, currency: 'USD' },
      metadata: canaries.metadata,
      browserInfo: pii.browserInfo,
      ...extra,
    });
    const paypalSession = await call(paypal('pp_leak_1'), a(paypalConfigHeader()));
    expect(paypalSession.sessionToken).toMatch(/^CANARYTOKEN/);
    await call(paypal('pp_leak_2'), a(paypalConfigHeader()));
    env.paypal.revokeAccessTokens();
    await call(paypal('pp_leak_3'), a(paypalConfigHeader()));
    await call(paypal('pp_leak_4'), a(paypalConfigHeader(canaries.paypalWrongSecret)));
    env.gateway.setFault('paypal', { kind: 'status', status: 503, body: '{"name":"INTERNAL_SERVER_ERROR","debug_id":"d1"}', contentType: 'application/json' }, { times: 1 });
    await call(paypal('pp_leak_5'), a(paypalConfigHeader()));
    env.gateway.setFault('paypal', { kind: 'malformed-json' }, { times: 1 });
    await call(paypal('pp_leak_6'), a(paypalConfigHeader()));
    await call(paypal('pp_leak_7', { state: { accessToken: { token: canaries.paypalCallerToken, expiresInSeconds: 600 } } }), a(paypalConfigHeader()));
    const paypalAccount = await account(
      CREATE_CONNECTOR_ACCOUNT,
      { input: { connector: 'PAYPAL', label: 'leak pp', testMode: true, verify: true, wallets: ['PAYPAL'], credentials: { client_id: TEST_PAYPAL.clientId, client_secret: canaries.paypalSecret } } },
      noConfig,
    );
    for (const minted of [await env.clientTokens.mint({ merchantId: env.merchantA.id, connectorAccountId: paypalAccount }), await env.clientTokens.mint({ merchantId: env.merchantA.id, connectorAccountId: paypalAccount })]) {
      expect(minted.kind).toBe('minted');
      responses.push(JSON.stringify(minted));
    }
    const paypalCredentialsOnWire = env.gateway.requests.flatMap((request) => {
      const basic = /^Basic (.+)$/.exec(request.headers['authorization'] ?? '')?.[1];
      return basic === undefined ? [] : [basic];
    });
    expect(paypalCredentialsOnWire.length).toBeGreaterThanOrEqual(4);
    expect(env.paypal.issuedAccessTokens.length).toBeGreaterThanOrEqual(3);

    const issuedTokens = [...env.nuvei.issuedTokens, ...env.paytm.issuedTokens, ...env.paypal.issuedTokens];
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
    // The answers to the payment's own client (right key, right secret): the only place a PayPal client token may appear.
    const ownerAnswers = new Set<string>();
    const ownerSecret = secret1;
    for (const [body, headers] of [
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { ...pk, 'x-client-platform': 'web', 'x-browser-name': 'Safari' }],
      [{ payment_id: payId, client_secret: secret2, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: `${secret1}0`, wallets: [] }, pk],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { 'api-key': env.merchantB.publishableKey }],
      [{ payment_id: payId, client_secret: secret1, wallets: [] }, { 'api-key': env.merchantA.apiKey }],
      [{ payment_id: payId, client_secret: secret1 }, pk],
    ] as Array<[Record<string, unknown>, Record<string, string>]>) {
      const answer = await env.rest('/payments/session_tokens', body, headers);
      if (answer.status === 200 && body['client_secret'] === ownerSecret) ownerAnswers.add(answer.raw);
      responses.push(answer.raw);
    }
    const ownerGraphQL = (await env.gql(CREATE_WALLET_SESSION_TOKENS, { input: { paymentId: payId, clientSecret: secret1 } }, pk)).raw;
    ownerAnswers.add(ownerGraphQL);
    responses.push(ownerGraphQL);
    responses.push((await env.gql(CREATE_WALLET_SESSION_TOKENS, { input: { paymentId: payId, clientSecret: secret2 } }, pk)).raw);
    expect(clientSecrets).toHaveLength(2);

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
    // A PayPal client token goes to the payment's client only: stripped from the owner's session_tokens answers, nowhere else.
    const clientTokenField = /"(client_token|clientToken)":"CANARYTOKEN\d+"/g;
    const ownerClientTokens = [...ownerAnswers].flatMap((raw) => raw.match(clientTokenField) ?? []);
    expect(ownerClientTokens).toHaveLength(3);
    const responseText = responses
      .map((raw) => (ownerAnswers.has(raw) ? raw.replace(clientTokenField, '"$1":"<payment client>"') : raw))
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
      ...hyperSecrets,
      ...paypalCredentialsOnWire,
      ...env.paypal.issuedAccessTokens,
      ...env.paypal.issuedTokens,
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
    expect(tables).toContain('XXXX5501');
    expect(logs).toContain('hyperapi session opened');
    expect(logs).toContain('"reason":"MERCHANT_MISMATCH"');
    expect(responseText).toContain('"maskedAccountNumber":"XXXX5501"');
    expect(tables).toContain('+91XXXXXX6655');
    expect(tables).toContain('+91XXXXXX4433');
    expect(tables).toContain('"CLIENT_AUTH_TOKEN"');
    // The header credentials' token, the account's token (also the paypal wallet's), and the state pp_leak_7 carried.
    expect(await env.prisma.connectorState.count({ where: { connector: 'PAYPAL' } })).toBe(3);
    // 4 credential accounts (Nuvei ×2, Paytm, PayPal) + the Google Pay one + the Apple Pay one stored sealed (the GraphQL Apple Pay save is refused).
    expect(await env.prisma.connectorAccount.count()).toBe(6);
    expect(tables).toContain('wallet_config_ciphertext');
    expect(tables).toContain('client_secret_hash');
    expect(responses.join('\n')).toContain('"client_secret":"');
    expect(await env.prisma.paymentSession.count({ where: { connectorAccountId: { not: null } } })).toBe(4);
  });
});
