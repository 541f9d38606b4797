import { randomUUID } from 'node:crypto';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_PAYMENT, CREATE_WALLET_SESSION_TOKENS } from '@prism-sessions/testing-graphql-documents';
import { Secret } from '@prism-sessions/masking';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { createFieldEncryptor } from '../crypto/field-encryption';
import { FakeApplePayClient } from '../testing/fake-apple-pay-client';
import { authHeaders, startIntegrationEnv, TEST_NUVEI, TEST_PAYPAL, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(180_000);

const PATH = '/payments/session_tokens';
const NUVEI_CREDS = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: 'CANARY_SECRET_BAD_WALLET_INPUT' };
const PAYTM_CREDS = { merchant_id: TEST_PAYTM.merchantId, merchant_key: TEST_PAYTM.merchantKey, website: TEST_PAYTM.website };
const PAYPAL_CREDS = { client_id: TEST_PAYPAL.clientId, client_secret: TEST_PAYPAL.clientSecret };
const CANARY = 'CANARY_SECRET_BAD_WALLET_INPUT';

const apple = new FakeApplePayClient();
let env: IntegrationEnv;
let payment: { id: string; clientSecret: string };
let otherPayment: { id: string; clientSecret: string };

type Body = Record<string, unknown>;
/** A REST case: a body (object, or raw text) and headers; the upstream code and status it must get. */
interface RestCase {
  readonly name: string;
  readonly body: (valid: Body) => unknown;
  readonly headers?: (pk: string) => Record<string, string>;
  readonly contentType?: string;
  readonly status: number;
  readonly code: string;
}
const valid = (): Body => ({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] });
const patched = (patch: (body: Body) => void) => (body: Body) => {
  patch(body);
  return body;
};
const mcd = (value: unknown) => patched((b) => (b['merchant_connector_details'] = value));
const IR_06 = { status: 400, code: 'IR_06' };

const restCases: RestCase[] = [
  { name: 'body is not JSON', body: () => '{"payment_id": ', ...IR_06 },
  { name: 'body is a JSON array', body: () => '[]', ...IR_06 },
  { name: 'body is a JSON string', body: () => '"pay_x"', ...IR_06 },
  { name: 'body is JSON null', body: () => 'null', ...IR_06 },
  { name: 'body is text/plain', body: () => 'payment_id=x', contentType: 'text/plain', ...IR_06 },
  { name: 'empty object', body: () => ({}), ...IR_06 },
  { name: 'payment_id missing', body: patched((b) => delete b['payment_id']), ...IR_06 },
  { name: 'payment_id a number', body: patched((b) => (b['payment_id'] = 12)), ...IR_06 },
  { name: 'payment_id null', body: patched((b) => (b['payment_id'] = null)), ...IR_06 },
  { name: 'payment_id 65 characters', body: patched((b) => (b['payment_id'] = 'p'.repeat(65))), ...IR_06 },
  { name: 'client_secret missing', body: patched((b) => delete b['client_secret']), ...IR_06 },
  { name: 'client_secret an object', body: patched((b) => (b['client_secret'] = { s: 1 })), ...IR_06 },
  { name: 'client_secret 129 characters', body: patched((b) => (b['client_secret'] = `${CANARY}${'s'.repeat(129)}`)), ...IR_06 },
  { name: 'wallets missing', body: patched((b) => delete b['wallets']), ...IR_06 },
  { name: 'wallets null', body: patched((b) => (b['wallets'] = null)), ...IR_06 },
  { name: 'wallets a string', body: patched((b) => (b['wallets'] = 'google_pay')), ...IR_06 },
  { name: 'wallets an object', body: patched((b) => (b['wallets'] = { google_pay: true })), ...IR_06 },
  { name: 'wallet a number', body: patched((b) => (b['wallets'] = [1])), ...IR_06 },
  { name: 'wallet upper-cased', body: patched((b) => (b['wallets'] = ['GOOGLE_PAY'])), ...IR_06 },
  { name: 'unknown wallet', body: patched((b) => (b['wallets'] = ['google_pay', 'crypto_wallet_x'])), ...IR_06 },
  { name: 'wallet carrying a secret', body: patched((b) => (b['wallets'] = [CANARY])), ...IR_06 },
  { name: '200 wallets', body: patched((b) => (b['wallets'] = Array.from({ length: 200 }, () => 'google_pay'))), ...IR_06 },
  { name: 'merchant_connector_details a string', body: mcd('creds'), ...IR_06 },
  { name: 'merchant_connector_details without creds_identifier', body: mcd({ encoded_data: { connector_account_details: {} } }), ...IR_06 },
  { name: 'merchant_connector_details without encoded_data', body: mcd({ creds_identifier: 'c' }), ...IR_06 },
  { name: 'merchant_connector_details without connector_account_details', body: mcd({ creds_identifier: 'c', encoded_data: {} }), ...IR_06 },
  { name: 'merchant_connector_details metadata a string', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: {}, metadata: 'x' } }), ...IR_06 },
  { name: 'merchant_connector_details unknown connector', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Stripe: { api_key: CANARY } } } }), ...IR_06 },
  { name: 'merchant_connector_details incomplete Paytm credentials', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Paytm: { merchant_id: 'M', merchant_key: CANARY } } } }), ...IR_06 },
  { name: 'merchant_connector_details undeclared credential field', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Paytm: { ...PAYTM_CREDS, [CANARY]: 'x' } } } }), ...IR_06 },
  { name: 'merchant_connector_details Paypal credentials without client_id', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Paypal: { client_secret: CANARY } } } }), ...IR_06 },
  { name: 'merchant_connector_details Paypal credentials with an access token', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Paypal: { ...PAYPAL_CREDS, access_token: CANARY } } } }), ...IR_06 },
  { name: 'merchant_connector_details Paypal credentials an array', body: mcd({ creds_identifier: 'c', encoded_data: { connector_account_details: { Paypal: [CANARY] } } }), ...IR_06 },
  { name: 'payment_id not a payment id', body: patched((b) => (b['payment_id'] = 'order-1')), status: 404, code: 'HE_02' },
  { name: 'payment_id of nobody', body: patched((b) => (b['payment_id'] = 'pay_ZZZZZZZZZZZZZZZZZZZZ')), status: 404, code: 'HE_02' },
  { name: 'empty client_secret', body: patched((b) => (b['client_secret'] = '')), status: 400, code: 'IR_09' },
  { name: 'client_secret without _secret_', body: patched((b) => (b['client_secret'] = CANARY)), status: 400, code: 'IR_09' },
  { name: 'client_secret of another payment', body: patched((b) => (b['client_secret'] = otherPayment.clientSecret)), status: 400, code: 'IR_09' },
  { name: 'no api-key', body: valid, headers: () => ({}), status: 401, code: 'IR_01' },
  { name: 'empty api-key', body: valid, headers: () => ({ 'api-key': '' }), status: 401, code: 'IR_01' },
  { name: 'publishable key as Bearer only', body: valid, headers: (pk) => ({ authorization: `Bearer ${pk}` }), status: 401, code: 'IR_01' },
  { name: 'secret key in api-key', body: valid, headers: () => ({ 'api-key': env.merchantA.apiKey }), status: 401, code: 'IR_01' },
  { name: 'made-up key in api-key', body: valid, headers: () => ({ 'api-key': `pk_${CANARY}` }), status: 401, code: 'IR_01' },
];

/** A GraphQL case: a document and variables, the error code(s) and the field named. */
interface GqlCase {
  readonly name: string;
  readonly query: string;
  readonly variables: () => Record<string, unknown>;
  readonly headers?: () => Record<string, string>;
  /** Substring the error must contain (the field at fault) or the payload error code. */
  readonly field: string;
}
const tokens = (patch: (input: Body) => void): Pick<GqlCase, 'query' | 'variables'> => ({
  query: CREATE_WALLET_SESSION_TOKENS,
  variables: () => {
    const input: Body = { paymentId: payment.id, clientSecret: payment.clientSecret };
    patch(input);
    return { input };
  },
});
const newPayment = (patch: (input: Body) => void): Pick<GqlCase, 'query' | 'variables' | 'headers'> => ({
  query: CREATE_PAYMENT,
  headers: () => authHeaders(env.merchantA.apiKey),
  variables: () => {
    const input: Body = { amount: { minorAmount: 1000, currency: 'USD' } };
    patch(input);
    return { input };
  },
});
const GOOGLE = { merchantName: 'Acme', gatewayMerchantId: 'googletest' };
const APPLE = { merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test'], certificatePem: `-----BEGIN CERTIFICATE-----\n${CANARY}\n-----END CERTIFICATE-----`, privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${CANARY}\n-----END PRIVATE KEY-----` };
const walletConfig = (config: Body, connector: 'NUVEI' | 'PAYTM' | 'PAYPAL' = 'NUVEI'): Pick<GqlCase, 'query' | 'variables' | 'headers'> => ({
  query: CREATE_CONNECTOR_ACCOUNT,
  headers: () => authHeaders(env.merchantA.apiKey),
  variables: () => ({ input: { connector, label: 'bad wallet', testMode: true, credentials: { NUVEI: NUVEI_CREDS, PAYTM: PAYTM_CREDS, PAYPAL: PAYPAL_CREDS }[connector], walletConfig: config } }),
});

const gqlCases: GqlCase[] = [
  { name: 'tokens: paymentId missing', field: 'paymentId', ...tokens((i) => delete i['paymentId']) },
  { name: 'tokens: clientSecret null', field: 'clientSecret', ...tokens((i) => (i['clientSecret'] = null)) },
  { name: 'tokens: unknown wallet', field: 'wallets', ...tokens((i) => (i['wallets'] = ['VENMO'])) },
  { name: 'tokens: repeated wallet', field: 'wallets', ...tokens((i) => (i['wallets'] = ['GOOGLE_PAY', 'GOOGLE_PAY'])) },
  { name: 'tokens: paymentId 65 characters', field: 'paymentId', ...tokens((i) => (i['paymentId'] = 'p'.repeat(65))) },
  { name: 'tokens: clientSecret 129 characters', field: 'clientSecret', ...tokens((i) => (i['clientSecret'] = `${CANARY}${'s'.repeat(129)}`)) },
  { name: 'tokens: clientPlatform 33 characters', field: 'clientPlatform', ...tokens((i) => (i['clientPlatform'] = 'w'.repeat(33))) },
  { name: 'tokens: browserName 65 characters', field: 'browserName', ...tokens((i) => (i['browserName'] = 'b'.repeat(65))) },
  { name: 'tokens: merchantDomain 254 characters', field: 'merchantDomain', ...tokens((i) => (i['merchantDomain'] = 'd'.repeat(254))) },
  { name: 'tokens: clientSecret a number', field: 'clientSecret', ...tokens((i) => (i['clientSecret'] = 5)) },
  { name: 'createPayment: zero amount', field: 'minorAmount', ...newPayment((i) => (i['amount'] = { minorAmount: 0, currency: 'USD' })) },
  { name: 'createPayment: unknown currency', field: 'currency', ...newPayment((i) => (i['amount'] = { minorAmount: 1, currency: 'XXY' })) },
  { name: 'createPayment: amount missing', field: 'amount', ...newPayment((i) => delete i['amount']) },
  { name: 'createPayment: sessionExpirySeconds 59', field: 'sessionExpirySeconds', ...newPayment((i) => (i['sessionExpirySeconds'] = 59)) },
  { name: 'createPayment: sessionExpirySeconds 86401', field: 'sessionExpirySeconds', ...newPayment((i) => (i['sessionExpirySeconds'] = 86_401)) },
  { name: 'createPayment: merchantReference with a space', field: 'merchantReference', ...newPayment((i) => (i['merchantReference'] = 'order 1')) },
  { name: 'createPayment: merchantReference 65 characters', field: 'merchantReference', ...newPayment((i) => (i['merchantReference'] = 'r'.repeat(65))) },
  { name: 'createPayment: billingCountry lower case', field: 'billingCountry', ...newPayment((i) => (i['billingCountry'] = 'us')) },
  { name: 'createPayment: description with a control character', field: 'description', ...newPayment((i) => (i['description'] = 'a\u0007b')) },
  { name: 'createPayment: empty customerId', field: 'customerId', ...newPayment((i) => (i['customerId'] = '')) },
  { name: 'walletConfig: googlePay without gatewayMerchantId', field: 'gatewayMerchantId', ...walletConfig({ googlePay: { merchantName: 'Acme' } }) },
  { name: 'walletConfig: googlePay blank merchantName', field: 'merchantName', ...walletConfig({ googlePay: { ...GOOGLE, merchantName: '   ' } }) },
  { name: 'walletConfig: googlePay unknown card network', field: 'allowedCardNetworks', ...walletConfig({ googlePay: { ...GOOGLE, allowedCardNetworks: ['DINERS_X'] } }) },
  { name: 'walletConfig: googlePay no auth method', field: 'allowedAuthMethods', ...walletConfig({ googlePay: { ...GOOGLE, allowedAuthMethods: [] } }) },
  { name: 'walletConfig: googlePay on Paytm', field: 'walletConfig.googlePay', ...walletConfig({ googlePay: GOOGLE }, 'PAYTM') },
  { name: 'walletConfig: googlePay on PayPal', field: 'walletConfig.googlePay', ...walletConfig({ googlePay: GOOGLE }, 'PAYPAL') },
  { name: 'walletConfig: applePay on PayPal', field: 'walletConfig.applePay', ...walletConfig({ applePay: APPLE }, 'PAYPAL') },
  { name: 'walletConfig: applePay no domain', field: 'domains', ...walletConfig({ applePay: { ...APPLE, domains: [] } }) },
  { name: 'walletConfig: applePay bad domain', field: 'domain', ...walletConfig({ applePay: { ...APPLE, domains: ['Not A Domain'] } }) },
  { name: 'walletConfig: applePay certificate too long', field: 'certificatePem', ...walletConfig({ applePay: { ...APPLE, certificatePem: 'c'.repeat(16_385) } }) },
  { name: 'walletConfig: applePay merchantIdentifier with a space', field: 'merchantIdentifier', ...walletConfig({ applePay: { ...APPLE, merchantIdentifier: 'merchant com' } }) },
  { name: 'walletConfig: applePay unusable certificate', field: 'applePay.certificatePem', ...walletConfig({ applePay: APPLE }) },
];

async function counts() {
  return { payments: await env.prisma.payment.count(), sessions: await env.prisma.paymentSession.count(), accounts: await env.prisma.connectorAccount.count() };
}
let baseline: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  env = await startIntegrationEnv({ applePay: apple, env: { PAYTM_CHECKOUT_SESSION_TOKENS: 'true' } });
  const create = async () => {
    const res = await env.gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'INR' }, billingCountry: 'IN' } }, authHeaders(env.merchantA.apiKey));
    return { id: res.data?.createPayment.payment.id ?? '', clientSecret: res.data?.createPayment.clientSecret ?? '' };
  };
  payment = await create();
  otherPayment = await create();
  // A valid call would call Apple, mint a Paytm session (a write) and a PayPal client token: bad input must do none of these.
  await env.gql(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'PAYTM', label: 'upi', testMode: true, credentials: PAYTM_CREDS, wallets: ['UPI_INTENT'] } }, authHeaders(env.merchantA.apiKey));
  await env.gql(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'PAYPAL', label: 'paypal', testMode: true, credentials: PAYPAL_CREDS, wallets: ['PAYPAL'] } }, authHeaders(env.merchantA.apiKey));
  await new ConnectorAccountRepository(env.prisma, createFieldEncryptor(env.encryptionKey)).create({
    id: randomUUID(),
    merchantId: env.merchantA.id,
    connector: 'nuvei',
    label: 'apple',
    testMode: true,
    isDefault: false,
    wallets: ['APPLE_PAY'],
    credentialsJson: new Secret(JSON.stringify(NUVEI_CREDS)),
    credentialHints: {},
    lastVerifiedAt: null,
    walletConfig: { config: { applePay: { ...APPLE, certificatePem: new Secret(APPLE.certificatePem), privateKeyPem: new Secret(APPLE.privateKeyPem) } }, hints: {} },
  });
  baseline = await counts();
});
afterAll(async () => {
  await env?.close();
});

describe('POST /payments/session_tokens bad-input corpus', () => {
  it('has at least 30 REST cases and 60 in all', () => {
    expect(restCases.length).toBeGreaterThanOrEqual(30);
    expect(restCases.length + gqlCases.length).toBeGreaterThanOrEqual(60);
  });

  it.each(restCases)('$name → $status $code', async (testCase) => {
    const raw = testCase.body(valid());
    const headers = { 'content-type': testCase.contentType ?? 'application/json', ...(testCase.headers ? testCase.headers(env.merchantA.publishableKey) : { 'api-key': env.merchantA.publishableKey }) };
    const res = await fetch(new URL(PATH, env.url), { method: 'POST', headers, body: typeof raw === 'string' ? raw : JSON.stringify(raw) });
    const text = await res.text();
    expect(res.status).toBe(testCase.status);
    const body = JSON.parse(text) as { error: Record<string, string> };
    expect(body.error['code']).toBe(testCase.code);
    expect(body.error[testCase.code === 'IR_06' ? 'error_type' : 'type']).toBe(testCase.code === 'HE_00' ? 'api' : 'invalid_request');
    expect(typeof body.error['message']).toBe('string');
    expect(text).not.toContain(CANARY);
    expect(await counts()).toEqual(baseline);
    expect(apple.calls).toHaveLength(0);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('refuses other methods with 405', async () => {
    const res = await fetch(new URL(PATH, env.url), { method: 'GET' });
    expect(res.status).toBe(405);
  });
});

describe('GraphQL bad-input corpus (wallet session tokens, payments, wallet configuration)', () => {
  it.each(gqlCases)('$name', async (testCase) => {
    const res = await env.gql<Record<string, { errors?: Array<{ code: string }> }>>(testCase.query, testCase.variables(), testCase.headers ? testCase.headers() : { 'api-key': env.merchantA.publishableKey });
    expect(res.errors?.length).toBeGreaterThan(0);
    for (const error of res.errors ?? []) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(error.extensions?.['code']);
    expect(res.raw).toContain(testCase.field);
    expect(res.raw).not.toContain(CANARY);
    expect(await counts()).toEqual(baseline);
    expect(apple.calls).toHaveLength(0);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('still serves a valid request afterwards (Apple called, Paytm session and PayPal client token minted)', async () => {
    const res = await env.rest(PATH, valid(), { 'api-key': env.merchantA.publishableKey, 'x-client-platform': 'web', 'x-browser-name': 'Safari' });
    expect(res.status).toBe(200);
    expect((res.body as { session_token: Array<{ wallet_name: string }> }).session_token.map((t) => t.wallet_name).sort()).toEqual(['apple_pay', 'paypal', 'paytm_checkout']);
    expect(env.paypal.issuedTokens).toHaveLength(1);
    expect(apple.calls).toHaveLength(1);
    expect((await counts()).sessions).toBe(baseline.sessions + 1);
  });
});
