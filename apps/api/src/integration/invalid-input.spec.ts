import { CREATE_CONNECTOR_ACCOUNT, CREATE_SESSION_TOKEN } from '@prism-sessions/testing-graphql-documents';
import { authHeaders, nuveiConfigHeader, paytmConfigHeader, startIntegrationEnv, type IntegrationEnv } from '../testing/integration-harness';

jest.setTimeout(120_000);

const valid = { connector: 'NUVEI', merchantSessionId: 'order_ok', amount: { minorAmount: 1000, currency: 'USD' } };
type Input = Record<string, unknown>;
const withInput = (patch: (input: Input) => void): Input => {
  const copy = structuredClone(valid) as Input;
  patch(copy);
  return copy;
};
const amount = (minorAmount: unknown, currency: unknown = 'USD') => withInput((i) => (i['amount'] = { minorAmount, currency }));
const browser = (info: Record<string, unknown>) => withInput((i) => (i['browserInfo'] = info));
const nuvei = (fields: Record<string, unknown>) => JSON.stringify({ config: { Nuvei: fields } });
const goodNuvei = { merchant_id: 'it_nuvei_merchant', merchant_site_id: 'it_site_77', merchant_secret: 'CANARY_SECRET_BAD_INPUT' };
const paypal = (fields: Record<string, unknown>) => JSON.stringify({ config: { Paypal: fields } });
const goodPaypal = { client_id: 'it_paypal_client_id', client_secret: 'CANARY_SECRET_BAD_INPUT' };
const paypalInput = (patch: (input: Input) => void = () => undefined): Input => withInput((i) => {
  i['connector'] = 'PAYPAL';
  patch(i);
});

interface Case {
  readonly name: string;
  /** Substring that must appear in the error (the field or header at fault). */
  readonly field: string;
  readonly input?: Input;
  readonly headers?: Record<string, string>;
  /** A raw HTTP body instead of the standard mutation. */
  readonly rawBody?: string;
  readonly query?: string;
  /** Variables of `query`. */
  readonly variables?: Record<string, unknown>;
}

// createConnectorAccount: a valid input, and cases that change one thing.
const goodAccount = { connector: 'NUVEI', label: 'main', testMode: true, credentials: goodNuvei };
const account = (patch: (input: Input) => void): Pick<Case, 'query' | 'variables'> => {
  const input = structuredClone(goodAccount) as Input;
  patch(input);
  return { query: CREATE_CONNECTOR_ACCOUNT, variables: { input } };
};
const credentials = (value: unknown) => account((i) => (i['credentials'] = value));
const noHeader = { 'x-connector-config': '' };

const cases: Case[] = [
  // merchantSessionId
  { name: 'empty merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = '')) },
  { name: '51-char merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'a'.repeat(51))) },
  { name: 'merchantSessionId with a space', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'order 1')) },
  { name: 'non-ASCII merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'ordér')) },
  { name: 'emoji merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'order💳')) },
  { name: 'slash in merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'a/b')) },
  { name: 'dot in merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'a.b')) },
  { name: 'query-string injection in merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 'a&mid=x')) },
  { name: 'numeric merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = 123)) },
  { name: 'null merchantSessionId', field: 'merchantSessionId', input: withInput((i) => (i['merchantSessionId'] = null)) },
  { name: 'missing merchantSessionId', field: 'merchantSessionId', input: withInput((i) => delete i['merchantSessionId']) },
  // amount.minorAmount
  { name: 'zero amount', field: 'minorAmount', input: amount(0) },
  { name: 'negative amount', field: 'minorAmount', input: amount(-1) },
  { name: 'fractional amount', field: 'minorAmount', input: amount(1.5) },
  { name: 'fractional amount string', field: 'minorAmount', input: amount('1.5') },
  { name: 'non-numeric amount', field: 'minorAmount', input: amount('abc') },
  { name: 'exponent amount', field: 'minorAmount', input: amount('1e3') },
  { name: 'amount 2^63', field: 'minorAmount', input: amount('9223372036854775808') },
  { name: 'amount 2^64', field: 'minorAmount', input: amount('18446744073709551616') },
  { name: 'amount with 40 digits', field: 'minorAmount', input: amount('1'.repeat(40)) },
  { name: 'unsafe JSON number amount', field: 'minorAmount', rawBody: JSON.stringify({ query: CREATE_SESSION_TOKEN, variables: { input: valid } }).replace('"minorAmount":1000', '"minorAmount":9007199254740993') },
  { name: 'boolean amount', field: 'minorAmount', input: amount(true) },
  { name: 'object amount', field: 'minorAmount', input: amount({ value: 1 }) },
  { name: 'empty-string amount', field: 'minorAmount', input: amount('') },
  { name: 'padded amount', field: 'minorAmount', input: amount(' 10') },
  { name: 'null amount', field: 'minorAmount', input: amount(null) },
  { name: 'missing amount', field: 'amount', input: withInput((i) => delete i['amount']) },
  // amount.currency
  { name: 'unknown currency', field: 'currency', input: amount(1000, 'XXX') },
  { name: 'lower-case currency', field: 'currency', input: amount(1000, 'usd') },
  { name: 'empty currency', field: 'currency', input: amount(1000, '') },
  { name: 'four-letter currency', field: 'currency', input: amount(1000, 'EURO') },
  { name: 'numeric currency', field: 'currency', input: amount(1000, 840) },
  { name: 'unsupported currency AFN', field: 'currency', input: amount(1000, 'AFN') },
  { name: 'unsupported currency KPW', field: 'currency', input: amount(1000, 'KPW') },
  { name: 'unsupported currency CLF', field: 'currency', input: amount(1000, 'CLF') },
  // connector
  { name: 'unknown connector enum', field: 'connector', input: withInput((i) => (i['connector'] = 'STRIPE')) },
  { name: 'lower-case connector enum', field: 'connector', input: withInput((i) => (i['connector'] = 'nuvei')) },
  { name: 'no connector anywhere', field: 'connector', input: withInput((i) => delete i['connector']) },
  { name: 'unknown x-connector header', field: 'x-connector', input: withInput((i) => delete i['connector']), headers: { 'x-connector': 'stripe' } },
  { name: 'x-connector contradicting input', field: 'connector', headers: { 'x-connector': 'paytm' } },
  // testMode / idempotencyKey
  { name: 'string testMode', field: 'testMode', input: withInput((i) => (i['testMode'] = 'yes')) },
  { name: 'numeric testMode', field: 'testMode', input: withInput((i) => (i['testMode'] = 1)) },
  { name: 'empty idempotencyKey', field: 'idempotencyKey', input: withInput((i) => (i['idempotencyKey'] = '')) },
  { name: '256-char idempotencyKey', field: 'idempotencyKey', input: withInput((i) => (i['idempotencyKey'] = 'k'.repeat(256))) },
  { name: 'idempotencyKey with a space', field: 'idempotencyKey', input: withInput((i) => (i['idempotencyKey'] = 'key 1')) },
  { name: 'non-ASCII idempotencyKey', field: 'idempotencyKey', input: withInput((i) => (i['idempotencyKey'] = 'clé')) },
  // browserInfo
  { name: 'negative colorDepth', field: 'colorDepth', input: browser({ colorDepth: -1 }) },
  { name: 'string colorDepth', field: 'colorDepth', input: browser({ colorDepth: 'deep' }) },
  { name: 'colorDepth above Int', field: 'colorDepth', input: browser({ colorDepth: 2 ** 32 }) },
  { name: 'fractional screenHeight', field: 'screenHeight', input: browser({ screenHeight: 1.5 }) },
  { name: 'invalid ipAddress', field: 'ipAddress', input: browser({ ipAddress: 'not-an-ip' }) },
  { name: 'time zone offset out of range', field: 'timeZoneOffsetMinutes', input: browser({ timeZoneOffsetMinutes: 9999 }) },
  { name: 'string javaEnabled', field: 'javaEnabled', input: browser({ javaEnabled: 'true' }) },
  { name: 'overlong userAgent', field: 'userAgent', input: browser({ userAgent: 'u'.repeat(2000) }) },
  { name: 'unknown browserInfo field', field: 'foo', input: browser({ foo: 1 }) },
  // other input fields
  { name: 'overlong metadata', field: 'metadata', input: withInput((i) => (i['metadata'] = 'm'.repeat(9000))) },
  { name: 'empty access token', field: 'token', input: withInput((i) => (i['state'] = { accessToken: { token: '' } })) },
  { name: 'negative token lifetime', field: 'expiresInSeconds', input: withInput((i) => (i['state'] = { accessToken: { token: 't', expiresInSeconds: -5 } })) },
  { name: 'unknown input field', field: 'foo', input: withInput((i) => (i['foo'] = 'bar')) },
  // x-connector-config
  { name: 'missing x-connector-config', field: 'x-connector-config', headers: { 'x-connector-config': '' } },
  { name: 'invalid JSON config', field: 'x-connector-config', headers: { 'x-connector-config': '{"config":{"Nuvei":' } },
  { name: 'array config', field: 'x-connector-config', headers: { 'x-connector-config': '[]' } },
  // upstream's legacy header auth (used only without x-connector-config)
  { name: 'legacy x-auth unknown to upstream', field: 'x-auth', headers: { 'x-connector-config': '', 'x-auth': 'certificate-auth' } },
  { name: 'legacy x-auth Nuvei does not accept', field: 'AUTH_CONVERSION_FAILED', headers: { 'x-connector-config': '', 'x-auth': 'multi-auth-key' } },
  { name: 'legacy signature-key without x-api-secret', field: 'x-api-secret', headers: { 'x-connector-config': '', 'x-auth': 'signature-key', 'x-api-key': 'm', 'x-key1': 'CANARY_SECRET_BAD_INPUT' } },
  { name: 'config without "config"', field: 'config', headers: { 'x-connector-config': '{"Nuvei":{}}' } },
  { name: 'missing merchant_secret', field: 'merchant_secret', headers: { 'x-connector-config': nuvei({ merchant_id: 'm', merchant_site_id: 's' }) } },
  { name: 'missing merchant_site_id', field: 'merchant_site_id', headers: { 'x-connector-config': nuvei({ merchant_id: 'm', merchant_secret: 'CANARY_SECRET_BAD_INPUT' }) } },
  { name: 'numeric merchant_id', field: 'merchant_id', headers: { 'x-connector-config': nuvei({ ...goodNuvei, merchant_id: 42 }) } },
  { name: 'empty merchant_secret', field: 'merchant_secret', headers: { 'x-connector-config': nuvei({ ...goodNuvei, merchant_secret: '' }) } },
  { name: 'unknown connector in config', field: 'config', headers: { 'x-connector-config': JSON.stringify({ config: { Stripe: { api_key: 'CANARY_SECRET_BAD_INPUT' } } }) } },
  { name: 'two connectors in config', field: 'config', headers: { 'x-connector-config': JSON.stringify({ config: { Nuvei: goodNuvei, Paytm: goodNuvei } }) } },
  { name: 'Paytm config for a Nuvei request', field: 'x-connector-config', headers: { 'x-connector-config': paytmConfigHeader() } },
  { name: 'Paytm config without merchant_key', field: 'merchant_key', input: withInput((i) => (i['connector'] = 'PAYTM')), headers: { 'x-connector-config': JSON.stringify({ config: { Paytm: { merchant_id: 'M', website: 'W' } } }) } },
  { name: 'base_url override not allow-listed', field: 'base_url', headers: { 'x-connector-config': nuvei({ ...goodNuvei, base_url: 'http://169.254.169.254/latest' }) } },
  // createConnectorAccount
  { name: 'account without merchant_secret', field: 'input.credentials.merchant_secret', ...credentials({ merchant_id: 'm', merchant_site_id: 's' }) },
  { name: 'account with empty merchant_secret', field: 'input.credentials.merchant_secret', ...credentials({ ...goodNuvei, merchant_secret: '' }) },
  { name: 'account with numeric merchant_id', field: 'input.credentials.merchant_id', ...credentials({ ...goodNuvei, merchant_id: 42 }) },
  { name: 'account with null merchant_site_id', field: 'input.credentials.merchant_site_id', ...credentials({ ...goodNuvei, merchant_site_id: null }) },
  { name: 'account credentials as an array', field: 'input.credentials', ...credentials([goodNuvei]) },
  { name: 'account credentials as a string', field: 'input.credentials', ...credentials(JSON.stringify(goodNuvei)) },
  { name: 'account credentials null', field: 'credentials', ...credentials(null) },
  { name: 'account credentials missing', field: 'credentials', ...account((i) => delete i['credentials']) },
  { name: 'account credentials with an undeclared field', field: 'input.credentials', ...credentials({ ...goodNuvei, merchant_secrt: 'CANARY_SECRET_BAD_INPUT' }) },
  { name: 'account credentials with base_url', field: 'input.credentials', ...credentials({ ...goodNuvei, base_url: 'http://169.254.169.254/' }) },
  { name: 'account credentials in the x-connector-config wrapper', field: 'input.credentials', ...credentials({ config: { Nuvei: goodNuvei } }) },
  { name: 'Paytm credentials for a Nuvei account', field: 'input.credentials', ...credentials({ merchant_id: 'M', merchant_key: 'CANARY_SECRET_BAD_INPUT', website: 'W' }) },
  { name: 'Paytm account without merchant_key', field: 'input.credentials.merchant_key', ...account((i) => Object.assign(i, { connector: 'PAYTM', credentials: { merchant_id: 'M', website: 'W' } })) },
  { name: 'oversized account credentials', field: 'input.credentials', ...credentials({ ...goodNuvei, merchant_secret: `CANARY_SECRET_BAD_INPUT${'x'.repeat(5000)}` }) },
  { name: 'empty account label', field: 'label', ...account((i) => (i['label'] = '')) },
  { name: 'blank account label', field: 'label', ...account((i) => (i['label'] = '   ')) },
  { name: '101-char account label', field: 'label', ...account((i) => (i['label'] = 'l'.repeat(101))) },
  { name: 'account label with a control character', field: 'label', ...account((i) => (i['label'] = 'a\u0007b')) },
  { name: 'unknown wallet', field: 'wallets', ...account((i) => (i['wallets'] = ['VENMO'])) },
  { name: 'repeated wallet', field: 'wallets', ...account((i) => (i['wallets'] = ['GOOGLE_PAY', 'GOOGLE_PAY'])) },
  { name: 'unknown account connector', field: 'connector', ...account((i) => (i['connector'] = 'STRIPE')) },
  { name: 'account without testMode', field: 'testMode', ...account((i) => delete i['testMode']) },
  { name: 'string account testMode', field: 'testMode', ...account((i) => (i['testMode'] = 'true')) },
  { name: 'string verify', field: 'verify', ...account((i) => (i['verify'] = 'yes')) },
  // PayPal credentials and sessions
  { name: 'Paypal config without client_secret', field: 'config.Paypal.client_secret', input: paypalInput(), headers: { 'x-connector-config': paypal({ client_id: 'id' }) } },
  { name: 'Paypal config with an empty client_id', field: 'config.Paypal.client_id', input: paypalInput(), headers: { 'x-connector-config': paypal({ ...goodPaypal, client_id: '' }) } },
  { name: 'Paypal config with a numeric client_secret', field: 'config.Paypal.client_secret', input: paypalInput(), headers: { 'x-connector-config': paypal({ ...goodPaypal, client_secret: 12345 }) } },
  { name: 'Paypal config with a null client_id', field: 'config.Paypal.client_id', input: paypalInput(), headers: { 'x-connector-config': paypal({ ...goodPaypal, client_id: null }) } },
  { name: 'lower-case paypal config key', field: 'use \\"Paypal\\"', input: paypalInput(), headers: { 'x-connector-config': JSON.stringify({ config: { paypal: goodPaypal } }) } },
  { name: 'Paypal config for a Nuvei request', field: 'x-connector-config', headers: { 'x-connector-config': paypal(goodPaypal) } },
  { name: 'Nuvei config for a PayPal request', field: 'x-connector-config', input: paypalInput() },
  { name: 'PayPal session in a currency PayPal does not take', field: 'input.amount.currency', input: paypalInput((i) => (i['amount'] = { minorAmount: 1000, currency: 'INR' })), headers: { 'x-connector-config': paypal(goodPaypal) } },
  { name: 'PayPal base_url override not allow-listed', field: 'base_url', input: paypalInput(), headers: { 'x-connector-config': paypal({ ...goodPaypal, base_url: 'http://169.254.169.254/v1' }) } },
  { name: 'PayPal state with an empty access token', field: 'token', input: paypalInput((i) => (i['state'] = { accessToken: { token: '' } })), headers: { 'x-connector-config': paypal(goodPaypal) } },
  { name: 'PayPal account without client_secret', field: 'input.credentials.client_secret', ...account((i) => Object.assign(i, { connector: 'PAYPAL', credentials: { client_id: 'id' } })) },
  { name: 'PayPal account with a misspelt field', field: 'input.credentials', ...account((i) => Object.assign(i, { connector: 'PAYPAL', credentials: { client_id: 'id', client_secrt: 'CANARY_SECRET_BAD_INPUT' } })) },
  { name: 'PayPal account with Nuvei credentials', field: 'input.credentials', ...account((i) => Object.assign(i, { connector: 'PAYPAL' })) },
  // createSessionToken with stored accounts
  { name: 'malformed connectorAccountId', field: 'input.connectorAccountId', input: withInput((i) => (i['connectorAccountId'] = 'not-a-uuid')), headers: noHeader },
  { name: 'unknown connectorAccountId', field: 'input.connectorAccountId', input: withInput((i) => (i['connectorAccountId'] = '00000000-0000-4000-8000-000000000000')), headers: noHeader },
  { name: 'numeric connectorAccountId', field: 'input.connectorAccountId', input: withInput((i) => (i['connectorAccountId'] = 7)), headers: noHeader },
  { name: 'empty connectorAccountId', field: 'input.connectorAccountId', input: withInput((i) => (i['connectorAccountId'] = '')), headers: noHeader },
  // whole-request problems
  { name: 'oversized body', field: 'exceeds', rawBody: JSON.stringify({ query: CREATE_SESSION_TOKEN, variables: { input: valid }, pad: 'x'.repeat(100_000) }) },
  { name: 'malformed JSON body', field: 'JSON', rawBody: '{"query": "mutation {' },
  { name: 'query nested beyond the depth limit', field: 'depth', query: 'query { paymentSessions { edges { node { error { unifiedDetails { code { a { b { c } } } } } } } } }' },
  { name: 'query over the complexity limit', field: 'complexity', query: `query { ${Array.from({ length: 8 }, (_, n) => `p${n}: paymentSessions(first: 100) { edges { node { id status amount { minorAmount currency } } } }`).join(' ')} }` },
  { name: 'query over the token limit', field: 'token', query: `query { ${Array.from({ length: 1200 }, (_, n) => `a${n}: connectors { id }`).join(' ')} }` },
];

let env: IntegrationEnv;

beforeAll(async () => {
  env = await startIntegrationEnv();
  await env.reset();
});
afterAll(async () => {
  await env?.close();
});

describe('bad input corpus: a clear error naming the problem, nothing written, nothing sent', () => {
  it('has at least 85 cases (60 before connector accounts)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(85);
  });

  it.each(cases)('$name', async (testCase) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...authHeaders(env.merchantA.apiKey, nuveiConfigHeader('CANARY_SECRET_BAD_INPUT')), ...testCase.headers };
    if (headers['x-connector-config'] === '') delete headers['x-connector-config'];
    const body =
      testCase.rawBody ??
      JSON.stringify(testCase.query !== undefined ? { query: testCase.query, ...(testCase.variables ? { variables: testCase.variables } : {}) } : { query: CREATE_SESSION_TOKEN, variables: { input: testCase.input ?? valid } });
    const response = await fetch(env.url, { method: 'POST', headers, body });
    const text = await response.text();
    const parsed = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }>; data?: unknown };
    expect(parsed.errors?.length).toBeGreaterThan(0);
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.['code']);
    for (const code of codes) expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_TOO_COMPLEX', 'BAD_REQUEST', 'PAYLOAD_TOO_LARGE']).toContain(code);
    expect(text).toContain(testCase.field);
    expect(text).not.toContain('CANARY_SECRET_BAD_INPUT');
    expect(await env.prisma.paymentSession.count()).toBe(0);
    expect(await env.prisma.connectorAccount.count()).toBe(0);
    expect(await env.prisma.connectorState.count()).toBe(0);
    expect(env.gateway.callCount()).toBe(0);
  });

  it('stays healthy and serves a valid request afterwards', async () => {
    const health = await fetch(env.url.replace('/graphql', '/health'));
    expect(health.status).toBe(200);
    const res = await env.gql<{ createSessionToken: { statusCode: number } }>(CREATE_SESSION_TOKEN, { input: valid }, authHeaders(env.merchantA.apiKey, nuveiConfigHeader()));
    expect(res.data?.createSessionToken.statusCode).toBe(200);
  });
});
