/**
 * Apple Pay's merchant validation on real processes: the API calls the simulator's emulated Apple
 * endpoint (HTTPS, client certificate required, CA from APPLE_PAY_CA_FILE) with the account's
 * merchant identity. The simulator's demo identity gets a merchant session; a valid identity issued
 * by another CA is refused in the TLS handshake (the token is omitted, with its reason); a silent
 * Apple endpoint costs at most the API's APPLE_PAY_TIMEOUT_MS. Each case has its own merchant, so
 * only its account is eligible.
 */
import { readFileSync } from 'node:fs';
import { CREATE_CONNECTOR_ACCOUNT } from '@prism-sessions/testing-graphql-documents';
import { createTestCertificateAuthority } from '@prism-sessions/testing-fake-gateway';
import { authHeaders, gql } from './support/graphql-client';
import { DIST, WORKSPACE_ROOT } from './support/paths';
import { baseChildEnv, readE2eEnv, type E2eEnv } from './support/stack';
import { runToCompletion } from './support/processes';
import { simulatorControl } from './support/simulator-control';


const DEMO_APPLE_MERCHANT = 'merchant.com.prism-sessions.demo';
/** Far above the API's APPLE_PAY_TIMEOUT_MS in this suite (3 s): a loaded machine is slow, but the answer must come. */
const TIMEOUT_BOUND_MS = 45_000;

// Local documents: this branch's shared graphql-documents predate createPayment (the payments branch adds them).
const CREATE_PAYMENT = `mutation CreatePayment($input: CreatePaymentInput!) {
  createPayment(input: $input) { clientSecret payment { id } error { source unifiedDetails { code message } } }
}`;
const WALLET_SESSION_TOKENS = `mutation WalletSessionTokens($input: WalletSessionTokensInput!) {
  createWalletSessionTokens(input: $input) {
    sessionTokens { __typename ... on ApplePaySessionToken { connector sessionTokenData } }
    omitted { wallet connector code message }
    errors { code message }
  }
}`;

interface Merchant {
  readonly apiKey: string;
  readonly publishableKey: string;
}
interface TokensPayload {
  sessionTokens: { __typename: string; connector?: string; sessionTokenData?: Record<string, unknown> | null }[];
  omitted: { wallet: string; connector: string; code: string; message: string }[];
  errors: { code: string; message: string }[];
}

let env: E2eEnv;

async function newMerchant(name: string): Promise<Merchant> {
  const run = await runToCompletion({ name: `create-merchant-${name}`, script: DIST.createMerchant, args: ['--name', name], env: { ...baseChildEnv(), DATABASE_URL: env.databaseUrl }, cwd: WORKSPACE_ROOT, logDir: env.logDir });
  return JSON.parse(run.stdout().trim().split('\n').pop() ?? '{}') as Merchant;
}

async function appleAccount(merchant: Merchant, identity: { certificatePem: string; privateKeyPem: string }): Promise<void> {
  const nuvei = (JSON.parse(env.nuveiConnectorConfig) as { config: { Nuvei: Record<string, string> } }).config.Nuvei;
  const res = await gql<{ createConnectorAccount: { connectorAccount: { id: string } | null; error: unknown } }>(
    env.apiUrl,
    CREATE_CONNECTOR_ACCOUNT,
    {
      input: {
        connector: 'NUVEI',
        label: 'apple pay (e2e)',
        testMode: true,
        credentials: nuvei,
        wallets: ['APPLE_PAY'],
        walletConfig: { applePay: { merchantIdentifier: DEMO_APPLE_MERCHANT, displayName: 'Prism Sessions Demo Shop', domains: ['localhost'], merchantBusinessCountry: 'US', ...identity } },
      },
    },
    authHeaders(merchant.apiKey),
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.createConnectorAccount.error).toBeNull();
}

async function appleTokens(merchant: Merchant): Promise<TokensPayload> {
  const created = await gql<{ createPayment: { clientSecret: string; payment: { id: string } } }>(
    env.apiUrl,
    CREATE_PAYMENT,
    { input: { amount: { minorAmount: '1999', currency: 'USD' }, billingCountry: 'US' } },
    authHeaders(merchant.apiKey),
  );
  expect(created.errors).toBeUndefined();
  const payment = created.data?.createPayment;
  const res = await gql<{ createWalletSessionTokens: TokensPayload }>(
    env.apiUrl,
    WALLET_SESSION_TOKENS,
    { input: { paymentId: payment?.payment.id, clientSecret: payment?.clientSecret, wallets: ['APPLE_PAY'] } },
    { 'api-key': merchant.publishableKey },
  );
  expect(res.errors).toBeUndefined();
  return res.data?.createWalletSessionTokens as TokensPayload;
}

describe('Apple Pay merchant validation against the simulator over mutual TLS (needs the payments branch)', () => {
  let trusted: Merchant;
  let foreign: Merchant;

  beforeAll(async () => {
    env = readE2eEnv();
    [trusted, foreign] = [await newMerchant('apple-trusted'), await newMerchant('apple-foreign')];
    await appleAccount(trusted, { certificatePem: readFileSync(env.applePay.demoCertificateFile, 'utf8'), privateKeyPem: readFileSync(env.applePay.demoPrivateKeyFile, 'utf8') });
    // Valid, unexpired, key matching: accepted at save; but Apple (the simulator) does not trust its CA.
    const otherCa = createTestCertificateAuthority({ commonName: 'Not the simulator CA' });
    await appleAccount(foreign, otherCa.issueApplePayMerchantIdentity({ merchantIdentifier: DEMO_APPLE_MERCHANT }));
  }, 180_000);

  afterEach(() => simulatorControl(env.simulatorUrl).clearFaults());

  it('accepts the certificate: the token carries the merchant session the simulator issued', async () => {
    const tokens = await appleTokens(trusted);
    expect(tokens.omitted).toEqual([]);
    expect(tokens.sessionTokens).toHaveLength(1);
    expect(tokens.sessionTokens[0]).toMatchObject({ __typename: 'ApplePaySessionToken', connector: 'nuvei' });
    const session = tokens.sessionTokens[0]?.sessionTokenData ?? {};
    expect(Object.values(session)).toContain('localhost');
    expect(JSON.stringify(session)).toMatch(/SSH[0-9A-F]{32}_/);
  });

  it('refuses a certificate of another CA in the TLS handshake: token omitted with APPLE_PAY_REFUSED', async () => {
    const control = simulatorControl(env.simulatorUrl);
    const before = (await control.requests('apple_pay')).length;
    const tokens = await appleTokens(foreign);
    expect(tokens.sessionTokens).toEqual([]);
    expect(tokens.omitted).toEqual([expect.objectContaining({ wallet: 'APPLE_PAY', connector: 'nuvei', code: 'APPLE_PAY_REFUSED' })]);
    expect((await control.requests('apple_pay')).length).toBe(before);
  });

  it('bounds a silent Apple endpoint: token omitted with APPLE_PAY_TIMEOUT, answer within the bound', async () => {
    await simulatorControl(env.simulatorUrl).setFault('apple_pay', { kind: 'timeout' }, { times: 1 });
    const started = Date.now();
    const tokens = await appleTokens(trusted);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_BOUND_MS);
    expect(tokens.sessionTokens).toEqual([]);
    expect(tokens.omitted).toEqual([expect.objectContaining({ wallet: 'APPLE_PAY', code: 'APPLE_PAY_TIMEOUT' })]);
  });
});
