/**
 * Wallet session tokens on real processes (seed 003): the merchant's server creates a payment with its
 * secret key; a client holding only the publishable key and the payment's client secret calls
 * `POST /payments/session_tokens` on the shared API (Nuvei Google Pay, no gateway call) and on a second
 * API started with PAYTM_CHECKOUT_SESSION_TOKENS=true (a Paytm txnToken minted once against the
 * simulator). No client secret in any log file.
 */
import { readFileSync } from 'node:fs';
import { CREATE_CONNECTOR_ACCOUNT, CREATE_PAYMENT } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, gql } from './support/graphql-client';
import { readE2eEnv, startApi, type ApiProcess, type E2eEnv } from './support/stack';

let env: E2eEnv;
let paytmApi: ApiProcess | undefined;

interface SessionTokensAnswer {
  payment_id: string;
  client_secret: string;
  session_token: Array<Record<string, unknown>>;
}

async function post(apiUrl: string, body: unknown, headers: Record<string, string>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(new URL('/payments/session_tokens', apiUrl), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as unknown };
}

async function createPayment(apiUrl: string, amount: Record<string, unknown>): Promise<{ id: string; clientSecret: string }> {
  const res = await gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(apiUrl, CREATE_PAYMENT, { input: { amount } }, authHeaders(env.merchant.apiKey));
  expect(res.errors).toBeUndefined();
  return { id: res.data?.createPayment.payment.id ?? '', clientSecret: res.data?.createPayment.clientSecret ?? '' };
}

beforeAll(async () => {
  env = readE2eEnv();
  paytmApi = await startApi('api-paytm-checkout', { ...env.apiEnv, PAYTM_CHECKOUT_SESSION_TOKENS: 'true' }, env.logDir);
});
afterAll(async () => {
  const exit = await paytmApi?.proc.stop();
  if (exit && exit.signal === null) expect(exit.code).toBe(0);
});

it('answers Google Pay to the publishable key and IR_01 to the secret key', async () => {
  const credentials = (JSON.parse(env.nuveiConnectorConfig) as { config: { Nuvei: Record<string, string> } }).config.Nuvei;
  const account = await gql<{ createConnectorAccount: { error: unknown } }>(
    env.apiUrl,
    CREATE_CONNECTOR_ACCOUNT,
    { input: { connector: 'NUVEI', label: 'e2e wallets', testMode: true, credentials, wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: { merchantName: 'E2E Shop', gatewayMerchantId: 'googletest' } } } },
    authHeaders(env.merchant.apiKey),
  );
  expect(account.data?.createConnectorAccount.error).toBeNull();
  const payment = await createPayment(env.apiUrl, { minorAmount: 2500, currency: 'EUR' });
  const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['google_pay'] };

  const answer = await post(env.apiUrl, body, { 'api-key': env.merchant.publishableKey });
  expect(answer.status).toBe(200);
  const tokens = (answer.body as SessionTokensAnswer).session_token;
  expect(tokens.some((t) => t['wallet_name'] === 'google_pay' && (t['transaction_info'] as { total_price: string }).total_price === '25.00')).toBe(true);

  expect(await post(env.apiUrl, body, { 'api-key': env.merchant.apiKey })).toEqual({ status: 401, body: { error: { type: 'invalid_request', message: 'API key not provided or invalid API key used', code: 'IR_01' } } });
});

it('mints a paytm_checkout txnToken once per payment against the simulator', async () => {
  const apiUrl = paytmApi?.url ?? '';
  const credentials = (JSON.parse(env.paytmConnectorConfig) as { config: { Paytm: Record<string, string> } }).config.Paytm;
  await gql(apiUrl, CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'PAYTM', label: 'e2e upi', testMode: true, credentials, wallets: ['UPI_INTENT'] } }, authHeaders(env.merchant.apiKey));
  const payment = await createPayment(apiUrl, { minorAmount: 10000, currency: 'INR' });
  const body = { payment_id: payment.id, client_secret: payment.clientSecret, wallets: ['upi_intent'] };
  const first = await post(apiUrl, body, { 'api-key': env.merchant.publishableKey });
  const second = await post(apiUrl, body, { 'api-key': env.merchant.publishableKey });
  const tokenOf = (answer: { body: unknown }) => (answer.body as SessionTokensAnswer).session_token.find((t) => t['wallet_name'] === 'paytm_checkout');
  expect(first.status).toBe(200);
  expect(tokenOf(first)).toMatchObject({ order_id: payment.id, amount: '100.00', txn_token: expect.any(String) });
  expect(tokenOf(second)?.['txn_token']).toBe(tokenOf(first)?.['txn_token']);

  const logs = [paytmApi?.proc.stdout() ?? '', readFileSync(paytmApi?.proc.stdoutFile ?? '', 'utf8')].join('\n');
  expect(logs).not.toContain(payment.clientSecret);
});
