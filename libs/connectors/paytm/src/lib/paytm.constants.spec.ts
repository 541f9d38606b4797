import { CURRENCY_CODES, UNSUPPORTED_CURRENCIES } from '@prism-sessions/domain-types';
import { PAYTM_BASE_URLS, PAYTM_CAPABILITIES, PAYTM_HEADERS } from './paytm.constants';

describe('Paytm constants', () => {
  it('base URLs keep upstream’s trailing slash', () => {
    expect(PAYTM_BASE_URLS).toEqual({ sandbox: 'https://securestage.paytmpayments.com/', production: 'https://secure.paytmpayments.com/' });
    expect(Object.isFrozen(PAYTM_BASE_URLS)).toBe(true);
  });

  it('capabilities: session token of 15 minutes for one order; every currency upstream accepts', () => {
    expect(PAYTM_CAPABILITIES).toMatchObject({
      requiresSessionToken: true,
      requiresOrderCreate: false,
      requiresAccessToken: false,
      sessionTokenLifetimeSeconds: 900,
      ordersPerSessionToken: 1,
    });
    expect(PAYTM_CAPABILITIES.supportedCurrencies).toEqual(CURRENCY_CODES.filter((c) => !UNSUPPORTED_CURRENCIES.has(c)));
    expect(PAYTM_CAPABILITIES.supportedCurrencies).toContain('INR');
    expect(PAYTM_CAPABILITIES.supportedCurrencies).toContain('USD');
    expect(PAYTM_CAPABILITIES.supportedCurrencies).not.toContain('IRR');
  });

  it('headers are exactly Content-Type and Via', () => {
    expect(PAYTM_HEADERS).toEqual({ 'Content-Type': 'application/json', Via: 'HyperSwitch' });
  });
});
