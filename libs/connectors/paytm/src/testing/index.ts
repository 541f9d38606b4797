/** Fake Paytm gateway (pure route logic) for unit, integration and simulator use. */
export { createPaytmFakeGateway } from './paytm.fake-gateway';
/** Fake gateway types. */
export type { PaytmFakeGateway, PaytmFakeGatewayOptions, PaytmFakeMerchant } from './paytm.fake-gateway';
/** Canned Paytm answers. */
export { paytmFakeAnswers } from './paytm.fake-answers';
/** Conformance fixtures and the fixed-salt connector to run them with. */
export {
  PAYTM_FIXTURE_MERCHANT_ID,
  PAYTM_FIXTURE_MERCHANT_KEY,
  PAYTM_FIXTURE_SALT,
  PAYTM_FIXTURE_TOKEN,
  PAYTM_FIXTURE_WEBSITE,
  paytmConformanceConnector,
  paytmConformanceFixtures,
} from './paytm.conformance-fixtures';
/** Exact source text of a top-level JSON member (what a Paytm signature covers). */
export { rawTopLevelMember } from './raw-json';
