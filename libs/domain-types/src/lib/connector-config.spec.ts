import { inspect } from 'node:util';
import { isSecret } from '@prism-sessions/masking';
import { ConnectorConfigError, type ConnectorConfigErrorCode } from './connector-config-error';
import { parseConnectorConfig as parseWith, type ConnectorConfig } from './connector-config';
import { defineCredentialSchema } from './credential-schema';

// Schemas shaped like the two connectors' own (which live in their libraries), so the generic parser
// is exercised on real field sets.
const nuveiLike = defineCredentialSchema('Nuvei', { merchant_id: { hint: true }, merchant_site_id: { hint: true }, merchant_secret: {} }, (v) => ({
  connector: 'nuvei' as const,
  merchantId: v.merchant_id,
  merchantSiteId: v.merchant_site_id,
  merchantSecret: v.merchant_secret,
}));
const paytmLike = defineCredentialSchema(
  'Paytm',
  { merchant_id: { hint: true }, merchant_key: {}, website: { hint: true }, client_id: { optional: true } },
  (v) => ({ connector: 'paytm' as const, merchantId: v.merchant_id, merchantKey: v.merchant_key, website: v.website, ...(v.client_id ? { clientId: v.client_id } : {}) }),
);
const SCHEMAS = [nuveiLike, paytmLike];
const parseConnectorConfig = (json: string) => parseWith(json, SCHEMAS);

const CANARY = 'CANARY_SECRET_9f8e';

const NUVEI = { merchant_id: 'nuvei_mid', merchant_site_id: 'nuvei_site', merchant_secret: 'nuvei_secret' } as const;
const PAYTM = { merchant_id: 'paytm_mid', merchant_key: 'paytm_key_16byte', website: 'WEBSTAGING' } as const;

const header = (variant: string, body: unknown) => JSON.stringify({ config: { [variant]: body } });

function rejection(input: string): ConnectorConfigError {
  try {
    parseConnectorConfig(input);
  } catch (error) {
    if (error instanceof ConnectorConfigError) return error;
    throw new Error(`expected a ConnectorConfigError, got ${String(error)}`);
  }
  throw new Error('expected a ConnectorConfigError, but the config was accepted');
}

/** Every way an error or a parsed config is commonly rendered: logs, JSON, string conversion, stack. */
function renderings(value: unknown): string[] {
  const out = [inspect(value, { depth: null }), inspect(value, { depth: null, showHidden: true }), JSON.stringify(value) ?? '', String(value)];
  if (value instanceof Error) out.push(value.message, String(value.stack));
  return out;
}

function expectNoCanary(value: unknown): void {
  for (const text of renderings(value)) expect(text).not.toContain(CANARY);
}

describe('parseConnectorConfig: accepted configs', () => {
  it('parses Nuvei credentials into secrets', () => {
    const { credentials, baseUrl } = parseConnectorConfig(header('Nuvei', NUVEI));
    expect(baseUrl).toBeUndefined();
    expect(credentials.connector).toBe('nuvei');
    if (credentials.connector !== 'nuvei') return;
    expect(credentials.merchantId.expose()).toBe('nuvei_mid');
    expect(credentials.merchantSiteId.expose()).toBe('nuvei_site');
    expect(credentials.merchantSecret.expose()).toBe('nuvei_secret');
  });

  it('parses Nuvei with a base_url override', () => {
    const config = parseConnectorConfig(header('Nuvei', { ...NUVEI, base_url: 'https://ppp-test.nuvei.com/ppp/api/v1' }));
    expect(config.baseUrl).toBe('https://ppp-test.nuvei.com/ppp/api/v1');
  });

  it('treats a null base_url as absent (upstream reads optional fields as none)', () => {
    const config = parseConnectorConfig(header('Nuvei', { ...NUVEI, base_url: null }));
    expect(config).not.toHaveProperty('baseUrl');
  });

  it('parses Paytm without client_id', () => {
    const { credentials } = parseConnectorConfig(header('Paytm', PAYTM));
    expect(credentials.connector).toBe('paytm');
    if (credentials.connector !== 'paytm') return;
    expect(credentials.merchantId.expose()).toBe('paytm_mid');
    expect(credentials.merchantKey.expose()).toBe('paytm_key_16byte');
    expect(credentials.website.expose()).toBe('WEBSTAGING');
    expect(credentials).not.toHaveProperty('clientId');
  });

  it('parses Paytm with client_id and base_url', () => {
    const config = parseConnectorConfig(header('Paytm', { ...PAYTM, client_id: 'C11', base_url: 'https://securestage.paytmpayments.com/' }));
    expect(config.baseUrl).toBe('https://securestage.paytmpayments.com/');
    expect(config.credentials.connector).toBe('paytm');
    if (config.credentials.connector !== 'paytm') return;
    expect(config.credentials.clientId?.expose()).toBe('C11');
  });

  it('treats a null client_id as absent', () => {
    const { credentials } = parseConnectorConfig(header('Paytm', { ...PAYTM, client_id: null }));
    expect(credentials).not.toHaveProperty('clientId');
  });

  it('accepts the deprecated x-connector-auth {"auth_type":{…}} wrapper', () => {
    const nuvei = parseConnectorConfig(JSON.stringify({ auth_type: { Nuvei: NUVEI } }));
    expect(nuvei.credentials.connector).toBe('nuvei');
    const paytm = parseConnectorConfig(JSON.stringify({ auth_type: { Paytm: PAYTM } }));
    expect(paytm.credentials.connector).toBe('paytm');
  });

  it('prefers "config" when both "config" and "auth_type" are present', () => {
    const config = parseConnectorConfig(JSON.stringify({ config: { Paytm: PAYTM }, auth_type: { Nuvei: NUVEI } }));
    expect(config.credentials.connector).toBe('paytm');
  });

  it('ignores unknown credential fields and never copies them into the result', () => {
    const config = parseConnectorConfig(header('Nuvei', { ...NUVEI, api_key: CANARY, [CANARY]: 'x' }));
    expect(Object.keys(config.credentials).sort()).toEqual(['connector', 'merchantId', 'merchantSecret', 'merchantSiteId']);
    expectNoCanary(config);
  });

  it('accepts surrounding whitespace in the header value', () => {
    expect(parseConnectorConfig(`  ${header('Nuvei', NUVEI)}\n`).credentials.connector).toBe('nuvei');
  });
});

describe('parseConnectorConfig: missing or invalid credential fields', () => {
  it.each([
    ['Nuvei', NUVEI, 'merchant_id'],
    ['Nuvei', NUVEI, 'merchant_site_id'],
    ['Nuvei', NUVEI, 'merchant_secret'],
    ['Paytm', PAYTM, 'merchant_id'],
    ['Paytm', PAYTM, 'merchant_key'],
    ['Paytm', PAYTM, 'website'],
  ] as const)('%s without %s → FAILED_TO_OBTAIN_AUTH_TYPE naming config.%s.<field>', (variant, valid, missing) => {
    const body: Record<string, unknown> = { ...valid };
    delete body[missing];
    const error = rejection(header(variant, body));
    expect(error.code).toBe('FAILED_TO_OBTAIN_AUTH_TYPE');
    expect(error.field).toBe(`config.${variant}.${missing}`);
    expect(error.message).toContain(`config.${variant}.${missing}`);
    expect(error.message).toContain('is missing');
  });

  it.each([
    ['a number', 12345, 'must be a string'],
    ['null', null, 'must be a string'],
    ['a boolean', true, 'must be a string'],
    ['an object', { value: 'x' }, 'must be a string'],
    ['an array', ['x'], 'must be a string'],
    ['an empty string', '', 'must not be empty'],
  ])('rejects merchant_secret given as %s', (_label, value, what) => {
    const error = rejection(header('Nuvei', { ...NUVEI, merchant_secret: value }));
    expect(error.code).toBe('FAILED_TO_OBTAIN_AUTH_TYPE');
    expect(error.field).toBe('config.Nuvei.merchant_secret');
    expect(error.message).toBe(`Nuvei connector config: config.Nuvei.merchant_secret ${what}`);
  });

  it.each([
    ['client_id', 42],
    ['client_id', ''],
    ['base_url', 42],
    ['base_url', ''],
  ])('rejects Paytm %s = %j', (field, value) => {
    const error = rejection(header('Paytm', { ...PAYTM, [field]: value }));
    expect(error.code).toBe('FAILED_TO_OBTAIN_AUTH_TYPE');
    expect(error.field).toBe(`config.Paytm.${field}`);
  });

  it('names the first offending field in schema order when several are wrong', () => {
    expect(rejection(header('Nuvei', {})).field).toBe('config.Nuvei.merchant_id');
  });
});

describe('parseConnectorConfig: malformed documents', () => {
  it.each<[string, string, ConnectorConfigErrorCode, string]>([
    ['invalid JSON', '{"config":', 'INVALID_CONNECTOR_CONFIG_JSON', 'x-connector-config'],
    ['an empty header', '', 'INVALID_CONNECTOR_CONFIG_JSON', 'x-connector-config'],
    ['single-quoted JSON', "{'config':{}}", 'INVALID_CONNECTOR_CONFIG_JSON', 'x-connector-config'],
    ['a JSON array', '[{"config":{}}]', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'x-connector-config'],
    ['a JSON string', '"Nuvei"', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'x-connector-config'],
    ['JSON null', 'null', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'x-connector-config'],
    ['a JSON number', '42', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'x-connector-config'],
    ['no config key', '{}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['a misspelt config key', JSON.stringify({ configs: { Nuvei: NUVEI } }), 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['config: null', '{"config":null}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['config as a string', '{"config":"Nuvei"}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['config as an array', '{"config":[{"Nuvei":{}}]}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['an empty config', '{"config":{}}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['two connectors at once', JSON.stringify({ config: { Nuvei: NUVEI, Paytm: PAYTM } }), 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config'],
    ['an unknown connector', header('Stripe', { api_key: 'sk_test' }), 'INVALID_CONNECTOR', 'config'],
    ['a lower-case connector name', header('nuvei', NUVEI), 'INVALID_CONNECTOR', 'config.nuvei'],
    ['an upper-case connector name', header('PAYTM', PAYTM), 'INVALID_CONNECTOR', 'config.PAYTM'],
    ['a "__proto__" connector', '{"config":{"__proto__":{}}}', 'INVALID_CONNECTOR', 'config'],
    ['a connector body that is a string', '{"config":{"Nuvei":"m:s:k"}}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config.Nuvei'],
    ['a connector body that is null', '{"config":{"Paytm":null}}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config.Paytm'],
    ['a connector body that is an array', '{"config":{"Nuvei":[]}}', 'INVALID_CONNECTOR_CONFIG_FORMAT', 'config.Nuvei'],
  ])('rejects %s', (_label, input, code, field) => {
    const error = rejection(input);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ConnectorConfigError');
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('tells the caller the right casing for a known connector in the wrong case', () => {
    expect(rejection(header('nuvei', NUVEI)).message).toContain('"Nuvei"');
    expect(rejection(header('PAYTM', PAYTM)).message).toContain('"Paytm"');
  });

  it('names the expected connectors for an unknown one', () => {
    expect(rejection(header('Stripe', {})).message).toBe('config names an unsupported connector; expected "Nuvei" or "Paytm"');
  });
});

describe('parseConnectorConfig: secrets never leak', () => {
  const secretFields = {
    Nuvei: ['merchant_id', 'merchant_site_id', 'merchant_secret'],
    Paytm: ['merchant_id', 'merchant_key', 'website', 'client_id'],
  } as const;
  const valid = { Nuvei: NUVEI, Paytm: PAYTM } as const;
  const positions = (Object.keys(secretFields) as (keyof typeof secretFields)[]).flatMap((variant) =>
    secretFields[variant].map((field) => [variant, field] as const),
  );

  it.each(positions)('%s.%s: a parsed secret renders masked everywhere, but expose() returns it', (variant, field) => {
    const config: ConnectorConfig<(typeof SCHEMAS)[number]> = parseConnectorConfig(header(variant, { ...valid[variant], [field]: CANARY }));
    expectNoCanary(config);
    expectNoCanary(config.credentials);
    for (const value of Object.values(config.credentials)) expect(`${String(value)}`).not.toContain(CANARY);
    const exposed = Object.values(config.credentials).map((value: unknown) => (isSecret(value) ? value.expose() : value));
    expect(exposed).toContain(CANARY);
  });

  it('renders every parsed secret as the mask', () => {
    const { credentials } = parseConnectorConfig(header('Paytm', { ...PAYTM, client_id: 'C11' }));
    expect(JSON.parse(JSON.stringify(credentials))).toEqual({
      connector: 'paytm',
      merchantId: '*** Secret ***',
      merchantKey: '*** Secret ***',
      website: '*** Secret ***',
      clientId: '*** Secret ***',
    });
  });

  it.each(positions)('%s.%s: the canary in this field is not echoed by an error about another field', (variant, field) => {
    const body: Record<string, unknown> = { ...valid[variant], [field]: CANARY };
    // Break a different field so the parse fails while the canary sits in `field`.
    const other = secretFields[variant].find((candidate) => candidate !== field && candidate !== 'client_id') ?? 'merchant_id';
    delete body[other];
    const error = rejection(header(variant, body));
    expect(error.field).toBe(`config.${variant}.${other}`);
    expectNoCanary(error);
  });

  it.each(positions)('%s.%s: a wrongly-typed value wrapping the canary is not echoed', (variant, field) => {
    for (const wrapped of [[CANARY], { value: CANARY }, { [CANARY]: true }]) {
      const error = rejection(header(variant, { ...valid[variant], [field]: wrapped }));
      expect(error.field).toBe(`config.${variant}.${field}`);
      expectNoCanary(error);
    }
  });

  it.each([
    ['as the connector key', header(CANARY, NUVEI)],
    ['as a second connector key', JSON.stringify({ config: { Nuvei: NUVEI, [CANARY]: {} } })],
    ['as the only top-level key', JSON.stringify({ [CANARY]: { Nuvei: NUVEI } })],
    ['as the config value', JSON.stringify({ config: CANARY })],
    ['as the connector body', header('Nuvei', CANARY)],
    ['as the whole document (a JSON string)', JSON.stringify(CANARY)],
    ['as an unknown field next to a missing one', header('Nuvei', { merchant_id: 'm', [CANARY]: CANARY })],
    ['unquoted inside malformed JSON', `{"config":{"Nuvei":{"merchant_secret":${CANARY}}}}`],
    ['inside truncated JSON', `{"config":{"Nuvei":{"merchant_secret":"${CANARY}"`],
    ['before a trailing comma', `{"config":{"Nuvei":{"merchant_secret":"${CANARY}",}}}`],
    ['as bare text', CANARY],
    ['after valid JSON', `${header('Nuvei', NUVEI)}${CANARY}`],
    ['in single-quoted JSON', `{'config':{'Nuvei':{'merchant_secret':'${CANARY}'}}}`],
  ])('the canary %s is not echoed', (_label, input) => {
    expectNoCanary(rejection(input));
  });
});
