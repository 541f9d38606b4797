import { inspect } from 'node:util';
import { IntegrationError } from '@org/connector-interfaces';
import type { ConnectorCredentials } from '@org/domain-types';
import { Secret } from '@org/masking';
import { parseNuveiCredentials } from './nuvei.auth';

const nuvei: ConnectorCredentials = {
  connector: 'nuvei',
  merchantId: new Secret('probe_merchant'),
  merchantSiteId: new Secret('probe_id'),
  merchantSecret: new Secret('probe_secret'),
};

describe('parseNuveiCredentials', () => {
  it('narrows Nuvei credentials, keeping them wrapped', () => {
    const credentials = parseNuveiCredentials(nuvei);
    expect(credentials.merchantSecret.expose()).toBe('probe_secret');
    expect(inspect(credentials)).not.toContain('probe_secret');
  });

  it('refuses another connector’s credentials with FAILED_TO_OBTAIN_AUTH_TYPE', () => {
    const paytm: ConnectorCredentials = { connector: 'paytm', merchantId: new Secret('m'), merchantKey: new Secret('paytm_key_canary'), website: new Secret('w') };
    let error: unknown;
    try {
      parseNuveiCredentials(paytm, 'authorize');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', connector: 'nuvei', flow: 'authorize' });
    expect(inspect(error)).not.toContain('paytm_key_canary');
  });

  it('refuses a field that is not a Secret, naming the field only', () => {
    const untyped = { ...nuvei, merchantSecret: 'plain_secret_canary' } as unknown as ConnectorCredentials;
    let error: unknown;
    try {
      parseNuveiCredentials(untyped);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', field: 'merchantSecret' });
    expect(inspect(error)).not.toContain('plain_secret_canary');
  });
});
