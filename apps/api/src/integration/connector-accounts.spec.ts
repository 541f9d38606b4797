import {
  CONNECTOR_ACCOUNTS,
  CREATE_CONNECTOR_ACCOUNT,
  CREATE_SESSION_TOKEN,
  DISABLE_CONNECTOR_ACCOUNT,
  ENABLE_CONNECTOR_ACCOUNT,
  PAYMENT_SESSION,
  UPDATE_CONNECTOR_ACCOUNT,
} from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, startIntegrationEnv, TEST_NUVEI, TEST_NUVEI_2, TEST_PAYTM, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

interface Account {
  id: string;
  connector: string;
  label: string;
  testMode: boolean;
  isDefault: boolean;
  enabled: boolean;
  wallets: string[];
  credentialHints: Record<string, string>;
  lastVerifiedAt: string | null;
}
interface AccountPayload {
  connectorAccount: Account | null;
  error: { source: string; unifiedDetails: { code: string; message: string }; connectorDetails: { code: string } | null } | null;
}
interface SessionPayload {
  createSessionToken: { sessionToken: string | null; statusCode: number; replayed: boolean; error: { unifiedDetails: { code: string } } | null; session: { id: string; connectorAccountId: string | null } | null };
}

const NUVEI_CREDS = { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId, merchant_secret: TEST_NUVEI.merchantSecret };
const PAYTM_CREDS = { merchant_id: TEST_PAYTM.merchantId, merchant_key: TEST_PAYTM.merchantKey, website: TEST_PAYTM.website };
const NUVEI_2 = TEST_NUVEI_2;
const NUVEI_2_CREDS = { merchant_id: NUVEI_2.merchantId, merchant_site_id: NUVEI_2.merchantSiteId, merchant_secret: NUVEI_2.merchantSecret };

let env: IntegrationEnv;
let sequence = 0;
const a = () => authHeaders(env.merchantA.apiKey);
const b = () => authHeaders(env.merchantB.apiKey);

async function createAccount(input: Record<string, unknown>, headers = a()): Promise<AccountPayload> {
  const res = await env.gql<{ createConnectorAccount: AccountPayload }>(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'main', testMode: true, credentials: NUVEI_CREDS, ...input } }, headers);
  expect(res.errors).toBeUndefined();
  return res.data?.createConnectorAccount as AccountPayload;
}
async function accountId(input: Record<string, unknown> = {}): Promise<string> {
  const payload = await createAccount(input);
  expect(payload.error).toBeNull();
  return payload.connectorAccount?.id ?? '';
}
function session(extra: Record<string, unknown> = {}, headers = a()) {
  sequence += 1;
  return env.gql<SessionPayload>(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', merchantSessionId: `acct_${sequence}`, amount: { minorAmount: 1000, currency: 'USD' }, ...extra } }, headers);
}
/** The Nuvei merchant id of the gateway's last request (which credentials were used). */
function lastNuveiMerchant(): string {
  const last = env.gateway.requests.filter((r) => r.body.includes('merchantSiteId')).at(-1);
  return (JSON.parse(last?.body ?? '{}') as { merchantId?: string }).merchantId ?? '';
}

beforeAll(async () => {
  // A cache bound of 0 here: every look-up reads the database, so each step sees the previous one.
  env = await startIntegrationEnv({ env: { CONNECTOR_ACCOUNT_CACHE_TTL_MS: '0' } });
});
afterAll(async () => {
  await env?.close();
});
beforeEach(async () => {
  await env.reset();
});

describe('connector accounts', () => {
  it('stores an account write-only: hints but no secret, sealed in the table', async () => {
    const payload = await createAccount({ label: 'EU site', isDefault: true, wallets: ['GOOGLE_PAY', 'APPLE_PAY'] });
    expect(payload.error).toBeNull();
    expect(payload.connectorAccount).toMatchObject({
      connector: 'NUVEI',
      label: 'EU site',
      testMode: true,
      isDefault: true,
      enabled: true,
      wallets: ['GOOGLE_PAY', 'APPLE_PAY'],
      credentialHints: { merchant_id: TEST_NUVEI.merchantId, merchant_site_id: TEST_NUVEI.merchantSiteId },
      lastVerifiedAt: null,
    });
    const list = await env.gql<{ connectorAccounts: Account[] }>(CONNECTOR_ACCOUNTS, { connector: 'NUVEI' }, a());
    expect(list.data?.connectorAccounts.map((x) => x.id)).toEqual([payload.connectorAccount?.id]);
    expect(list.raw).not.toContain(TEST_NUVEI.merchantSecret);
    const row = await env.prisma.connectorAccount.findFirstOrThrow({});
    expect(Buffer.from(row.credentialsCiphertext).toString('latin1')).not.toContain(TEST_NUVEI.merchantSecret);
    expect(JSON.stringify(row.credentialHints)).not.toContain(TEST_NUVEI.merchantSecret);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('creates a session from a stored account without any x-connector-config header, and records the account', async () => {
    const id = await accountId({ isDefault: true });
    const byDefault = await session();
    expect(byDefault.data?.createSessionToken.statusCode).toBe(200);
    expect(byDefault.data?.createSessionToken.session?.connectorAccountId).toBe(id);
    const named = await session({ connectorAccountId: id });
    expect(named.data?.createSessionToken.session?.connectorAccountId).toBe(id);
    const read = await env.gql<{ paymentSession: { connectorAccountId: string } }>(PAYMENT_SESSION, { id: named.data?.createSessionToken.session?.id }, a());
    expect(read.data?.paymentSession.connectorAccountId).toBe(id);
    const rows = await env.prisma.paymentSession.findMany({});
    expect(rows.map((r) => r.connectorAccountId)).toEqual([id, id]);
  });

  it('takes credentials from the header first, then the named account, then the default', async () => {
    const fallback = await accountId({ isDefault: true, label: 'default' });
    const other = await accountId({ label: 'second', credentials: NUVEI_2_CREDS });
    const header = await session({ connectorAccountId: other }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    expect(header.data?.createSessionToken.session?.connectorAccountId).toBeNull();
    expect(lastNuveiMerchant()).toBe(TEST_NUVEI.merchantId);
    const named = await session({ connectorAccountId: other });
    expect(named.data?.createSessionToken.statusCode).toBe(200);
    expect(named.data?.createSessionToken.session?.connectorAccountId).toBe(other);
    expect(lastNuveiMerchant()).toBe(NUVEI_2.merchantId);
    const byDefault = await session();
    expect(byDefault.data?.createSessionToken.session?.connectorAccountId).toBe(fallback);
    expect(lastNuveiMerchant()).toBe(TEST_NUVEI.merchantId);
  });

  it('uses two accounts of one connector side by side', async () => {
    const first = await accountId({ label: 'one' });
    const second = await accountId({ label: 'two', credentials: NUVEI_2_CREDS });
    const [r1, r2] = await Promise.all([session({ connectorAccountId: first }), session({ connectorAccountId: second })]);
    expect(r1.data?.createSessionToken.statusCode).toBe(200);
    expect(r2.data?.createSessionToken.statusCode).toBe(200);
    const merchants = env.gateway.requests.map((r) => (JSON.parse(r.body) as { merchantId?: string }).merchantId).sort();
    expect(merchants).toEqual([TEST_NUVEI.merchantId, NUVEI_2.merchantId].sort());
  });

  it('keeps at most one default per connector and mode, also in the database', async () => {
    const first = await accountId({ isDefault: true, label: 'first' });
    const second = await accountId({ isDefault: true, label: 'second' });
    const live = await accountId({ isDefault: true, label: 'live', testMode: false });
    const rows = await env.prisma.connectorAccount.findMany({ where: { isDefault: true }, orderBy: { label: 'asc' } });
    expect(rows.map((r) => r.id)).toEqual([live, second]);
    await expect(env.prisma.connectorAccount.update({ where: { id: first }, data: { isDefault: true } })).rejects.toThrow();
  });

  it('refuses a disabled account and an unknown or another merchant’s account with the same message', async () => {
    const id = await accountId({ isDefault: true });
    const disabled = await env.gql<{ disableConnectorAccount: AccountPayload }>(DISABLE_CONNECTOR_ACCOUNT, { id }, a());
    expect(disabled.data?.disableConnectorAccount.connectorAccount?.enabled).toBe(false);
    const named = await session({ connectorAccountId: id });
    expect(named.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connectorAccountId', reason: 'CONNECTOR_ACCOUNT_DISABLED' });
    const byDefault = await session();
    expect(byDefault.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-connector-config' });
    await env.gql(ENABLE_CONNECTOR_ACCOUNT, { id }, a());
    expect((await session({ connectorAccountId: id })).data?.createSessionToken.statusCode).toBe(200);

    const foreign = await session({ connectorAccountId: id }, b());
    const unknown = await session({ connectorAccountId: '00000000-0000-4000-8000-000000000000' }, b());
    const malformed = await session({ connectorAccountId: 'nope' }, b());
    for (const res of [foreign, unknown, malformed]) expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.connectorAccountId' });
    expect(foreign.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
    expect(await env.prisma.paymentSession.count({ where: { merchantId: env.merchantB.id } })).toBe(0);
  });

  it('isolates merchants on every account operation', async () => {
    const id = await accountId({ label: 'A only', isDefault: true });
    const notFound = { connectorAccount: null, error: expect.objectContaining({ unifiedDetails: expect.objectContaining({ code: 'CONNECTOR_ACCOUNT_NOT_FOUND' }) }) };
    const update = await env.gql<{ updateConnectorAccount: AccountPayload }>(UPDATE_CONNECTOR_ACCOUNT, { id, input: { label: 'stolen', credentials: NUVEI_2_CREDS } }, b());
    expect(update.data?.updateConnectorAccount).toEqual(notFound);
    const disable = await env.gql<{ disableConnectorAccount: AccountPayload }>(DISABLE_CONNECTOR_ACCOUNT, { id }, b());
    expect(disable.data?.disableConnectorAccount).toEqual(notFound);
    const enable = await env.gql<{ enableConnectorAccount: AccountPayload }>(ENABLE_CONNECTOR_ACCOUNT, { id }, b());
    expect(enable.data?.enableConnectorAccount).toEqual(notFound);
    const list = await env.gql<{ connectorAccounts: Account[] }>(CONNECTOR_ACCOUNTS, {}, b());
    expect(list.data?.connectorAccounts).toEqual([]);
    // B's default lookup never finds A's default.
    const bSession = await session({}, b());
    expect(bSession.errors?.[0]?.extensions).toMatchObject({ field: 'x-connector-config' });
    const row = await env.prisma.connectorAccount.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ label: 'A only', enabled: true, merchantId: env.merchantA.id });
    const unauthenticated = await env.gql(CONNECTOR_ACCOUNTS, {});
    expect(unauthenticated.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('replaces credentials whole on update, never reads them back, and a different account is a different replay', async () => {
    const id = await accountId({});
    const other = await accountId({ label: 'other', credentials: NUVEI_2_CREDS });
    const updated = await env.gql<{ updateConnectorAccount: AccountPayload }>(UPDATE_CONNECTOR_ACCOUNT, { id, input: { credentials: NUVEI_2_CREDS, label: 'renamed' } }, a());
    expect(updated.data?.updateConnectorAccount.connectorAccount).toMatchObject({ label: 'renamed', credentialHints: { merchant_id: NUVEI_2.merchantId, merchant_site_id: NUVEI_2.merchantSiteId } });
    const partial = await env.gql(UPDATE_CONNECTOR_ACCOUNT, { id, input: { credentials: { merchant_id: 'x' } } }, a());
    expect(partial.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.credentials.merchant_site_id' });

    const input = { connectorAccountId: id, merchantSessionId: 'replay_acct', idempotencyKey: 'idem-acct' };
    const first = await env.gql<SessionPayload>(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', amount: { minorAmount: 1000, currency: 'USD' }, ...input } }, a());
    expect(first.data?.createSessionToken.statusCode).toBe(200);
    const again = await env.gql<SessionPayload>(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', amount: { minorAmount: 1000, currency: 'USD' }, ...input } }, a());
    expect(again.data?.createSessionToken.replayed).toBe(true);
    const switched = await env.gql<SessionPayload>(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', amount: { minorAmount: 1000, currency: 'USD' }, ...input, connectorAccountId: other } }, a());
    expect(switched.data?.createSessionToken.error?.unifiedDetails.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('verify: Nuvei checks live (a failed check saves nothing); Paytm answers VERIFICATION_UNAVAILABLE', async () => {
    const ok = await createAccount({ verify: true });
    expect(ok.connectorAccount?.lastVerifiedAt).toEqual(expect.any(String));
    expect(env.gateway.callCount()).toBe(1);
    const bad = await createAccount({ verify: true, credentials: { ...NUVEI_CREDS, merchant_secret: 'CANARY_WRONG_VERIFY' } });
    expect(bad.connectorAccount).toBeNull();
    expect(bad.error).toMatchObject({ source: 'GATEWAY', unifiedDetails: { code: 'VERIFICATION_FAILED' } });
    const paytm = await createAccount({ connector: 'PAYTM', verify: true, credentials: PAYTM_CREDS });
    expect(paytm.error?.unifiedDetails.code).toBe('VERIFICATION_UNAVAILABLE');
    expect(await env.prisma.connectorAccount.count()).toBe(1);
    expect(await env.prisma.paymentSession.count()).toBe(0);
    const paytmPlain = await createAccount({ connector: 'PAYTM', credentials: PAYTM_CREDS });
    expect(paytmPlain.connectorAccount?.credentialHints).toEqual({ merchant_id: TEST_PAYTM.merchantId, website: TEST_PAYTM.website });
  });
});

describe('connector account cache', () => {
  let cached: IntegrationEnv;
  beforeAll(async () => {
    cached = await startIntegrationEnv({ env: { CONNECTOR_ACCOUNT_CACHE_TTL_MS: '60000' } });
  });
  afterAll(async () => {
    await cached?.close();
  });

  it('serves a cached account without reading it again, and this instance’s own disable takes effect at once', async () => {
    const headers = authHeaders(cached.merchantA.apiKey);
    const created = await cached.gql<{ createConnectorAccount: AccountPayload }>(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'c', testMode: true, credentials: NUVEI_CREDS, isDefault: true } }, headers);
    const id = created.data?.createConnectorAccount.connectorAccount?.id ?? '';
    const input = (n: string) => ({ input: { connector: 'NUVEI', merchantSessionId: n, amount: { minorAmount: 1000, currency: 'USD' } } });
    expect((await cached.gql<SessionPayload>(CREATE_SESSION_TOKEN, input('cache_1'), headers)).data?.createSessionToken.statusCode).toBe(200);
    // Disabled behind the API's back (as another instance would): the cached entry still serves within the bound.
    await cached.prisma.connectorAccount.update({ where: { id }, data: { enabled: false } });
    expect((await cached.gql<SessionPayload>(CREATE_SESSION_TOKEN, input('cache_2'), headers)).data?.createSessionToken.statusCode).toBe(200);
    // Through this instance: the cache is invalidated at once.
    await cached.gql(DISABLE_CONNECTOR_ACCOUNT, { id }, headers);
    const refused = await cached.gql<SessionPayload>(CREATE_SESSION_TOKEN, input('cache_3'), headers);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-connector-config' });
  });
});

describe('database round trips of createSessionToken with a stored account', () => {
  let counted: IntegrationEnv;
  beforeAll(async () => {
    counted = await startIntegrationEnv({ countDatabaseOperations: true, env: { CONNECTOR_ACCOUNT_CACHE_TTL_MS: '60000' } });
  });
  afterAll(async () => {
    await counted?.close();
  });

  it('costs one extra round trip on a cache miss and none on a hit', async () => {
    const headers = authHeaders(counted.merchantA.apiKey);
    const created = await counted.gql<{ createConnectorAccount: AccountPayload }>(CREATE_CONNECTOR_ACCOUNT, { input: { connector: 'NUVEI', label: 'rt', testMode: true, credentials: NUVEI_CREDS, isDefault: true } }, headers);
    const id = created.data?.createConnectorAccount.connectorAccount?.id ?? '';
    const cost = async (merchantSessionId: string, extra: Record<string, unknown>, h: Record<string, string>) => {
      const before = counted.databaseOperations();
      const res = await counted.gql<SessionPayload>(CREATE_SESSION_TOKEN, { input: { connector: 'NUVEI', merchantSessionId, amount: { minorAmount: 1000, currency: 'USD' }, ...extra } }, h);
      expect(res.data?.createSessionToken.statusCode).toBe(200);
      return counted.databaseOperations() - before;
    };
    const viaHeader = await cost('rt_header', {}, authHeaders(counted.merchantA.apiKey, nuveiConfigHeader()));
    // The claiming INSERT and the completing UPDATE (raw statements are counted; the API key is cached by then).
    expect(viaHeader).toBe(2);
    expect(await cost('rt_named_miss', { connectorAccountId: id }, headers)).toBe(viaHeader + 1);
    expect(await cost('rt_named_hit', { connectorAccountId: id }, headers)).toBe(viaHeader);
    expect(await cost('rt_default_miss', {}, headers)).toBe(viaHeader + 1);
    expect(await cost('rt_default_hit', {}, headers)).toBe(viaHeader);
  });
});
