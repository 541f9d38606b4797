import { inspect } from 'node:util';
import { isSecret } from '@prism-sessions/masking';
import { ConnectorConfigError } from './connector-config-error';
import { defineCredentialSchema } from './credential-schema';

const schema = defineCredentialSchema('Acme', { merchant_id: { hint: true }, api_key: {}, client_id: { optional: true } }, (v) => ({
  merchantId: v.merchant_id,
  apiKey: v.api_key,
  clientId: v.client_id,
}));

describe('defineCredentialSchema', () => {
  it('wraps every field in a Secret in one pass', () => {
    const credentials = schema.parse({ merchant_id: 'm1', api_key: 'CANARY_KEY', client_id: 'c1', extra: 'ignored' });
    expect(isSecret(credentials.merchantId) && isSecret(credentials.apiKey) && isSecret(credentials.clientId)).toBe(true);
    expect(credentials.apiKey.expose()).toBe('CANARY_KEY');
    expect(inspect(credentials, { depth: null })).not.toContain('CANARY_KEY');
    expect(JSON.stringify(credentials)).not.toContain('CANARY_KEY');
  });

  it('treats an absent or null optional field as none', () => {
    expect(schema.parse({ merchant_id: 'm', api_key: 'k' }).clientId).toBeUndefined();
    expect(schema.parse({ merchant_id: 'm', api_key: 'k', client_id: null }).clientId).toBeUndefined();
  });

  it.each([
    [{ api_key: 'k' }, 'config.Acme.merchant_id', 'is missing'],
    [{ merchant_id: '', api_key: 'k' }, 'config.Acme.merchant_id', 'must not be empty'],
    [{ merchant_id: 'm', api_key: 42 }, 'config.Acme.api_key', 'must be a string'],
    [{ merchant_id: 'm', api_key: 'k', client_id: 7 }, 'config.Acme.client_id', 'must be a string'],
  ])('refuses %j naming %s', (raw, field, what) => {
    let caught: unknown;
    try {
      schema.parse(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConnectorConfigError);
    expect(caught).toMatchObject({ code: 'FAILED_TO_OBTAIN_AUTH_TYPE', field, message: `Acme connector config: ${field} ${what}` });
  });

  it('exposes as hints only the fields declared safe', () => {
    expect(schema.hints({ merchant_id: 'm1', api_key: 'CANARY_KEY', client_id: 'c1' })).toEqual({ merchant_id: 'm1' });
    expect(schema.configKey).toBe('Acme');
  });
});
