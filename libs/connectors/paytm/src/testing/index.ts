/** Fake Paytm gateway (pure route logic) for unit, integration and simulator use. */
export { createPaytmFakeGateway } from './paytm.fake-gateway';
/** Fake gateway types. */
export type { PaytmFakeGateway, PaytmFakeGatewayOptions, PaytmFakeMerchant } from './paytm.fake-gateway';
/** Canned Paytm answers, signed as Paytm signs them (pass the merchant key your connector uses). */
export { paytmFakeAnswers, signedPaytmAnswer } from './paytm.fake-answers';
export type { PaytmAnswerSigning } from './paytm.fake-answers';
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
