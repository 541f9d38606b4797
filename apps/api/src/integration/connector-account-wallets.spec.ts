import { CONNECTOR_ACCOUNTS, CREATE_CONNECTOR_ACCOUNT, UPDATE_CONNECTOR_ACCOUNT } from '@prism-sessions/testing-graphql-documents';
import { ConnectorAccountRepository } from '../connector-accounts/connector-account.repository';
import { createFieldEncryptor } from '../crypto/field-encryption';
import { authHeaders, startIntegrationEnv, TEST_NUVEI, type IntegrationEnv } from '../testing/integration-harness';
import { createApplePayTestIdentity } from '../wallets/apple-pay/testing/apple-pay-test-identity';

jest.setTimeout(120_000);

const NUVEI_CREDS = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret };
const GOOGLE_PAY = { merchantName: 'Acme', merchantId: 'BCR2DN0000000000', gatewayMerchantId: 'googletest', allowedAuthMethods: ['CRYPTOGRAM_3DS'], allowedCardNetworks: ['VISA', 'MASTERCARD'] };

interface WalletConfigView {
  googlePay: Record<string, unknown> | null;
  applePay: { merchantIdentifier: string; displayName: string; domains: string[]; merchantBusinessCountry: string | null; certificateNotAfter: string } | null;
}
interface Payload {
  connectorAccount: { id: string; wallets: string[]; walletConfig: WalletConfigView } | null;
  error: unknown;
}

let env: IntegrationEnv;
const a = () => authHeaders(env.merchantA.apiKey);

async function save(document: string, variables: Record<string, unknown>) {
  const res = await env.gql<Record<string, Payload>>(document, variables, a());
  return res;
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

describe('wallet configuration on connector accounts', () => {
  it('validates and stores Google Pay, returns it, and seals the whole configuration', async () => {
    const res = await save(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'wallets', testMode: true, credentials: NUVEI_CREDS, wallets: ['GOOGLE_PAY'], walletConfig: { googlePay: GOOGLE_PAY } } });
    expect(res.errors).toBeUndefined();
    const account = res.data?.['createConnectorAccount']?.connectorAccount;
    expect(account?.walletConfig).toEqual({ googlePay: GOOGLE_PAY, applePay: null });
    const row = await env.prisma.connectorAccount.findUniqueOrThrow({ where: { id: account?.id ?? '' } });
    expect(row.walletConfigCiphertext).not.toBeNull();
    expect(Buffer.from(row.walletConfigCiphertext ?? new Uint8Array()).toString('latin1')).not.toContain('googletest');
    const opened = await new ConnectorAccountRepository(env.prisma, createFieldEncryptor(env.encryptionKey)).findWalletConfig(env.merchantA.id, account?.id ?? '');
    expect(opened?.config.googlePay).toEqual(GOOGLE_PAY);
  });

  it('defaults auth methods and card networks', async () => {
    const res = await save(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'w', testMode: true, credentials: NUVEI_CREDS, walletConfig: { googlePay: { merchantName: 'Acme', gatewayMerchantId: 'googletest' } } } });
    expect(res.data?.['createConnectorAccount']?.connectorAccount?.walletConfig.googlePay).toMatchObject({
      merchantId: null,
      allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
      allowedCardNetworks: ['AMEX', 'DISCOVER', 'INTERAC', 'JCB', 'MASTERCARD', 'VISA'],
    });
  });

  it('on update: a given wallet replaces the stored one, null removes it, absent keeps it', async () => {
    const created = await save(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'w', testMode: true, credentials: NUVEI_CREDS, walletConfig: { googlePay: GOOGLE_PAY } } });
    const id = created.data?.['createConnectorAccount']?.connectorAccount?.id;
    const relabelled = await save(UPDATE_CONNECTOR_ACCOUNT, { id, input: { label: 'renamed', wallets: ['GOOGLE_PAY'] } });
    expect(relabelled.data?.['updateConnectorAccount']?.connectorAccount?.walletConfig.googlePay).toEqual(GOOGLE_PAY);
    const replaced = await save(UPDATE_CONNECTOR_ACCOUNT, { id, input: { walletConfig: { googlePay: { merchantName: 'Acme EU', gatewayMerchantId: 'eu' } } } });
    expect(replaced.data?.['updateConnectorAccount']?.connectorAccount?.walletConfig.googlePay).toMatchObject({ merchantName: 'Acme EU', gatewayMerchantId: 'eu' });
    const removed = await save(UPDATE_CONNECTOR_ACCOUNT, { id, input: { walletConfig: { googlePay: null } } });
    expect(removed.data?.['updateConnectorAccount']?.connectorAccount?.walletConfig).toEqual({ googlePay: null, applePay: null });
    const listed = await env.gql<{ connectorAccounts: Array<{ walletConfig: WalletConfigView }> }>(CONNECTOR_ACCOUNTS, {}, a());
    expect(listed.data?.connectorAccounts[0]?.walletConfig).toEqual({ googlePay: null, applePay: null });
  });
});

describe('Apple Pay configuration checked at save', () => {
  const applePay = (identity: { certificatePem: string; privateKeyPem: string }) => ({ merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test'], ...identity });
  const create = (walletConfig: unknown) => save(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'apple', testMode: true, credentials: NUVEI_CREDS, wallets: ['APPLE_PAY'], walletConfig } });

  it('stores a valid identity sealed and shows only safe facts', async () => {
    const identity = createApplePayTestIdentity({ notAfter: new Date(Date.now() + 86_400_000) });
    const res = await create({ applePay: applePay(identity) });
    expect(res.errors).toBeUndefined();
    const view = res.data?.['createConnectorAccount']?.connectorAccount?.walletConfig.applePay;
    expect(view).toMatchObject({ merchantIdentifier: 'merchant.com.acme', displayName: 'Acme', domains: ['shop.acme.test'] });
    expect(res.raw).not.toContain('PRIVATE KEY');
    expect(res.raw).not.toContain('BEGIN CERTIFICATE');
  });

  it('refuses an expired certificate', async () => {
    const identity = createApplePayTestIdentity({ notBefore: new Date(Date.now() - 2 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    const res = await create({ applePay: applePay(identity) });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(res.raw).toContain('applePay.certificatePem');
    expect(await env.prisma.connectorAccount.count()).toBe(0);
  });

  it('refuses a key that does not match the certificate', async () => {
    const one = createApplePayTestIdentity();
    const two = createApplePayTestIdentity();
    const res = await create({ applePay: applePay({ certificatePem: one.certificatePem, privateKeyPem: two.privateKeyPem }) });
    expect(res.raw).toContain('applePay.privateKeyPem');
    expect(await env.prisma.connectorAccount.count()).toBe(0);
  });
});
