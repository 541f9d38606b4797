import * as api from './index';
import * as testing from './testing';

describe('public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(['createPaytmConnector', 'paytmConnector', 'signPaytmBody', 'verifyPaytmSignature'].sort());
  });

  it('reaches the rest through the definition: credential schema, base URLs, error-code meanings', () => {
    expect(api.paytmConnector.credentials.configKey).toBe('Paytm');
    expect(api.paytmConnector.baseUrls.sandbox).toBe('https://securestage.paytmpayments.com/');
    expect(api.paytmConnector.describeErrorCode('2005')).toMatch(/checksum/i);
  });

  it('testing entry exports the fake gateway, signed answers and conformance fixtures', () => {
    expect(Object.keys(testing).sort()).toEqual(
      [
        'PAYTM_FIXTURE_MERCHANT_ID',
        'PAYTM_FIXTURE_MERCHANT_KEY',
        'PAYTM_FIXTURE_SALT',
        'PAYTM_FIXTURE_TOKEN',
        'PAYTM_FIXTURE_WEBSITE',
        'createPaytmFakeGateway',
        'paytmConformanceConnector',
        'paytmConformanceFixtures',
        'paytmFakeAnswers',
        'signedPaytmAnswer',
      ].sort(),
    );
  });
});
