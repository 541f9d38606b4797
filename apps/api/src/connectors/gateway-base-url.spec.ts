import { defineCredentialSchema } from '@prism-sessions/domain-types';
import type { ConnectorId } from './connector-registry';
import { loadConfig } from '../config/env';
import type { RegisteredConnector } from './connector-registry';
import { BaseUrlNotAllowedError, resolveGatewayBaseUrl, type BaseUrlOverrides } from './gateway-base-url';

const SANDBOX = 'https://sandbox.gateway.test/api';
const PRODUCTION = 'https://secure.gateway.test/api';

function connector(id: ConnectorId = 'nuvei'): RegisteredConnector {
  return {
    id,
    displayName: 'Fake',
    capabilities: {
      requiresSessionToken: true,
      requiresOrderCreate: false,
      requiresAccessToken: false,
      sessionTokenLifetimeSeconds: 900,
      ordersPerSessionToken: 1,
      supportedCurrencies: ['USD'],
    },
    baseUrls: { sandbox: SANDBOX, production: PRODUCTION },
    describeErrorCode: () => undefined,
    credentials: defineCredentialSchema('Fake', {}, () => ({})),
    credentialCheck: { kind: 'unavailable', reason: 'not used by these tests' },
    prepareSessionToken: () => {
      throw new Error('not used by these tests');
    },
    prepareAccessToken: () => {
      throw new Error('not used by these tests');
    },
    accessTokenScope: () => undefined,
  };
}

const NO_OVERRIDES: BaseUrlOverrides = {};
const EMPTY_ALLOWLIST: ReadonlySet<string> = new Set();

function refusal(fn: () => unknown): BaseUrlNotAllowedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof BaseUrlNotAllowedError) return error;
    throw error;
  }
  throw new Error('expected BaseUrlNotAllowedError');
}

describe('resolveGatewayBaseUrl', () => {
  describe('without a per-request base_url', () => {
    it('uses the sandbox URL in test mode and the production URL otherwise', () => {
      expect(resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, EMPTY_ALLOWLIST)).toBe(SANDBOX);
      expect(resolveGatewayBaseUrl(connector(), false, NO_OVERRIDES, EMPTY_ALLOWLIST)).toBe(PRODUCTION);
    });

    it('lets the operator override win in both modes, for that connector only', () => {
      const overrides: BaseUrlOverrides = { nuvei: 'http://127.0.0.1:9999/nuvei' };
      expect(resolveGatewayBaseUrl(connector('nuvei'), true, overrides, EMPTY_ALLOWLIST)).toBe('http://127.0.0.1:9999/nuvei');
      expect(resolveGatewayBaseUrl(connector('nuvei'), false, overrides, EMPTY_ALLOWLIST)).toBe('http://127.0.0.1:9999/nuvei');
      expect(resolveGatewayBaseUrl(connector('paytm'), true, overrides, EMPTY_ALLOWLIST)).toBe(SANDBOX);
      expect(resolveGatewayBaseUrl(connector('paytm'), false, overrides, EMPTY_ALLOWLIST)).toBe(PRODUCTION);
    });

    it('ignores the allow-list', () => {
      expect(resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, new Set(['evil.test']))).toBe(SANDBOX);
    });
  });

  describe('with a per-request base_url', () => {
    it('is refused when the allow-list is empty, even if an operator override exists', () => {
      expect(() => resolveGatewayBaseUrl(connector(), true, { nuvei: 'https://override.test' }, EMPTY_ALLOWLIST, 'https://gw.example.com/')).toThrow(BaseUrlNotAllowedError);
    });

    it('is refused when its host is not allow-listed', () => {
      const allowlist = new Set(['gw.example.com']);
      for (const url of ['https://evil.test/', 'https://gw.example.com.evil.test/', 'https://evilgw.example.com/', 'https://sub.gw.example.com/', 'http://169.254.169.254/latest/meta-data', 'http://127.0.0.1:5432/']) {
        expect(() => resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, allowlist, url)).toThrow(BaseUrlNotAllowedError);
      }
    });

    it('is returned as given when its host is allow-listed, in both modes, over the operator override', () => {
      const allowlist = new Set(['gw.example.com']);
      const url = 'https://gw.example.com/ppp/api';
      expect(resolveGatewayBaseUrl(connector(), true, { nuvei: 'https://override.test' }, allowlist, url)).toBe(url);
      expect(resolveGatewayBaseUrl(connector(), false, NO_OVERRIDES, allowlist, url)).toBe(url);
      expect(resolveGatewayBaseUrl(connector(), false, NO_OVERRIDES, allowlist, 'http://gw.example.com')).toBe('http://gw.example.com');
    });

    it('matches the host case-insensitively (allow-list as loadConfig builds it)', () => {
      const { baseUrlAllowlist } = loadConfig({ CONNECTOR_BASE_URL_ALLOWLIST: ' GW.Example.COM , other.test ' });
      expect(resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, baseUrlAllowlist, 'https://gw.example.com/x')).toBe('https://gw.example.com/x');
      expect(resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, baseUrlAllowlist, 'https://GW.EXAMPLE.com/x')).toBe('https://GW.EXAMPLE.com/x');
      expect(resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, baseUrlAllowlist, 'HTTPS://Other.Test')).toBe('HTTPS://Other.Test');
    });

    it.each([
      ['not a URL', 'not a url'],
      ['empty', ''],
      ['relative path', '/ppp/api'],
      ['scheme-less host', 'gw.example.com/api'],
      ['ftp', 'ftp://gw.example.com/'],
      ['file', 'file:///etc/passwd'],
      ['javascript', 'javascript:alert(1)'],
      ['data', 'data:text/plain,gw.example.com'],
      ['ws', 'ws://gw.example.com/'],
      ['gopher', 'gopher://gw.example.com:70/'],
    ])('refuses %s with BaseUrlNotAllowedError, even when the host would be allowed', (_label, url) => {
      const allowlist = new Set(['gw.example.com', '']);
      expect(() => resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, allowlist, url)).toThrow(BaseUrlNotAllowedError);
    });

    it('never echoes the refused URL (or its credentials) in the error', () => {
      const cases: Array<[string, ReadonlySet<string>]> = [
        ['https://user:CANARY_PASSWORD@evil.test/CANARY_PATH?token=CANARY_TOKEN', new Set(['gw.example.com'])],
        ['ftp://user:CANARY_PASSWORD@gw.example.com/CANARY_PATH', new Set(['gw.example.com'])],
        ['CANARY_NOT_A_URL', new Set(['gw.example.com'])],
      ];
      for (const [url, allowlist] of cases) {
        const error = refusal(() => resolveGatewayBaseUrl(connector(), true, NO_OVERRIDES, allowlist, url));
        expect(error.name).toBe('BaseUrlNotAllowedError');
        expect(error.message).not.toMatch(/CANARY|evil\.test|gw\.example\.com|user/);
      }
    });
  });
});
