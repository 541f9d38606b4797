import { InvalidInputError } from '../errors/app-errors';
import { createConnectorRegistry } from './connector-registry';
import { parseLegacyAuthHeaders } from './legacy-auth';

const registry = createConnectorRegistry();

function failure(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('parseLegacyAuthHeaders', () => {
  it('maps Nuvei signature-key through the credential schema, every value masked', () => {
    const parsed = parseLegacyAuthHeaders(registry, 'nuvei', { authType: 'signature-key', apiKey: 'mid', key1: 'site', apiSecret: 'CANARY_LEGACY' });
    expect(parsed.credentials.connector).toBe('nuvei');
    const value = parsed.credentials.value as Record<string, { expose(): string }>;
    expect(value['merchantId']?.expose()).toBe('mid');
    expect(value['merchantSiteId']?.expose()).toBe('site');
    expect(value['merchantSecret']?.expose()).toBe('CANARY_LEGACY');
    expect(JSON.stringify(parsed)).not.toContain('CANARY_LEGACY');
  });

  it('maps Paytm multi-auth-key key2 to client_id', () => {
    const parsed = parseLegacyAuthHeaders(registry, 'paytm', { authType: 'multi-auth-key', apiKey: 'mid', key1: 'key', apiSecret: 'WEBSTAGING', key2: 'client' });
    expect((parsed.credentials.value as Record<string, { expose(): string }>)['clientId']?.expose()).toBe('client');
  });

  it('refuses unknown types, types the connector does not accept, and missing keys', () => {
    expect(failure(() => parseLegacyAuthHeaders(registry, 'nuvei', { authType: 'certificate-auth' }))).toMatchObject({ reason: 'INVALID_AUTH_TYPE', field: 'x-auth' });
    expect(failure(() => parseLegacyAuthHeaders(registry, 'nuvei', { authType: 'multi-auth-key' }))).toMatchObject({ reason: 'AUTH_CONVERSION_FAILED', field: 'x-auth' });
    expect(failure(() => parseLegacyAuthHeaders(registry, 'paytm', { authType: 'signature-key', apiKey: 'mid', apiSecret: 'w' }))).toMatchObject({ reason: 'MISSING_METADATA', field: 'x-key1' });
  });
});
