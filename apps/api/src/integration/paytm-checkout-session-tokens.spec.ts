import { CREATE_CONNECTOR_ACCOUNT, CREATE_PAYMENT, CREATE_WALLET_SESSION_TOKENS, PAYMENT } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, startIntegrationEnv, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

const PAYTM_CREDS = { merchant_id: TEST_PAYTM.merchantId, merchant_key: TEST_PAYTM.merchantKey, website: TEST_PAYTM.website };
let env: IntegrationEnv;

const initiateCalls = () => env.gateway.requests.filter((r) => r.connector === 'paytm' && r.path.includes('initiateTransaction')).length;

async function paytmAccount(): Promise<string> {
  const res = await env.gql<{ createConnectorAccount: { connectorAccount: { id: string } } }>(
    CREATE_CONNECTOR_ACCOUNT,
    { input: { connector: 'PAYTM', label: 'upi', testMode: true, credentials: PAYTM_CREDS, wallets: ['UPI_INTENT'] } },
    authHeaders(env.merchantA.apiKey),
  );
  expect(res.errors).toBeUndefined();
  return res.data?.createConnectorAccount.connectorAccount.id ?? '';
}

async function payment(): Promise<{ id: string; clientSecret: string }> {
  const res = await env.gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(CREATE_PAYMENT, { input: { amount: { minorAmount: 10050, currency: 'INR' } } }, authHeaders(env.merchantA.apiKey));
  return { id: res.data?.createPayment.payment.id ?? '', clientSecret: res.data?.createPayment.clientSecret ?? '' };
}

beforeAll(async () => {
  env = await startIntegrationEnv({ env: { PAYTM_CHECKOUT_SESSION_TOKENS: 'true' } });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('paytm_checkout (PAYTM_CHECKOUT_SESSION_TOKENS=true, seed 003 §13.3)', () => {
  it('mints the txnToken through the server-side session flow, linked to the payment; asking again does not call Paytm again', async () => {
    const accountId = await paytmAccount();
    const pay = await payment();
    const body = { payment_id: pay.id, client_secret: pay.clientSecret, wallets: [] };
    const first = await env.rest('/payments/session_tokens', body, { 'api-key': env.merchantA.publishableKey });
    expect(first.status).toBe(200);
    const [token] = (first.body as { session_token: Array<Record<string, string>> }).session_token;
    expect(token).toEqual({
      wallet_name: 'paytm_checkout',
      mid: TEST_PAYTM.merchantId,
      order_id: pay.id,
      txn_token: env.paytm.issuedTokens[0],
      amount: '100.50',
      host: new URL(env.gateway.baseUrl('paytm')).origin,
      expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(initiateCalls()).toBe(1);

    const again = await env.rest('/payments/session_tokens', { ...body, wallets: ['paytm_checkout'] }, { 'api-key': env.merchantA.publishableKey });
    expect((again.body as { session_token: Array<Record<string, string>> }).session_token[0]?.['txn_token']).toBe(token?.['txn_token']);
    const gql = await env.gql<{ createWalletSessionTokens: { sessionTokens: Array<Record<string, string>> } }>(
      CREATE_WALLET_SESSION_TOKENS,
      { input: { paymentId: pay.id, clientSecret: pay.clientSecret, wallets: ['PAYTM_CHECKOUT'] } },
      { 'api-key': env.merchantA.publishableKey },
    );
    expect(gql.data?.createWalletSessionTokens.sessionTokens[0]).toMatchObject({ __typename: 'PaytmCheckoutSessionToken', merchantConnectorId: accountId, txnToken: token?.['txn_token'], orderId: pay.id });
    expect(initiateCalls()).toBe(1);

    const read = await env.gql<{ payment: { sessions: Array<{ connector: string; connectorAccountId: string; merchantSessionId: string; status: string }> } }>(PAYMENT, { id: pay.id }, authHeaders(env.merchantA.apiKey));
    expect(read.data?.payment.sessions).toEqual([expect.objectContaining({ connector: 'PAYTM', connectorAccountId: accountId, merchantSessionId: pay.id, status: 'ACTIVE' })]);
  });

  it('uses merchant_connector_details for that call only: wrong credentials are refused by Paytm and nothing is stored in clear', async () => {
    await paytmAccount();
    const pay = await payment();
    const res = await env.rest(
      '/payments/session_tokens',
      {
        payment_id: pay.id,
        client_secret: pay.clientSecret,
        wallets: ['upi_intent'],
        merchant_connector_details: { creds_identifier: 'c1', encoded_data: { connector_account_details: { Paytm: { ...PAYTM_CREDS, merchant_key: 'WRONGKEY_CANARY_MCD' } }, metadata: {} } },
      },
      { 'api-key': env.merchantA.publishableKey },
    );
    expect(res.status).toBe(200);
    expect((res.body as { session_token: unknown[] }).session_token).toEqual([]);
    expect(initiateCalls()).toBe(1);
    const omitted = env.logs.find((l) => l.includes('wallet session token omitted'));
    expect(omitted).toContain('"connector":"paytm"');
    expect(env.logs.join('\n')).not.toContain('WRONGKEY_CANARY_MCD');
    // The stored account is untouched: the next call without override succeeds with the stored key.
    const ok = await env.rest('/payments/session_tokens', { payment_id: pay.id, client_secret: pay.clientSecret, wallets: [] }, { 'api-key': env.merchantA.publishableKey });
    expect((ok.body as { session_token: unknown[] }).session_token).toHaveLength(1);
  });

  it('refuses malformed merchant_connector_details with IR_06, sending nothing', async () => {
    await paytmAccount();
    const pay = await payment();
    const res = await env.rest(
      '/payments/session_tokens',
      { payment_id: pay.id, client_secret: pay.clientSecret, wallets: [], merchant_connector_details: { creds_identifier: 'c1', encoded_data: { connector_account_details: { Paytm: { merchant_id: 'x' } } } } },
      { 'api-key': env.merchantA.publishableKey },
    );
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string; message: string } }).error).toMatchObject({ code: 'IR_06', message: expect.stringContaining('connector_account_details.Paytm') });
    expect(initiateCalls()).toBe(0);
  });
});
