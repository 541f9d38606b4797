import { inspect } from 'node:util';
import { ConnectorConfigError } from '@prism-sessions/domain-types';
import { nuveiCredentialSchema } from './nuvei.credentials';

describe('nuveiCredentialSchema', () => {
  const raw = { merchant_id: 'mid_1', merchant_site_id: 'site_1', merchant_secret: 'CANARY_NUVEI_SECRET' };

  it('reads the x-connector-config entry into wrapped credentials', () => {
    const credentials = nuveiCredentialSchema.parse(raw);
    expect(nuveiCredentialSchema.configKey).toBe('Nuvei');
    expect(credentials.merchantId.expose()).toBe('mid_1');
    expect(credentials.merchantSiteId.expose()).toBe('site_1');
    expect(credentials.merchantSecret.expose()).toBe('CANARY_NUVEI_SECRET');
    expect(inspect(credentials) + JSON.stringify(credentials)).not.toContain('CANARY_NUVEI_SECRET');
  });

  it('names a missing field, never a value', () => {
    expect(() => nuveiCredentialSchema.parse({ merchant_id: 'mid_1', merchant_site_id: 'site_1' })).toThrow(
      new ConnectorConfigError('FAILED_TO_OBTAIN_AUTH_TYPE', 'config.Nuvei.merchant_secret', 'Nuvei connector config: config.Nuvei.merchant_secret is missing'),
    );
  });

  it('offers the two ids as hints, never the secret', () => {
    expect(nuveiCredentialSchema.hints(raw)).toEqual({ merchant_id: 'mid_1', merchant_site_id: 'site_1' });
  });
});
