import { createConnectorRegistry } from '../connectors/connector-registry';
import { InvalidInputError } from '../errors/app-errors';
import { MAX_CREDENTIALS_BYTES, parseStoredCredentials, validateAccountCredentials } from './account-credentials';

const registry = createConnectorRegistry();
const nuvei = { merchant_id: 'm1', merchant_site_id: 's1', merchant_secret: 'SECRET_UNIT_CANARY' };

function errorOf(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('validateAccountCredentials', () => {
  it('keeps the declared fields sealed-to-be, shows only hint fields, and parses with the connector’s schema', () => {
    const result = validateAccountCredentials(registry, 'nuvei', nuvei);
    expect(JSON.parse(result.sealedJson.expose())).toEqual(nuvei);
    expect(result.hints).toEqual({ merchant_id: 'm1', merchant_site_id: 's1' });
    expect(result.parsed.connector).toBe('nuvei');
    expect(JSON.stringify(result)).not.toContain('SECRET_UNIT_CANARY');
    expect(parseStoredCredentials(registry, 'nuvei', result.sealedJson.expose()).connector).toBe('nuvei');
  });

  it('drops an optional field given as null and keeps Paytm hints', () => {
    const result = validateAccountCredentials(registry, 'paytm', { merchant_id: 'MID', merchant_key: 'k'.repeat(16), website: 'WEB', client_id: null });
    expect(JSON.parse(result.sealedJson.expose())).toEqual({ merchant_id: 'MID', merchant_key: 'k'.repeat(16), website: 'WEB' });
    expect(result.hints).toEqual({ merchant_id: 'MID', website: 'WEB' });
  });

  it.each<[string, unknown, string]>([
    ['a missing secret', { merchant_id: 'm', merchant_site_id: 's' }, 'input.credentials.merchant_secret'],
    ['an empty secret', { ...nuvei, merchant_secret: '' }, 'input.credentials.merchant_secret'],
    ['a numeric id', { ...nuvei, merchant_id: 1 }, 'input.credentials.merchant_id'],
    ['an array', [nuvei], 'input.credentials'],
    ['null', null, 'input.credentials'],
    ['an undeclared field', { ...nuvei, SECRET_UNIT_CANARY: 'x' }, 'input.credentials'],
    ['an oversized value', { ...nuvei, merchant_secret: 'x'.repeat(MAX_CREDENTIALS_BYTES) }, 'input.credentials'],
  ])('refuses %s naming the field, never echoing a value', (_name, raw, field) => {
    const error = errorOf(() => validateAccountCredentials(registry, 'nuvei', raw));
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
    expect(error.message).not.toContain('SECRET_UNIT_CANARY');
  });
});
