import { IntegrationError } from '@org/connector-interfaces';
import { assertSupportedCurrency, missingField } from './nuvei.request-guards';

describe('missingField', () => {
  it('names the field and the flow', () => {
    const error = missingField('authorize', 'billing.email', 'Ask the customer');
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'billing.email', flow: 'authorize', connector: 'nuvei', suggestedAction: 'Ask the customer' });
    expect(error.message).toContain('billing.email');
  });
});

describe('assertSupportedCurrency', () => {
  it('accepts supported currencies and refuses the others', () => {
    expect(() => assertSupportedCurrency({ minorAmount: 1n, currency: 'USD' }, 'sessionToken')).not.toThrow();
    expect(() => assertSupportedCurrency({ minorAmount: 1n, currency: 'CLF' }, 'sessionToken')).toThrow(IntegrationError);
  });
});
