import { IntegrationError, prepareFlow, systemClock } from '@prism-sessions/connector-interfaces';
import { nuveiConnector } from '../nuvei.connector';
import { nuveiCredentialSchema } from '../nuvei.credentials';
import { missingField } from './nuvei.request-guards';

describe('missingField', () => {
  it('names the field and the flow', () => {
    const error = missingField('authorize', 'billing.email', 'Ask the customer');
    expect(error).toBeInstanceOf(IntegrationError);
    expect(error).toMatchObject({ code: 'MISSING_REQUIRED_FIELD', field: 'billing.email', flow: 'authorize', connector: 'nuvei', suggestedAction: 'Ask the customer' });
    expect(error.message).toContain('billing.email');
  });
});

describe('currency check (prepareFlow, from the connector capabilities)', () => {
  const ctx = (currency: 'USD' | 'CLF') => ({
    flowData: { merchantId: 'm', connectorRequestReferenceId: 'r', testMode: true },
    request: { amount: { minorAmount: 1n, currency } },
    credentials: nuveiCredentialSchema.parse({ merchant_id: 'm', merchant_site_id: 's', merchant_secret: 'k' }),
    baseUrl: nuveiConnector.baseUrls.sandbox,
    clock: systemClock,
  });

  it('accepts supported currencies and refuses the others', () => {
    expect(() => prepareFlow(nuveiConnector, 'sessionToken', ctx('USD'))).not.toThrow();
    expect(() => prepareFlow(nuveiConnector, 'sessionToken', ctx('CLF'))).toThrow(IntegrationError);
  });
});
