import { ConnectorConfigError, parseConnectorConfig } from '@prism-sessions/domain-types';
import { isSecret } from '@prism-sessions/masking';
import { renderEverywhere } from '../testing/render';
import { paytmCredentialSchema } from './paytm.credentials';

const KEY = 'KEY_abcdefgh1234';
const raw = (fields: Record<string, unknown> = {}) => ({ merchant_id: 'M1', merchant_key: KEY, website: 'WEBSTAGING', ...fields });

describe('paytmCredentialSchema', () => {
  it('is the "Paytm" entry of x-connector-config with the four upstream fields', () => {
    expect(paytmCredentialSchema.configKey).toBe('Paytm');
    expect(paytmCredentialSchema.fields).toEqual({ merchant_id: { hint: true }, merchant_key: {}, website: { hint: true }, client_id: { optional: true } });
  });

  it('parses every value into a Secret in one pass, with or without client_id', () => {
    const credentials = paytmCredentialSchema.parse(raw());
    expect(Object.keys(credentials)).toEqual(['merchantId', 'merchantKey', 'website']);
    for (const value of Object.values(credentials)) expect(isSecret(value)).toBe(true);
    expect(credentials.merchantKey.expose()).toBe(KEY);
    expect(renderEverywhere(credentials)).not.toContain(KEY);
    expect(paytmCredentialSchema.parse(raw({ client_id: 'C1' })).clientId?.expose()).toBe('C1');
    expect(paytmCredentialSchema.parse(raw({ client_id: null }))).not.toHaveProperty('clientId');
  });

  it.each([
    ['merchant_key', { merchant_key: undefined }, 'is missing'],
    ['merchant_key', { merchant_key: '' }, 'must not be empty'],
    ['merchant_id', { merchant_id: undefined }, 'is missing'],
    ['website', { website: 42 }, 'must be a string'],
    ['client_id', { client_id: 7 }, 'must be a string'],
  ])('refuses a bad %s naming the field, never echoing values', (field, fields, what) => {
    let thrown: unknown;
    try {
      paytmCredentialSchema.parse(raw(fields));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConnectorConfigError);
    expect(thrown).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', field: `config.Paytm.${field}` });
    expect((thrown as Error).message).toBe(`Paytm connector config: config.Paytm.${field} ${what}`);
    expect(renderEverywhere(thrown)).not.toContain(KEY);
  });

  it('shows only merchant_id and website as hints', () => {
    expect(paytmCredentialSchema.hints(raw({ client_id: 'C1' }))).toEqual({ merchant_id: 'M1', website: 'WEBSTAGING' });
  });

  it('works with parseConnectorConfig', () => {
    const { schema, credentials } = parseConnectorConfig(JSON.stringify({ config: { Paytm: raw() } }), [paytmCredentialSchema]);
    expect(schema).toBe(paytmCredentialSchema);
    expect(credentials.website.expose()).toBe('WEBSTAGING');
  });
});
