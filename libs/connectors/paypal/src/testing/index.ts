/**
 * Test helpers for the PayPal connector: an in-process fake gateway, canned answers and the
 * conformance fixtures. For specs, the simulator and integration tests only.
 */
export { createPaypalFakeGateway, paypalFakeAnswers } from './paypal.fake-gateway';
export type { PaypalFakeGateway, PaypalFakeGatewayOptions, PaypalFakeMerchant } from './paypal.fake-gateway';
export { PAYPAL_FIXTURE_INSTANT, paypalConformanceFixtures } from './paypal.conformance-fixtures';
