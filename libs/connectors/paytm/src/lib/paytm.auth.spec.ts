import { IntegrationError } from '@org/connector-interfaces';
import type { ConnectorCredentials } from '@org/domain-types';
import { Secret } from '@org/masking';
import { renderEverywhere } from '../testing/render';
import { parsePaytmCredentials } from './paytm.auth';

const paytm = (fields: Record<string, unknown> = {}): ConnectorCredentials =>
  ({ connector: 'paytm', merchantId: new Secret('M1'), merchantKey: new Secret('KEY_abcdefgh1234'), website: new Secret('WEBSTAGING'), ...fields }) as ConnectorCredentials;

describe('parsePaytmCredentials', () => {
  it('narrows Paytm credentials, with or without clientId', () => {
    const creds = paytm();
    expect(parsePaytmCredentials(creds)).toBe(creds);
    expect(parsePaytmCredentials(paytm({ clientId: new Secret('C1') })).clientId?.expose()).toBe('C1');
  });

  it('refuses another connector’s credentials with FAILED_TO_OBTAIN_AUTH_TYPE', () => {
    const nuvei: ConnectorCredentials = { connector: 'nuvei', merchantId: new Secret('m'), merchantSiteId: new Secret('s'), merchantSecret: new Secret('NUVEI_SECRET') };
    expect(() => parsePaytmCredentials(nuvei)).toThrow(IntegrationError);
    expect(() => parsePaytmCredentials(nuvei)).toThrow(expect.objectContaining({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', connector: 'paytm' }));
  });

  it.each([
    ['merchantKey', { merchantKey: new Secret('') }],
    ['merchantKey', { merchantKey: 'KEY_abcdefgh1234' }],
    ['merchantId', { merchantId: undefined }],
    ['website', { website: new Secret(42) }],
    ['clientId', { clientId: 'plain' }],
  ])('refuses a bad %s without echoing values', (field, fields) => {
    let thrown: unknown;
    try {
      parsePaytmCredentials(paytm(fields));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE' });
    expect((thrown as Error).message).toContain(field);
    expect(renderEverywhere(thrown)).not.toContain('KEY_abcdefgh1234');
  });
});
