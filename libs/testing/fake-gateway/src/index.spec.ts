import * as api from './index';

describe('public API', () => {
  it('exports exactly the documented runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'APPLE_MERCHANT_ID_EXTENSION_OID',
        'APPLE_PAY_PAYMENT_SESSION_PATH',
        'APPLE_PAY_SESSION_LIFETIME_MS',
        'CONTROL_PREFIX',
        'FAULT_KINDS',
        'MALFORMED_JSON_BODY',
        'MAX_BODY_BYTES',
        'MAX_LATENCY_MS',
        'UID_OID',
        'createApplePayFakeGateway',
        'createFakeGatewayControlClient',
        'createTestCertificateAuthority',
        'startFakeGatewayServer',
      ].sort(),
    );
  });
});
