import * as api from './index';
import * as testing from './testing';

describe('public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      ['PAYTM_BASE_URLS', 'createPaytmConnector', 'describePaytmResultCode', 'mapPaytmResultCode', 'paytmConnector', 'signPaytmBody', 'verifyPaytmSignature'].sort(),
    );
  });

  it('testing entry exports the fake gateway, answers and conformance fixtures', () => {
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
        'rawTopLevelMember',
      ].sort(),
    );
  });
});
