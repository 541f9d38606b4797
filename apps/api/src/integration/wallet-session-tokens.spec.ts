import { randomUUID } from 'node:crypto';
import type { Clock } from '@prism-sessions/connector-interfaces';
import { Secret } from '@prism-sessions/masking';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_PAYMENT, CREATE_WALLET_SESSION_TOKENS, PAYMENT } from '@prism-sessions/testing-graphql-documents';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { createFieldEncryptor } from '../crypto/field-encryption';
import { appleSessionFor, FakeApplePayClient } from '../testing/fake-apple-pay-client';
import { authHeaders, startIntegrationEnv, TEST_NUVEI, TEST_NUVEI_2, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(180_000);

/** Real time unless a test pins it (expiry boundaries without sleeping). */
class PinnableClock implements Clock {
  pinned: Date | null = null;
  now(): Date {
    return this.pinned ? new Date(this.pinned) : new Date();
  }
}

const NUVEI_CREDS = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret };
const NUVEI_2_CREDS = { merchant_id: TEST_NUVEI_2.merchantId, merchant_site_id: TEST_NUVEI_2.merchantSiteId, merchant_secret: TEST_NUVEI_2.merchantSecret };
const PAYTM_CREDS = { merchant_id: TEST_PAYTM.merchantId, merchant_key: TEST_PAYTM.merchantKey, website: TEST_PAYTM.website };
const GOOGLE_PAY = { merchantName: 'Acme', gatewayMerchantId: 'googletest' };
const PATH = '/payments/session_tokens';

const apple = new FakeApplePayClient();
const clock = new PinnableClock();
let env: IntegrationEnv;
let accounts: ConnectorAccountRepository;

interface RestAnswer {
  status: number;
  body: { payment_id?: string; client_secret?: string; session_token?: Array<Record<string, unknown>>; error?: Record<string, string> };
}
interface GqlTokens {
  paymentId: string;
  sessionTokens: Array<Record<string, unknown> & { __typename: string }>;
  omitted: Array<{ wallet: string; connector: string; merchantConnectorId: string; code: string; message: string }>;
  errors: Array<{ code: string; message: string; httpStatus: number }>;
}

const pkA = () => ({ 'api-key': env.merchantA.publishableKey });

async function createPayment(input: Record<string, unknown> = {}, headers = authHeaders(env.merchantA.apiKey)): Promise<{ id: string; clientSecret: string; expiresAt: string }> {
  const res = await env.gql<{ createPayment: { clientSecret: string; payment: { id: string; clientSecretExpiresAt: string } } }>(
    CREATE_PAYMENT,
    { input: { amount: { minorAmount: 1000, currency: 'USD' }, ...input } },
    headers,
  );
  expect(res.errors).toBeUndefined();
  const payload = res.data?.createPayment;
  return { id: payload?.payment.id ?? '', clientSecret: payload?.clientSecret ?? '', expiresAt: payload?.payment.clientSecretExpiresAt ?? '' };
}

async function createAccount(input: Record<string, unknown>, apiKey = env.merchantA.apiKey): Promise<string> {
  const res = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } | null; error: unknown } }>(
    CREATE_CONNECTOR_ACCOUNT,
    { input: { connector: 'NUVEI', label: 'wallets', testMode: true, credentials: NUVEI_CREDS, ...input } },
    authHeaders(apiKey),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.createConnectorAccount.error).toBeNull();
  return res.data?.createConnectorAccount.connectorAccount?.id ?? '';
}

/**
 * An Apple Pay account, stored through the repository: the certificate checks at save time come with
 * the applepay branch (their GraphQL tests are in connector-account-wallets.spec.ts).
 */
async function createAppleAccount(extra: { merchantBusinessCountry?: string } = {}): Promise<string> {
  const id = randomUUID();
  await accounts.create({
    id,
    merchantId: env.merchantA.id,
    connector: 'nuvei',
    label: 'apple',
    testMode: true,
    isDefault: false,
    wallets: ['APPLE_PAY'],
    credentialsJson: new Secret(JSON.stringify(NUVEI_CREDS)),
    credentialHints: {},
    lastVerifiedAt: null,
    walletConfig: {
      config: {
        applePay: {
          merchantIdentifier: 'merchant.com.acme',
          displayName: 'Acme',
          domains: ['shop.acme.test'],
          ...extra,
          certificatePem: new Secret('-----BEGIN CERTIFICATE-----\nAPPLE_CERT_CANARY\n-----END CERTIFICATE-----\n'),
          privateKeyPem: new Secret('-----BEGIN PRIVATE KEY-----\nAPPLE_KEY_CANARY\n-----END PRIVATE KEY-----\n'),
        },
      },
      hints: { applePay: { merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test'], certificateNotAfter: '2030-01-01T00:00:00.000Z' } },
    },
  });
  return id;
}

async function rest(body: unknown, headers: Record<string, string> = pkA()): Promise<RestAnswer> {
  const res = await env.rest(PATH, body, headers);
  return { status: res.status, body: res.body as RestAnswer['body'] };
}

async function gqlTokens(input: Record<string, unknown>, headers: Record<string, string> = pkA()): Promise<GqlTokens> {
  const res = await env.gql<{ createWalletSessionTokens: GqlTokens }>(CREATE_WALLET_SESSION_TOKENS, { input }, headers);
  expect(res.errors).toBeUndefined();
  return res.data?.createWalletSessionTokens as GqlTokens;
}

beforeAll(async () => {
  env = await startIntegrationEnv({ clock, applePay: apple });
  accounts = new ConnectorAccountRepository(env.prisma, createFieldEncryptor(env.encryptionKey));
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  clock.pinned = null;
  apple.reset();
  await env.reset();
});

describe('POST /payments/session_tokens: error matrix (seed 003 §3.2, §11.4 #1)', () => {
  it('IR_06 (key error_type) for a body that does not deserialize, before the key is even looked at', async () => {
    const payment = await createPayment();
    const missingWallets = await rest({ payment_id: payment.id, client_secret: payment.clientSecret }, {});
    expect(missingWallets).toEqual({ status: 400, body: { error: { error_type: 'invalid_request', code: 'IR_06', message: 'Json deserialize error: missing field `wallets`' } } });
    const notJson = await env.rest(PATH, '{"payment_id":', pkA());
    expect(notJson.status).toBe(400);
    expect(notJson.body).toEqual({ error: { error_type: 'invalid_request', code: 'IR_06', message: 'Json deserialize error: expected value' } });
  });

  it('IR_01 (401) without a key, with an unknown key and with a secret key', async () => {
    const payment = await createPayment();
    const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] };
    const expected = { status: 401, body: { error: { type: 'invalid_request', code: 'IR_01', message: 'API key not provided or invalid API key used' } } };
    expect(await rest(body, {})).toEqual(expected);
    expect(await rest(body, { 'api-key': 'pk_not_a_key' })).toEqual(expected);
    expect(await rest(body, { 'api-key': env.merchantA.apiKey })).toEqual(expected);
    // Bearer is not how upstream's publishable-key auth reads the key.
    expect(await rest(body, authHeaders(env.merchantA.publishableKey))).toEqual(expected);
  });

  it('HE_02 (404) for an unknown payment and, identically, for another merchant’s payment', async () => {
    const payment = await createPayment();
    const expected = { status: 404, body: { error: { type: 'invalid_request', code: 'HE_02', message: 'Payment does not exist in our records' } } };
    expect(await rest({ payment_id: 'pay_AAAAAAAAAAAAAAAAAAAA', client_secret: 'pay_AAAAAAAAAAAAAAAAAAAA_secret_BBBBBBBBBBBBBBBBBBBB', wallets: [] })).toEqual(expected);
    expect(await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] }, { 'api-key': env.merchantB.publishableKey })).toEqual(expected);
  });

  it('IR_09 for a secret that does not match, checked before the status (§13.1)', async () => {
    const payment = await createPayment();
    const other = await createPayment();
    const expected = { status: 400, body: { error: { type: 'invalid_request', code: 'IR_09', message: 'The client_secret provided does not match the client_secret associated with the Payment' } } };
    expect(await rest({ payment_id: payment.id, client_secret: other.clientSecret, wallets: [] })).toEqual(expected);
    expect(await rest({ payment_id: payment.id, client_secret: `${payment.clientSecret}x`, wallets: [] })).toEqual(expected);
    await env.prisma.payment.update({ where: { id: payment.id }, data: { status: 'SUCCEEDED' } });
    expect(await rest({ payment_id: payment.id, client_secret: 'wrong', wallets: [] })).toEqual(expected);
  });

  it('IR_16 for succeeded and failed payments; cancelled payments still get tokens', async () => {
    const payment = await createPayment();
    const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] };
    await env.prisma.payment.update({ where: { id: payment.id }, data: { status: 'SUCCEEDED' } });
    expect(await rest(body)).toEqual({ status: 400, body: { error: { type: 'invalid_request', code: 'IR_16', message: 'You cannot create a session token for this payment because it has status succeeded' } } });
    await env.prisma.payment.update({ where: { id: payment.id }, data: { status: 'FAILED' } });
    expect((await rest(body)).body.error?.['code']).toBe('IR_16');
    await env.prisma.payment.update({ where: { id: payment.id }, data: { status: 'CANCELLED' } });
    expect((await rest(body)).status).toBe(200);
  });

  it('GraphQL carries the same codes in errors', async () => {
    const payment = await createPayment();
    const input = { paymentId: payment.id, clientSecret: payment.clientSecret };
    expect((await gqlTokens(input, authHeaders(env.merchantA.apiKey))).errors).toEqual([{ code: 'IR_01', message: 'API key not provided or invalid API key used', httpStatus: 401 }]);
    expect((await gqlTokens(input, { 'api-key': env.merchantB.publishableKey })).errors.map((e) => e.code)).toEqual(['HE_02']);
    expect((await gqlTokens({ ...input, clientSecret: 'nope' })).errors.map((e) => e.code)).toEqual(['IR_09']);
    await env.prisma.payment.update({ where: { id: payment.id }, data: { status: 'FAILED' } });
    expect((await gqlTokens(input)).errors).toEqual([{ code: 'IR_16', message: 'You cannot create a session token for this payment because it has status failed', httpStatus: 400 }]);
  });
});

describe('client secret expiry (§11.4 #2)', () => {
  it('accepts the secret at its deadline and refuses it 1 ms later with IR_08, on both surfaces', async () => {
    const payment = await createPayment();
    const deadline = new Date(payment.expiresAt);
    const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] };
    clock.pinned = deadline;
    expect((await rest(body)).status).toBe(200);
    expect((await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret })).errors).toEqual([]);
    clock.pinned = new Date(deadline.getTime() + 1);
    expect(await rest(body)).toEqual({ status: 400, body: { error: { type: 'invalid_request', code: 'IR_08', message: 'The provided client_secret has expired' } } });
    expect((await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret })).errors.map((e) => e.code)).toEqual(['IR_08']);
  });

  it('honours sessionExpirySeconds, and treats a payment without a secret as expired', async () => {
    const payment = await createPayment({ sessionExpirySeconds: 60 });
    const created = await env.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(created.clientSecretExpiresAt.getTime() - created.createdAt.getTime()).toBe(60_000);
    await env.prisma.payment.update({ where: { id: payment.id }, data: { clientSecretHash: null } });
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).body.error?.['code']).toBe('IR_08');
  });
});

describe('wallet tokens', () => {
  it('answers the seed’s curl example body (real ids) with 200', async () => {
    const payment = await createPayment();
    const res = await rest({
      payment_id: payment.id,
      client_secret: payment.clientSecret,
      wallets: ['ach'],
      merchant_connector_details: { creds_identifier: '<string>', encoded_data: { connector_account_details: {}, metadata: {} } },
    });
    expect(res).toEqual({ status: 200, body: { payment_id: payment.id, client_secret: payment.clientSecret, session_token: [] } });
  });

  it('builds Nuvei Google Pay exactly as upstream (§7 golden, §11.4 #5) without calling Nuvei', async () => {
    const accountId = await createAccount({ wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    const payment = await createPayment({ amount: { minorAmount: 3802, currency: 'USD' } });
    const res = await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] });
    expect(res.status).toBe(200);
    expect(res.body.session_token).toEqual([
      {
        wallet_name: 'google_pay',
        merchant_info: { merchant_name: 'Acme' },
        shipping_address_required: false,
        email_required: false,
        shipping_address_parameters: { phone_number_required: false },
        allowed_payment_methods: [
          {
            type: 'CARD',
            parameters: { allowed_auth_methods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowed_card_networks: ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'], billing_address_required: false },
            tokenization_specification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'nuveidigital', gateway_merchant_id: 'googletest' } },
          },
        ],
        transaction_info: { country_code: 'US', currency_code: 'USD', total_price_status: 'Final', total_price: '38.02' },
        delayed_session_token: false,
        connector: 'nuvei',
        sdk_next_action: { next_action: 'confirm' },
        secrets: null,
      },
    ]);
    expect(env.gateway.callCount()).toBe(0);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.sessionTokens).toEqual([
      {
        __typename: 'GooglePaySessionToken',
        connector: 'nuvei',
        merchantConnectorId: accountId,
        delayedSessionToken: false,
        shippingAddressRequired: false,
        emailRequired: false,
        merchantInfo: { merchantId: null, merchantName: 'Acme' },
        allowedPaymentMethods: [
          {
            type: 'CARD',
            parameters: { allowed_auth_methods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowed_card_networks: ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'], billing_address_required: false },
            tokenizationSpecification: { type: 'PAYMENT_GATEWAY', parameters: { gateway: 'nuveidigital', gateway_merchant_id: 'googletest' } },
          },
        ],
        transactionInfo: { countryCode: 'US', currencyCode: 'USD', totalPriceStatus: 'Final', totalPrice: '38.02' },
        sdkNextAction: { nextAction: 'CONFIRM', denyMessage: null },
      },
    ]);
  });

  it('uses the billing country and the Google merchant id when set; major units from the currency table', async () => {
    await createAccount({ wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: { ...GOOGLE_PAY, merchantId: 'BCR2DN0000000000', allowedAuthMethods: ['PAN_ONLY'], allowedCardNetworks: ['VISA'] } } });
    const payment = await createPayment({ amount: { minorAmount: 1234, currency: 'KWD' }, billingCountry: 'KW' });
    const [token] = (await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['google_pay'] })).body.session_token ?? [];
    expect(token?.['merchant_info']).toEqual({ merchant_id: 'BCR2DN0000000000', merchant_name: 'Acme' });
    expect(token?.['transaction_info']).toEqual({ country_code: 'KW', currency_code: 'KWD', total_price_status: 'Final', total_price: '1.234' });
  });

  it('filters by wallets: [] is every wallet, ["google_pay"] only Google Pay; missing wallets is IR_06 (§11.4 #4)', async () => {
    await createAccount({ wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    const names = async (wallets: string[]) =>
      ((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets }, { ...pkA(), 'x-client-platform': 'ios' })).body.session_token ?? []).map((t) => t['wallet_name']);
    expect(await names([])).toEqual(['google_pay', 'apple_pay']);
    expect(await names(['google_pay'])).toEqual(['google_pay']);
    expect(await names(['apple_pay', 'paypal'])).toEqual(['apple_pay']);
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret })).body.error?.['code']).toBe('IR_06');
  });

  it('two accounts of one connector (card + wallet) keep the wallet token, keyed by account id (§11.4 #7)', async () => {
    await createAccount({ label: 'cards', credentials: NUVEI_2_CREDS });
    const walletAccount = await createAccount({ label: 'wallets', wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    const second = await createAccount({ label: 'second', credentials: NUVEI_2_CREDS, wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: { ...GOOGLE_PAY, merchantName: 'Acme EU' } } });
    const payment = await createPayment();
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).body.session_token?.map((t) => t['wallet_name'])).toEqual(['google_pay', 'google_pay']);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret, wallets: ['GOOGLE_PAY'] });
    expect(gql.sessionTokens.map((t) => [t['merchantConnectorId'], (t['merchantInfo'] as { merchantName: string }).merchantName])).toEqual([
      [walletAccount, 'Acme'],
      [second, 'Acme EU'],
    ]);
  });

  it('a Paytm account serving UPI produces nothing in faithful mode (§11.4 #8), and paytm_checkout is not a wallet there', async () => {
    await createAccount({ connector: 'PAYTM', credentials: PAYTM_CREDS, wallets: ['UPI_INTENT', 'UPI_COLLECT'] });
    const payment = await createPayment({ amount: { minorAmount: 100, currency: 'INR' } });
    expect(await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).toEqual({ status: 200, body: { payment_id: payment.id, client_secret: payment.clientSecret, session_token: [] } });
    expect(await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['upi_intent'] })).toEqual({ status: 200, body: { payment_id: payment.id, client_secret: payment.clientSecret, session_token: [] } });
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['paytm_checkout'] })).body.error?.['code']).toBe('IR_06');
    expect(env.gateway.callCount()).toBe(0);
  });

  it('one broken wallet and one good: 200 with the good one, the broken one logged and listed in omitted (§11.4 #9)', async () => {
    const broken = await createAccount({ label: 'no config', wallets: ['GOOGLE_PAY'] });
    const good = await createAccount({ label: 'good', credentials: NUVEI_2_CREDS, wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    const payment = await createPayment();
    const res = await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] });
    expect(res.status).toBe(200);
    expect(res.body.session_token).toHaveLength(1);
    const line = env.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['msg'] === 'wallet session token omitted' && l['connectorAccountId'] === broken);
    expect(line).toMatchObject({ connector: 'nuvei', connectorAccountId: broken, wallet: 'GOOGLE_PAY', reason: 'WALLET_NOT_CONFIGURED', level: 'warn' });
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.sessionTokens.map((t) => t['merchantConnectorId'])).toEqual([good]);
    expect(gql.omitted).toEqual([{ wallet: 'GOOGLE_PAY', connector: 'nuvei', merchantConnectorId: broken, code: 'WALLET_NOT_CONFIGURED', message: expect.stringContaining('walletConfig.googlePay') }]);    const metrics = await env.scrapeMetrics();
    expect(metrics.body).toMatch(/wallet_session_tokens_total\{connector="nuvei",wallet="GOOGLE_PAY",outcome="produced"\} [1-9]/);
    expect(metrics.body).toMatch(/wallet_session_tokens_total\{connector="nuvei",wallet="GOOGLE_PAY",outcome="omitted"\} [1-9]/);
  });

  it('lists an enabled wallet the connector does not produce (Nuvei PayPal) in omitted', async () => {
    const id = await createAccount({ wallets: ['PAYPAL'] });
    const payment = await createPayment();
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.sessionTokens).toEqual([]);
    expect(gql.omitted).toEqual([{ wallet: 'PAYPAL', connector: 'nuvei', merchantConnectorId: id, code: 'WALLET_NOT_SUPPORTED', message: 'nuvei produces no PAYPAL session token' }]);
  });

  it('ignores disabled accounts', async () => {
    const id = await createAccount({ wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    await env.prisma.connectorAccount.update({ where: { id }, data: { enabled: false } });
    const payment = await createPayment();
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).body.session_token).toEqual([]);
  });
});

describe('Apple Pay (§5.3, §11.4 #6)', () => {
  it('web + Safari: Apple is called with the merchant domain and the session passed through in snake_case', async () => {
    await createAppleAccount();
    const payment = await createPayment({ billingCountry: 'FR', amount: { minorAmount: 1999, currency: 'EUR' } });
    const res = await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['apple_pay'] }, { ...pkA(), 'x-client-platform': 'web', 'x-browser-name': 'Safari', 'x-merchant-domain': 'shop.acme.test' });
    expect(res.status).toBe(200);
    expect(apple.calls).toEqual([{ merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', initiativeContext: 'shop.acme.test', certificatePem: expect.stringContaining('APPLE_CERT_CANARY') }]);
    const session = appleSessionFor({ merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', initiativeContext: 'shop.acme.test' });
    expect(res.body.session_token).toEqual([
      {
        wallet_name: 'apple_pay',
        session_token_data: {
          epoch_timestamp: session['epochTimestamp'],
          expires_at: session['expiresAt'],
          merchant_session_identifier: 'SSH_TEST_SESSION',
          nonce: 'a1b2c3d4',
          merchant_identifier: 'ABCDEF0123456789',
          domain_name: 'shop.acme.test',
          display_name: 'Acme',
          signature: session['signature'],
          operational_analytics_identifier: 'Acme:ABCDEF',
          retries: 0,
          psp_id: 'ABCDEF0123456789',
        },
        payment_request_data: {
          country_code: 'FR',
          currency_code: 'EUR',
          total: { label: 'Acme', type: 'final', amount: '19.99' },
          merchant_capabilities: ['supports3DS'],
          supported_networks: ['visa', 'masterCard', 'amex', 'discover'],
          merchant_identifier: 'merchant.com.acme',
        },
        connector: 'nuvei',
        delayed_session_token: false,
        sdk_next_action: { next_action: 'confirm' },
        connector_reference_id: null,
        connector_sdk_public_key: null,
        connector_merchant_id: null,
      },
    ]);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('no platform headers: Apple is called with the configured domain', async () => {
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    const res = await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] });
    expect(res.body.session_token?.[0]).toHaveProperty('session_token_data');
    expect(apple.calls.map((c) => c.initiativeContext)).toEqual(['shop.acme.test']);
  });

  it('ios: no Apple call and no session_token_data key', async () => {
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    const res = await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] }, { ...pkA(), 'x-client-platform': 'ios' });
    expect(res.status).toBe(200);
    expect(res.body.session_token).toHaveLength(1);
    expect(res.body.session_token?.[0]).not.toHaveProperty('session_token_data');
    expect(apple.calls).toHaveLength(0);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret, clientPlatform: 'ios' });
    expect(gql.sessionTokens[0]).toMatchObject({ __typename: 'ApplePaySessionToken', sessionTokenData: null, paymentRequestData: { countryCode: 'US' } });
  });

  it('Apple refusing on the web: the token is omitted, 200, the reason in GraphQL omitted; a refused client domain is retried once with the configured one', async () => {
    const id = await createAppleAccount({ merchantBusinessCountry: 'US' });
    apple.respond = () => ({ ok: false, code: 'APPLE_PAY_REFUSED', message: 'Apple refused the merchant validation' });
    const payment = await createPayment();
    const headers = { ...pkA(), 'x-client-platform': 'web', 'x-browser-name': 'Safari', 'x-merchant-domain': 'other.example.test' };
    expect(await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] }, headers)).toEqual({ status: 200, body: { payment_id: payment.id, client_secret: payment.clientSecret, session_token: [] } });
    expect(apple.calls.map((c) => c.initiativeContext)).toEqual(['other.example.test', 'shop.acme.test']);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret, clientPlatform: 'web', browserName: 'Safari' });
    expect(gql.omitted).toEqual([{ wallet: 'APPLE_PAY', connector: 'nuvei', merchantConnectorId: id, code: 'APPLE_PAY_REFUSED', message: 'Apple refused the merchant validation' }]);
  });

  it('omits Apple Pay when no country is known (upstream IR_04 inside the fan-out)', async () => {
    const id = await createAppleAccount();
    const payment = await createPayment();
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.omitted).toEqual([expect.objectContaining({ merchantConnectorId: id, code: 'MISSING_COUNTRY_CODE' })]);
  });

  it('holds one lock per payment: a second request waits until the first is done', async () => {
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    let release: () => void = () => undefined;
    apple.gate = new Promise((resolve) => (release = resolve));
    const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] };
    const first = rest(body);
    await waitFor(() => apple.calls.length === 1);
    const second = rest(body);
    // The second request waits for the payment's lock, not at Apple.
    await waitFor(() => env.logs.some((line) => line.includes('waiting for the payment’s session-tokens lock')));
    expect(apple.calls).toHaveLength(1);
    release();
    const answers = await Promise.all([first, second]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(apple.calls).toHaveLength(2);
    const row = await env.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(row.sessionTokensLockId).toBeNull();
  });
});

describe('the payment lock', () => {
  it('is a lease: a holder that vanished frees it when its lease ran out', async () => {
    const payment = await createPayment();
    await env.prisma.payment.update({ where: { id: payment.id }, data: { sessionTokensLockId: randomUUID(), sessionTokensLockedUntil: new Date(Date.now() - 1000) } });
    expect((await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).status).toBe(200);
    expect((await env.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } })).sessionTokensLockedUntil).toBeNull();
  });
});

describe('access', () => {
  it('a publishable key reaches createWalletSessionTokens only; secret keys create and read payments', async () => {
    const refused = await env.gql(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'USD' } } }, pkA());
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const payment = await createPayment();
    const read = await env.gql(PAYMENT, { id: payment.id }, pkA());
    expect(read.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect((await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret })).errors).toEqual([]);
  });

  it('logs client secret failures without the secret, and never logs a client secret or Apple key', async () => {
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    await rest({ payment_id: payment.id, client_secret: `${payment.clientSecret.slice(0, -1)}Z`, wallets: [] });
    await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] });
    const refusal = env.logs.find((l) => l.includes('wallet session tokens refused: client secret'));
    expect(refusal).toContain('IR_09');
    const all = env.logs.join('\n');
    expect(all).not.toContain(payment.clientSecret.slice(-20));
    expect(all).not.toContain('APPLE_KEY_CANARY');
    expect(all).not.toContain('APPLE_CERT_CANARY');
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 2_000; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met');
}

describe('GraphQL and REST answer the same tokens', () => {
  it('maps every REST token to the GraphQL one (Google Pay and Apple Pay together)', async () => {
    await createAccount({ wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } });
    await createAppleAccount({ merchantBusinessCountry: 'US' });
    const payment = await createPayment();
    const restTokens = (await rest({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] })).body.session_token ?? [];
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.sessionTokens.map((t) => t.__typename)).toEqual(['GooglePaySessionToken', 'ApplePaySessionToken']);
    expect(restTokens.map((t) => t['wallet_name'])).toEqual(['google_pay', 'apple_pay']);
    expect(gql.sessionTokens[1]?.['sessionTokenData']).toEqual(restTokens[1]?.['session_token_data']);
    expect((gql.sessionTokens[0]?.['transactionInfo'] as { totalPrice: string }).totalPrice).toBe((restTokens[0]?.['transaction_info'] as { total_price: string }).total_price);
  });
});
