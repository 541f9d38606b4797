import { baseUrlOverridesOf, loadConfig } from './env';

function configError(env: NodeJS.ProcessEnv): Error {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('reads the Apple Pay and paytm_checkout settings', () => {
    const config = loadConfig({ APPLE_PAY_BASE_URL: 'https://127.0.0.1:9443/', APPLE_PAY_TIMEOUT_MS: '2500', APPLE_PAY_CA_FILE: '/tmp/ca.pem', PAYTM_CHECKOUT_SESSION_TOKENS: 'true' });
    expect(config).toMatchObject({ APPLE_PAY_BASE_URL: 'https://127.0.0.1:9443/', APPLE_PAY_TIMEOUT_MS: 2500, APPLE_PAY_CA_FILE: '/tmp/ca.pem', PAYTM_CHECKOUT_SESSION_TOKENS: true });
    expect(configError({ APPLE_PAY_TIMEOUT_MS: '0' }).message).toContain('APPLE_PAY_TIMEOUT_MS');
    expect(configError({ APPLE_PAY_BASE_URL: 'ftp://apple' }).message).toContain('APPLE_PAY_BASE_URL');
    expect(configError({ PAYTM_CHECKOUT_SESSION_TOKENS: 'yes' }).message).toContain('PAYTM_CHECKOUT_SESSION_TOKENS');
  });

  it('applies the documented defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      NODE_ENV: 'development',
      PORT: 4000,
      HOST: '0.0.0.0',
      GRPC_PORT: 8080,
      CONNECTOR_BASE_URL_ALLOWLIST: '',
      GATEWAY_CONNECT_TIMEOUT_MS: 2000,
      GATEWAY_TIMEOUT_MS: 10000,
      SESSION_EXPIRY_MARGIN_SECONDS: 60,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
      MAX_BODY_BYTES: 65536,
      DATABASE_POOL_MAX: 10,
      METRICS_MERCHANT_LABEL: false,
      API_KEY_CACHE_TTL_MS: 10000,
      RATE_LIMIT_PER_SECOND: 100,
      RATE_LIMIT_BURST: 200,
      CONNECTOR_ACCOUNT_CACHE_TTL_MS: 5000,
      SIGNATURE_TTL_SECONDS: 900,
      SIGNATURE_CLOCK_SKEW_SECONDS: 120,
      APPLE_PAY_BASE_URL: 'https://apple-pay-gateway.apple.com/',
      APPLE_PAY_TIMEOUT_MS: 10000,
      PAYTM_CHECKOUT_SESSION_TOKENS: false,
      baseUrlAllowlist: new Set(),
    });
    expect(config.APPLE_PAY_CA_FILE).toBeUndefined();
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NUVEI_BASE_URL).toBeUndefined();
    expect(config.PAYTM_BASE_URL).toBeUndefined();
    expect(config.ENCRYPTION_KEY).toBeUndefined();
    expect(config.ENCRYPTION_PREVIOUS_KEYS).toBeUndefined();
    expect(config.WEB_CONCURRENCY).toBeUndefined();
    expect(config.baseUrlAllowlist.size).toBe(0);
  });

  it('reads WEB_CONCURRENCY (API worker processes) and refuses 0, fractions and words', () => {
    expect(loadConfig({ WEB_CONCURRENCY: '4' }).WEB_CONCURRENCY).toBe(4);
    expect(loadConfig({ WEB_CONCURRENCY: '1' }).WEB_CONCURRENCY).toBe(1);
    for (const bad of ['0', '1.5', 'many', '-2', '1000']) expect(() => loadConfig({ WEB_CONCURRENCY: bad })).toThrow(/WEB_CONCURRENCY/);
  });

  it('reads GRPC_PORT, 0 included, and refuses a port out of range', () => {
    expect(loadConfig({ GRPC_PORT: '0' }).GRPC_PORT).toBe(0);
    expect(loadConfig({ GRPC_PORT: '50051' }).GRPC_PORT).toBe(50051);
    expect(() => loadConfig({ GRPC_PORT: '70000' })).toThrow(/GRPC_PORT/);
  });

  it('reads the API key cache bound and the rate limit, and refuses nonsense', () => {
    expect(loadConfig({ API_KEY_CACHE_TTL_MS: '0', RATE_LIMIT_PER_SECOND: '2.5', RATE_LIMIT_BURST: '5' })).toMatchObject({ API_KEY_CACHE_TTL_MS: 0, RATE_LIMIT_PER_SECOND: 2.5, RATE_LIMIT_BURST: 5 });
    expect(() => loadConfig({ RATE_LIMIT_PER_SECOND: '0' })).toThrow(/RATE_LIMIT_PER_SECOND/);
    expect(() => loadConfig({ RATE_LIMIT_BURST: '0' })).toThrow(/RATE_LIMIT_BURST/);
    expect(() => loadConfig({ RATE_LIMIT_BURST: '1.5' })).toThrow(/RATE_LIMIT_BURST/);
    expect(() => loadConfig({ API_KEY_CACHE_TTL_MS: '-1' })).toThrow(/API_KEY_CACHE_TTL_MS/);
  });

  it('coerces numeric variables from strings', () => {
    const config = loadConfig({
      PORT: '8080',
      GATEWAY_CONNECT_TIMEOUT_MS: '1500',
      GATEWAY_TIMEOUT_MS: '30000',
      SESSION_EXPIRY_MARGIN_SECONDS: '0',
      MAX_BODY_BYTES: '1024',
      DATABASE_POOL_MAX: '3',
    });
    expect(config.PORT).toBe(8080);
    expect(config.GATEWAY_CONNECT_TIMEOUT_MS).toBe(1500);
    expect(config.GATEWAY_TIMEOUT_MS).toBe(30000);
    expect(config.SESSION_EXPIRY_MARGIN_SECONDS).toBe(0);
    expect(config.MAX_BODY_BYTES).toBe(1024);
    expect(config.DATABASE_POOL_MAX).toBe(3);
  });

  it('wraps METRICS_TOKEN in a Secret, refuses a short one, and parses METRICS_MERCHANT_LABEL', () => {
    const config = loadConfig({ METRICS_TOKEN: 'metrics-token-CANARY-0123', METRICS_MERCHANT_LABEL: 'true' });
    expect(config.METRICS_TOKEN?.expose()).toBe('metrics-token-CANARY-0123');
    expect(JSON.stringify(config)).not.toContain('CANARY');
    expect(config.METRICS_MERCHANT_LABEL).toBe(true);
    expect(configError({ METRICS_TOKEN: 'short' }).message).toContain('METRICS_TOKEN');
    expect(configError({ METRICS_MERCHANT_LABEL: 'yes' }).message).toContain('METRICS_MERCHANT_LABEL');
  });

  it('accepts PORT 0 (ephemeral, used by tests) and 65535', () => {
    expect(loadConfig({ PORT: '0' }).PORT).toBe(0);
    expect(loadConfig({ PORT: '65535' }).PORT).toBe(65535);
  });

  it('keeps the other string variables as given', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u:p@127.0.0.1:5432/app',
      ENCRYPTION_KEY: 'a2V5',
      ENCRYPTION_PREVIOUS_KEYS: 'b2xk,b2xkZXI=',
      DATA_DIR: '/var/lib/app',
      LOG_LEVEL: 'debug',
      NUVEI_BASE_URL: 'https://ppp-test.nuvei.com/ppp/api/v1',
      PAYTM_BASE_URL: 'http://127.0.0.1:9000',
    });
    expect(config.NODE_ENV).toBe('production');
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.DATABASE_URL).toBe('postgresql://u:p@127.0.0.1:5432/app');
    expect(config.ENCRYPTION_KEY).toBe('a2V5');
    expect(config.ENCRYPTION_PREVIOUS_KEYS).toBe('b2xk,b2xkZXI=');
    expect(config.DATA_DIR).toBe('/var/lib/app');
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.NUVEI_BASE_URL).toBe('https://ppp-test.nuvei.com/ppp/api/v1');
    expect(config.PAYTM_BASE_URL).toBe('http://127.0.0.1:9000');
  });

  it('trims base URLs and DATABASE_URL', () => {
    const config = loadConfig({ NUVEI_BASE_URL: '  https://gw.test/api  ', DATABASE_URL: ' postgresql://127.0.0.1/app ' });
    expect(config.NUVEI_BASE_URL).toBe('https://gw.test/api');
    expect(config.DATABASE_URL).toBe('postgresql://127.0.0.1/app');
  });

  it.each(['DATABASE_URL', 'NUVEI_BASE_URL', 'PAYTM_BASE_URL'])('treats an empty or blank %s as unset', (name) => {
    expect(loadConfig({ [name]: '' })[name as 'DATABASE_URL']).toBeUndefined();
    expect(loadConfig({ [name]: '   ' })[name as 'DATABASE_URL']).toBeUndefined();
  });

  it('treats an empty CONNECTOR_BASE_URL_ALLOWLIST as an empty allow-list', () => {
    expect(loadConfig({ CONNECTOR_BASE_URL_ALLOWLIST: '' }).baseUrlAllowlist.size).toBe(0);
    expect(loadConfig({ CONNECTOR_BASE_URL_ALLOWLIST: ' , ,, ' }).baseUrlAllowlist.size).toBe(0);
  });

  // `PORT=` (e.g. `PORT=${PORT}` with PORT unset in a compose file) must not bind a random port,
  // and an empty SESSION_EXPIRY_MARGIN_SECONDS must not drop the expiry safety margin to 0.
  it.each([
    ['PORT', 4000],
    ['SESSION_EXPIRY_MARGIN_SECONDS', 60],
  ] as const)('treats an empty %s as unset (default %d), not as 0', (name, fallback) => {
    expect(loadConfig({ [name]: '' })[name]).toBe(fallback);
  });

  it.each([
    ['GATEWAY_TIMEOUT_MS', 10000],
    ['GATEWAY_CONNECT_TIMEOUT_MS', 2000],
    ['MAX_BODY_BYTES', 65536],
    ['DATABASE_POOL_MAX', 10],
    ['NODE_ENV', 'development'],
    ['LOG_LEVEL', 'info'],
  ] as const)('treats an empty %s as unset (its default), never a silent 0', (name, fallback) => {
    expect(loadConfig({ [name]: '' })[name]).toBe(fallback);
  });

  it('parses the allow-list: comma-separated, trimmed, lower-cased, blanks dropped, duplicates merged', () => {
    const config = loadConfig({ CONNECTOR_BASE_URL_ALLOWLIST: ' GW.Example.com, other.test ,,gw.example.COM, ' });
    expect([...config.baseUrlAllowlist].sort()).toEqual(['gw.example.com', 'other.test']);
    expect(config.CONNECTOR_BASE_URL_ALLOWLIST).toBe(' GW.Example.com, other.test ,,gw.example.COM, ');
  });

  it.each([
    ['not a number', 'abc'],
    ['negative', '-1'],
    ['too large', '65536'],
    ['fractional', '80.5'],
    ['with a unit', '80px'],
  ])('rejects PORT %s, naming the variable and not echoing the value', (_label, value) => {
    const error = configError({ PORT: value });
    expect(error.message).toMatch(/^Invalid configuration: /);
    expect(error.message).toContain('PORT');
    expect(error.message).not.toContain(value);
  });

  it.each([
    ['not a URL', 'not a url'],
    ['ftp', 'ftp://gw.test/api'],
    ['file', 'file:///etc/passwd'],
    ['javascript', 'javascript:alert(1)'],
    ['scheme-less host', 'gw.test/api'],
    ['scheme without host', 'https://'],
  ])('rejects NUVEI_BASE_URL %s, naming the variable', (_label, value) => {
    const error = configError({ NUVEI_BASE_URL: value });
    expect(error.message).toMatch(/^Invalid configuration: /);
    expect(error.message).toContain('NUVEI_BASE_URL');
    expect(error.message).not.toContain('PAYTM_BASE_URL');
  });

  it('rejects a non-http PAYTM_BASE_URL, naming the variable', () => {
    expect(configError({ PAYTM_BASE_URL: 'ftp://gw.test' }).message).toContain('PAYTM_BASE_URL');
  });

  it.each([
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['GATEWAY_TIMEOUT_MS', '0'],
    ['GATEWAY_TIMEOUT_MS', '-5'],
    ['GATEWAY_CONNECT_TIMEOUT_MS', 'soon'],
    ['SESSION_EXPIRY_MARGIN_SECONDS', '-1'],
    ['MAX_BODY_BYTES', '1.5'],
    ['DATABASE_POOL_MAX', '0'],
  ])('rejects %s=%s, naming the variable', (name, value) => {
    expect(configError({ [name]: value }).message).toContain(name);
  });

  it('reports every bad variable at once', () => {
    const message = configError({ PORT: 'x', NUVEI_BASE_URL: 'ftp://gw.test', LOG_LEVEL: 'loud' }).message;
    expect(message).toContain('PORT');
    expect(message).toContain('NUVEI_BASE_URL');
    expect(message).toContain('LOG_LEVEL');
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', SOMETHING_ELSE: 'x' }).PORT).toBe(4000);
  });
});

describe('baseUrlOverridesOf', () => {
  it('maps each set <ID>_BASE_URL to its connector id, and nothing else', () => {
    expect(baseUrlOverridesOf(loadConfig({ NUVEI_BASE_URL: 'http://127.0.0.1:9000/nuvei' }))).toEqual({ nuvei: 'http://127.0.0.1:9000/nuvei' });
    expect(baseUrlOverridesOf(loadConfig({}))).toEqual({});
  });

  it('bounds CONNECTOR_ACCOUNT_CACHE_TTL_MS (0 disables the cache; at most a minute)', () => {
    expect(loadConfig({ CONNECTOR_ACCOUNT_CACHE_TTL_MS: '0' }).CONNECTOR_ACCOUNT_CACHE_TTL_MS).toBe(0);
    expect(() => loadConfig({ CONNECTOR_ACCOUNT_CACHE_TTL_MS: '-1' })).toThrow(/CONNECTOR_ACCOUNT_CACHE_TTL_MS/);
    expect(() => loadConfig({ CONNECTOR_ACCOUNT_CACHE_TTL_MS: '600000' })).toThrow(/CONNECTOR_ACCOUNT_CACHE_TTL_MS/);
  });

  it('reads the HyperSDK settings: SIGNATURE_TTL_SECONDS, SIGNATURE_CLOCK_SKEW_SECONDS (bounded), UPI_PREFIX (3 characters)', () => {
    const config = loadConfig({ SIGNATURE_TTL_SECONDS: '600', SIGNATURE_CLOCK_SKEW_SECONDS: '0', UPI_PREFIX: 'AXB' });
    expect([config.SIGNATURE_TTL_SECONDS, config.SIGNATURE_CLOCK_SKEW_SECONDS, config.UPI_PREFIX]).toEqual([600, 0, 'AXB']);
    expect(loadConfig({}).UPI_PREFIX).toBeUndefined();
    expect(() => loadConfig({ SIGNATURE_TTL_SECONDS: '0' })).toThrow(/SIGNATURE_TTL_SECONDS/);
    expect(() => loadConfig({ SIGNATURE_CLOCK_SKEW_SECONDS: '-5' })).toThrow(/SIGNATURE_CLOCK_SKEW_SECONDS/);
    expect(() => loadConfig({ UPI_PREFIX: 'axbc' })).toThrow(/UPI_PREFIX/);
  });
});
