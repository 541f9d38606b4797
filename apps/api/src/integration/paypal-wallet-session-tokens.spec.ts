import { CREATE_CONNECTOR_ACCOUNT, CREATE_PAYMENT, CREATE_WALLET_SESSION_TOKENS } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, TEST_NUVEI, TEST_PAYPAL, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(180_000);

const PATH = '/payments/session_tokens';
const PAYPAL_CREDS = { client_id: TEST_PAYPAL.clientId, client_secret: TEST_PAYPAL.clientSecret };
const NUVEI_CREDS = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret };
const WRONG_SECRET = 'CANARY_PAYPAL_WALLET_WRONG_SECRET';

let env: IntegrationEnv;

interface GqlTokens {
  sessionTokens: Array<Record<string, unknown> & { __typename: string }>;
  omitted: Array<{ wallet: string; connector: string; merchantConnectorId: string; code: string; message: string }>;
  errors: Array<{ code: string }>;
}
type SessionTokens = Array<Record<string, unknown>>;

/** The newest omission log line (the log buffer spans the whole file). */
const lastOmittedLog = () => env.logs.filter((line) => line.includes('wallet session token omitted')).at(-1);
const pkA = () => ({ 'api-key': env.merchantA.publishableKey });
const tokenCalls = () => env.paypal.requests.filter((request) => request.path === '/v1/oauth2/token').length;
const generateTokenCalls = () => env.paypal.requests.filter((request) => request.path === '/v1/identity/generate-token');

async function createAccount(input: Record<string, unknown>): Promise<string> {
  const res = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } | null; error: unknown } }>(
    CREATE_CONNECTOR_ACCOUNT,
    { input: { testMode: true, label: 'wallet', ...input } },
    authHeaders(env.merchantA.apiKey),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.createConnectorAccount.error).toBeNull();
  return res.data?.createConnectorAccount.connectorAccount?.id ?? '';
}

const paypalAccount = (credentials: Record<string, string> = PAYPAL_CREDS) => createAccount({ connector: 'PAYPAL', credentials, wallets: ['PAYPAL'] });

async function createPayment(input: Record<string, unknown> = {}): Promise<{ id: string; clientSecret: string }> {
  const res = await env.gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(CREATE_PAYMENT, { input: { amount: { minorAmount: 1000, currency: 'USD' }, ...input } }, authHeaders(env.merchantA.apiKey));
  expect(res.errors).toBeUndefined();
  return { id: res.data?.createPayment.payment.id ?? '', clientSecret: res.data?.createPayment.clientSecret ?? '' };
}

async function restTokens(body: Record<string, unknown>): Promise<SessionTokens> {
  const res = await env.rest(PATH, body, pkA());
  expect(res.status).toBe(200);
  return (res.body as { session_token: SessionTokens }).session_token;
}

async function gqlTokens(input: Record<string, unknown>): Promise<GqlTokens> {
  const res = await env.gql<{ createWalletSessionTokens: GqlTokens }>(CREATE_WALLET_SESSION_TOKENS, { input }, pkA());
  expect(res.errors).toBeUndefined();
  return res.data?.createWalletSessionTokens as GqlTokens;
}

beforeAll(async () => {
  env = await startIntegrationEnv();
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('paypal wallet (seed 003 §5.4, §13.3)', () => {
  it('answers the client id and a client token PayPal issued, on REST and GraphQL, reusing one stored access token', async () => {
    const accountId = await paypalAccount();
    const payment = await createPayment({ customerId: 'cust_pp_9' });

    const rest = await restTokens({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['paypal'] });
    expect(rest).toEqual([
      {
        wallet_name: 'paypal',
        connector: 'paypal',
        session_token: TEST_PAYPAL.clientId,
        sdk_next_action: { next_action: 'post_session_tokens' },
        client_token: env.paypal.issuedTokens[0],
        transaction_info: null,
      },
    ]);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret, wallets: ['PAYPAL'] });
    expect(gql).toEqual({
      paymentId: payment.id,
      sessionTokens: [
        {
          __typename: 'PaypalSessionToken',
          connector: 'paypal',
          merchantConnectorId: accountId,
          sessionToken: TEST_PAYPAL.clientId,
          clientToken: env.paypal.issuedTokens[1],
          sdkNextAction: { nextAction: 'POST_SESSION_TOKENS' },
        },
      ],
      omitted: [],
      errors: [],
    });
    expect(env.paypal.issuedTokens).toHaveLength(2);
    expect(env.paypal.issuedTokens[0]).not.toBe(env.paypal.issuedTokens[1]);
    // One access-token call for both, kept as the account's connector state; the payment's customer on each generate-token.
    expect(tokenCalls()).toBe(1);
    expect(generateTokenCalls().map((request) => request.body)).toEqual(['{"customer_id":"cust_pp_9"}', '{"customer_id":"cust_pp_9"}']);
    expect(await env.prisma.connectorState.findMany({ select: { scopeKey: true } })).toEqual([{ scopeKey: `account:${accountId}` }]);
    // The token went to the payment's client only: never into a log line.
    const logs = env.logs.join('\n');
    for (const token of env.paypal.issuedTokens) expect(logs).not.toContain(token);
    expect(logs).not.toContain(TEST_PAYPAL.clientSecret);
  });

  it('drops the wallet when PayPal refuses the credentials (invalid_client): 200 without it on REST, in omitted with the reason on GraphQL', async () => {
    const accountId = await paypalAccount({ client_id: TEST_PAYPAL.clientId, client_secret: WRONG_SECRET });
    const payment = await createPayment();
    const res = await env.rest(PATH, { payment_id: payment.id, client_secret: payment.clientSecret, wallets: [] }, pkA());
    expect(res.status).toBe(200);
    expect((res.body as { session_token: SessionTokens }).session_token).toEqual([]);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret });
    expect(gql.sessionTokens).toEqual([]);
    expect(gql.omitted).toEqual([{ wallet: 'PAYPAL', connector: 'paypal', merchantConnectorId: accountId, code: 'INVALID_CREDENTIALS', message: 'The gateway does not recognise the merchant credentials' }]);
    expect(generateTokenCalls()).toHaveLength(0);
    const omittedLog = lastOmittedLog();
    expect(omittedLog).toContain('"connector":"paypal"');
    expect(omittedLog).toContain(`"connectorAccountId":"${accountId}"`);
    expect(omittedLog).toContain('"reason":"INVALID_CREDENTIALS"');
    expect(env.logs.join('\n')).not.toContain(WRONG_SECRET);
    expect(await env.prisma.connectorState.count()).toBe(0);
  });

  it('answers paypal beside Nuvei google_pay in one answer, and the wallets filter picks either', async () => {
    const nuveiId = await createAccount({ connector: 'NUVEI', credentials: NUVEI_CREDS, wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: { merchantName: 'Acme', gatewayMerchantId: 'googletest' } } });
    const paypalId = await paypalAccount();
    const payment = await createPayment();
    const body = { payment_id: payment.id, client_secret: payment.clientSecret };

    const all = await restTokens({ ...body, wallets: [] });
    expect(all.map((token) => [token['wallet_name'], token['connector']])).toEqual([
      ['google_pay', 'nuvei'],
      ['paypal', 'paypal'],
    ]);
    expect(all[1]?.['client_token']).toBe(env.paypal.issuedTokens[0]);
    const gql = await gqlTokens({ paymentId: payment.id, clientSecret: payment.clientSecret, wallets: [] });
    expect(gql.sessionTokens.map((token) => [token.__typename, token['merchantConnectorId']])).toEqual([
      ['GooglePaySessionToken', nuveiId],
      ['PaypalSessionToken', paypalId],
    ]);

    expect((await restTokens({ ...body, wallets: ['paypal'] })).map((token) => token['wallet_name'])).toEqual(['paypal']);
    const before = generateTokenCalls().length;
    expect((await restTokens({ ...body, wallets: ['google_pay'] })).map((token) => token['wallet_name'])).toEqual(['google_pay']);
    // Not asked for: PayPal is not called.
    expect(generateTokenCalls()).toHaveLength(before);
  });

  it('answers an empty list for wallets ["paypal"] when the merchant has no PayPal account', async () => {
    await createAccount({ connector: 'PAYPAL', credentials: PAYPAL_CREDS }); // PayPal credentials, but PAYPAL not among its wallets
    const payment = await createPayment();
    expect(await restTokens({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['paypal'] })).toEqual([]);
    expect(env.paypal.requests).toHaveLength(0);
  });

  it('uses merchant_connector_details for that call only: their client id, their own access-token scope, the stored account untouched', async () => {
    const accountId = await paypalAccount({ client_id: TEST_PAYPAL.clientId, client_secret: WRONG_SECRET });
    const payment = await createPayment();
    const body = (details: Record<string, string>) => ({
      payment_id: payment.id,
      client_secret: payment.clientSecret,
      wallets: ['paypal'],
      merchant_connector_details: { creds_identifier: 'c1', encoded_data: { connector_account_details: { Paypal: details } } },
    });
    const tokens = await restTokens(body(PAYPAL_CREDS));
    expect(tokens).toEqual([expect.objectContaining({ wallet_name: 'paypal', session_token: TEST_PAYPAL.clientId, client_token: env.paypal.issuedTokens[0] })]);
    const scopes = await env.prisma.connectorState.findMany({ select: { scopeKey: true } });
    expect(scopes).toEqual([{ scopeKey: expect.stringMatching(/^client:[0-9a-f]{64}$/) }]);
    // Without the override, the stored (wrong) credentials are used again: refused, dropped.
    expect(await restTokens({ payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['paypal'] })).toEqual([]);
    expect(lastOmittedLog()).toContain(`"connectorAccountId":"${accountId}"`);
    expect(env.logs.join('\n')).not.toContain(TEST_PAYPAL.clientSecret);
  });
});
